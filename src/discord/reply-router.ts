/**
 * Replies to the bot's messages (issue 15's "a reply to the bot's message about a briefing"). A
 * member who replies to a card, a posted briefing, a digest or an answer is talking about the
 * briefings that message carries in its buttons (briefings-of-message.ts). The reply reaches the
 * bot through the Guild Messages intent; its text is readable only when it mentions the bot,
 * which a reply does unless the member switched the mention off (the bot does not ask for the
 * privileged Message Content intent; src/sandbox/emulator/gateway/message-content.ts holds the
 * rule). A readable question is answered in a reply; any other reply only tells the bot what the
 * member is reading, for their next /ask there.
 */
import { MessageType, PermissionFlagsBits, type Message } from 'discord.js';
import type { MessagePayload } from '../render/message-payload.js';
import { briefingsOfMessage } from './briefings-of-message.js';
import { missingToAnswerIn } from './channel-permissions.js';
import type { CommandContext, CommandModule, ReplyHandler, ReplyResponder } from './command-module.js';
import { toMessageOptions } from './message-options.js';
import { WorkInFlight } from './work-in-flight.js';

/** As long as /ask's question option (commands/ask.ts). */
export const MAX_REPLY_QUESTION = 300;
/** Words a question starts with when it has no question mark ("will japan retaliate"). */
const QUESTION_START = /^(will|would|is|are|was|were|does|do|did|can|could|should|shall|may|might|must|has|have|had|how|what|why|when|where|who|whom|whose|which|any|isn't|aren't|won't|doesn't|don't|didn't|can't)\b/i;
/** Recently routed message ids, so a waiter that arrives late still sees its message went by. */
const REMEMBERED_IDS = 200;

/**
 * The question in a reply's text: mentions taken out, whitespace collapsed, cut to
 * {@link MAX_REPLY_QUESTION}; undefined when nothing is left or it does not read as a question.
 */
export function questionInReply(content: string): string | undefined {
  const text = content.replace(/<@[!&]?\d+>/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length < 3 || !(text.includes('?') || QUESTION_START.test(text))) return undefined;
  return text.slice(0, MAX_REPLY_QUESTION);
}

type Outcome = 'answered' | 'noted' | 'ignored' | 'cannot-send' | 'error' | 'refused';

export class ReplyRouter {
  readonly #handler: ReplyHandler | undefined;
  readonly #ctx: CommandContext;
  readonly #inFlight = new WorkInFlight();
  readonly #routed: string[] = [];
  readonly #waiters = new Map<string, Array<() => void>>();
  #accepting = true;

  constructor(commands: readonly CommandModule[], ctx: CommandContext) {
    const handlers = commands.flatMap((c) => (c.replies ? [c.replies] : []));
    if (handlers.length > 1) throw new Error('two commands answer replies');
    this.#handler = handlers[0];
    this.#ctx = ctx;
  }

  /** Handles one gateway message; never rejects. */
  handle(message: Message): Promise<void> {
    return this.#inFlight.track(
      this.#route(message)
        .catch((error: unknown) => this.#ctx.logger.error({ err: error, messageId: message.id }, 'reply could not be handled'))
        .finally(() => this.#markRouted(message.id)),
    );
  }

  /** Resolves once message `id` has been handled or passed over (or after `timeoutMs`): the sandbox and tests wait on it. */
  async routed(id: string, timeoutMs = 5_000): Promise<boolean> {
    if (this.#routed.includes(id)) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      const waiters = this.#waiters.get(id) ?? [];
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
      this.#waiters.set(id, waiters);
    });
  }

  async whenIdle(): Promise<void> {
    await this.#inFlight.whenIdle();
  }

  /** Stops answering and waits (up to `timeoutMs`) for answers being sent. */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.#accepting = false;
    await this.#inFlight.settle(timeoutMs);
  }

  #markRouted(id: string): void {
    this.#routed.push(id);
    if (this.#routed.length > REMEMBERED_IDS) this.#routed.shift();
    for (const wake of this.#waiters.get(id) ?? []) wake();
    this.#waiters.delete(id);
  }

  async #route(message: Message): Promise<void> {
    if (!this.#handler || message.author.bot || message.system || message.webhookId || !message.inGuild()) return;
    if (message.type !== MessageType.Reply || !message.reference?.messageId) return;
    const started = performance.now();
    const log = this.#ctx.logger.child({ messageId: message.id, guild: message.guildId });
    let outcome: Outcome = 'ignored';
    try {
      const target = await repliedTo(message);
      if (!target || target.author.id !== message.client.user.id) return;
      const slugs = briefingsOfMessage(target).filter((slug) => this.#ctx.library.get(slug));
      if (slugs.length === 0) return;
      const question = questionInReply(message.content);
      if (question && !this.#accepting) {
        outcome = 'refused';
        return;
      }
      const missing = question ? missingToAnswerIn(message.channel, message.client) : [];
      if (missing.length > 0) log.info({ missing, channel: message.channelId }, 'cannot answer a reply in this channel: the bot lacks permissions');
      // A question the bot may not answer here still notes what the member is reading, as any other reply does.
      const answerable = question !== undefined && missing.length === 0;
      outcome = !question ? 'noted' : answerable ? 'answered' : 'cannot-send';
      await this.#handler({ slugs, question: answerable ? question : undefined, channelId: message.channelId, userId: message.author.id }, new ReplyMessages(message), this.#ctx);
    } catch (error) {
      outcome = 'error';
      log.error({ err: error }, 'reply failed');
    } finally {
      if (outcome !== 'ignored') log.info({ command: 'reply', outcome, latencyMs: Math.round((performance.now() - started) * 100) / 100 }, 'reply');
    }
  }
}

/**
 * The message replied to: from discord.js's cache, where the gateway's `referenced_message` puts
 * it, else fetched (which needs Read Message History); undefined when it is gone or unreadable.
 */
async function repliedTo(message: Message<true>): Promise<Message | undefined> {
  const id = message.reference?.messageId;
  if (!id) return undefined;
  return message.channel.messages.cache.get(id) ?? (await message.fetchReference().catch(() => undefined));
}

/** The answer: its first message a reply to the member's (when the bot may read history, which Discord requires of a reply), the rest after it. */
class ReplyMessages implements ReplyResponder {
  readonly #message: Message<true>;

  constructor(message: Message<true>) {
    this.#message = message;
  }

  async sendAll(payloads: readonly MessagePayload[]): Promise<void> {
    const me = this.#message.client.user;
    const canReply = this.#message.channel.permissionsFor(me)?.has(PermissionFlagsBits.ReadMessageHistory) ?? false;
    for (const [i, payload] of payloads.entries()) {
      const options = toMessageOptions(payload);
      if (i === 0 && canReply) await this.#message.reply({ ...options, failIfNotExists: false });
      else await this.#message.channel.send(options);
    }
  }
}
