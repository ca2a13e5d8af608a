import type { EmulatorContext } from '../emulator-context.js';
import type { InteractionRecord } from '../state/interaction-record.js';
import type { StoredMessage } from '../state/stored-message.js';

/** The bot's accepted initial response. */
export interface InitialResponse {
  /** Callback type: 4 reply, 5 deferred, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data: unknown;
  /** The message it created or updated (types 4, 5, 7). */
  message: StoredMessage | undefined;
}

/** Real-time slack on top of the deadline before `response()` gives up. */
const RESPONSE_SLACK_MS = 500;

/**
 * A dispatched interaction, as a test sees it: await the bot's initial response, then read or wait
 * for its reply, follow-ups and edits. Reads are live: they reflect edits made since.
 */
export class InteractionHandle {
  readonly record: InteractionRecord;
  readonly #ctx: EmulatorContext;

  constructor(ctx: EmulatorContext, record: InteractionRecord) {
    this.#ctx = ctx;
    this.record = record;
  }

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** Resolves with the first accepted callback; rejects if none arrives within the deadline (3 s by default, plus slack). */
  async response(timeoutMs = this.record.deadlineMs + RESPONSE_SLACK_MS): Promise<InitialResponse> {
    await this.until((h) => h.record.acknowledged, timeoutMs, 'an initial response');
    const message = this.original();
    return { type: this.record.callbackType ?? 0, data: this.record.callbackData, message };
  }

  /** The message `@original` points at: the reply, deferred placeholder, or the updated component message. */
  original(): StoredMessage | undefined {
    const id = this.record.originalMessageId;
    return id ? this.#ctx.messages.find(id) : undefined;
  }

  /** Follow-up messages, oldest first. */
  followups(): StoredMessage[] {
    return this.record.followupIds.map((id) => this.#ctx.messages.find(id)).filter((m): m is StoredMessage => m !== undefined);
  }

  /** The reply and follow-ups, oldest first. */
  messages(): StoredMessage[] {
    const original = this.original();
    return [...(original ? [original] : []), ...this.followups()];
  }

  /** Waits until `predicate` holds, re-checking whenever the bot does something with this interaction. */
  until(predicate: (handle: InteractionHandle) => boolean, timeoutMs = 5_000, what = 'the condition'): Promise<this> {
    if (predicate(this)) return Promise.resolve(this);
    return new Promise((resolve, reject) => {
      const registry = this.#ctx.interactions;
      const onChange = (record: InteractionRecord): void => {
        if (record !== this.record || !predicate(this)) return;
        cleanup();
        resolve(this);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`LocalDiscord: interaction ${this.id} did not reach ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        registry.off('change', onChange);
      };
      registry.on('change', onChange);
    });
  }

  /** Waits until the reply plus follow-ups number at least `count`; returns them. */
  async waitForMessages(count: number, timeoutMs = 5_000): Promise<StoredMessage[]> {
    await this.until((h) => h.messages().filter((m) => !m.loading).length >= count, timeoutMs, `${count} message(s)`);
    return this.messages();
  }
}
