/**
 * Subscribing, unsubscribing, listing and history, as rules over the state file. The commands
 * read options and check Discord permissions; the rules about values live in subscription-rules.ts.
 *
 * Issue 16's map: commands/subscribe.ts, unsubscribe.ts, subscriptions.ts (list, test,
 * history), alerts.ts; this service; test-post.ts; alerts.ts (admin alerts); the permission
 * pre-check in delivery-runner.ts through the Poster; src/render/subscription-messages.ts,
 * subscription-list.ts and alert-messages.ts; the topic filter in src/schedule/delivery-plan.ts.
 */
import type { Clock } from '../domain/clock.js';
import { nextRunAt } from '../schedule/delivery-plan.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import type { DeliveryRecord, Subscription } from '../domain/subscription.schema.js';
import type { StateStore } from '../store/state-store.js';
import { checkSubscribeOptions, newSubscriptionId, sameSubscription, shortIdOf, type SubscribeOptions } from './subscription-rules.js';

export { DEFAULT_DIGEST_TIME, DEFAULT_TIMEZONE, normaliseTime } from './subscription-rules.js';

export interface SubscribeRequest extends SubscribeOptions {
  guildId: string;
  channelId: string;
  createdInChannelId: string;
  userId: string;
}

export type SubscribeResult =
  | { ok: true; subscription: Subscription; change: 'created' | 'updated' | 'resumed'; owed: number; nextRunAt: Date | undefined }
  | { ok: false; problem: string };

export type FindResult = { ok: true; subscription: Subscription } | { ok: false; problem: string };

export class SubscriptionService {
  readonly #state: StateStore;
  readonly #archive: BriefingArchive;
  readonly #clock: Clock;
  readonly #requestDelivery: () => void;

  constructor(options: { state: StateStore; archive: BriefingArchive; clock: Clock; requestDelivery: () => void }) {
    this.#state = options.state;
    this.#archive = options.archive;
    this.#clock = options.clock;
    this.#requestDelivery = options.requestDelivery;
  }

  /**
   * Creates a subscription, or updates the one with the same channel, mode and filter (several
   * may share a channel: one per filter and mode).
   */
  async subscribe(request: SubscribeRequest): Promise<SubscribeResult> {
    const checked = checkSubscribeOptions(request);
    if (!checked.ok) return checked;
    const { settings } = checked;
    const now = this.#clock.now();
    const result: { id: string; change: 'created' | 'updated' | 'resumed' } = { id: '', change: 'created' };
    await this.#state.update((state) => {
      const sub = state.subscriptions.find((s) => sameSubscription(s, request.guildId, request.channelId, request.mode, settings));
      if (sub) {
        result.id = sub.id;
        result.change = sub.status === 'paused' ? 'resumed' : 'updated';
        for (const key of ['topic', 'excludeTopic', 'mentionRoleId', 'mentionEveryone', 'format'] as const) delete sub[key];
        Object.assign(sub, settings, { status: 'active' });
        delete sub.statusReason;
        delete sub.retry;
        return;
      }
      result.id = newSubscriptionId(state.subscriptions);
      // A new subscription starts from now: what the archive already holds is never posted.
      state.subscriptions.push({
        id: result.id,
        guildId: request.guildId,
        channelId: request.channelId,
        createdInChannelId: request.createdInChannelId,
        createdBy: request.userId,
        mode: request.mode,
        ...settings,
        createdAt: now.toISOString(),
        status: 'active',
        cursorSeq: this.#archive.lastSeq,
      });
    });
    const { id, change } = result;
    const subscription = this.#state.data.subscriptions.find((s) => s.id === id) as Subscription;
    const owed = change === 'resumed' ? this.#archive.importedAfter(subscription.cursorSeq).length : 0;
    if (owed > 0) this.#requestDelivery();
    return { ok: true, subscription, change, owed, nextRunAt: nextRunAt(subscription, now) };
  }

  /** The guild's subscription with short id `shortId` (as typed: case and spaces do not matter). */
  find(guildId: string, shortId: string): FindResult {
    const typed = shortId.trim().toLowerCase().replace(/^#/, '');
    const sub = this.#state.data.subscriptions.find((s) => s.guildId === guildId && shortIdOf(s) === typed);
    if (sub) return { ok: true, subscription: sub };
    const ids = this.#state.data.subscriptions.filter((s) => s.guildId === guildId).map(shortIdOf);
    const hint = ids.length === 0 ? 'This server has no subscriptions.' : 'Run `/subscriptions list` to see the ids.';
    return { ok: false, problem: `No subscription of this server has the id \`${typed || '(empty)'}\`. ${hint}` };
  }

  /** This channel's subscriptions (of one mode, or all): what `/unsubscribe channel:` would remove. */
  inChannel(guildId: string, channelId: string, mode?: 'new' | 'digest'): Subscription[] {
    return this.#state.data.subscriptions.filter((s) => s.guildId === guildId && s.channelId === channelId && (mode === undefined || s.mode === mode));
  }

  /** Removes the subscriptions with these ids (of this guild); returns what was removed. */
  async remove(guildId: string, ids: readonly string[]): Promise<Subscription[]> {
    const wanted = new Set(ids);
    const matches = (s: Subscription): boolean => s.guildId === guildId && wanted.has(s.id);
    const removed = this.#state.data.subscriptions.filter(matches);
    if (removed.length > 0) {
      await this.#state.update((state) => {
        state.subscriptions = state.subscriptions.filter((s) => !matches(s));
      });
    }
    return removed;
  }

  /** Removes this channel's subscriptions (of one mode, or all); returns what was removed. */
  async unsubscribe(guildId: string, channelId: string, mode?: 'new' | 'digest'): Promise<Subscription[]> {
    return this.remove(guildId, this.inChannel(guildId, channelId, mode).map((s) => s.id));
  }

  list(guildId: string): { subscription: Subscription; nextRunAt: Date | undefined }[] {
    const now = this.#clock.now();
    return this.#state.data.subscriptions.filter((s) => s.guildId === guildId).map((subscription) => ({ subscription, nextRunAt: nextRunAt(subscription, now) }));
  }

  /** The last `limit` deliveries of a subscription (tests included), newest first. */
  history(subscriptionId: string, limit = 10): DeliveryRecord[] {
    const records: DeliveryRecord[] = [];
    const log = this.#state.data.deliveries;
    for (let i = log.length - 1; i >= 0 && records.length < limit; i--) {
      const record = log[i] as DeliveryRecord;
      if (record.subscriptionId === subscriptionId) records.push(record);
    }
    return records;
  }

  /** The briefing a thread (opened under a new-briefing post) discusses. */
  briefingOfThread(channelId: string): string | undefined {
    return this.#state.data.threads[channelId];
  }
}
