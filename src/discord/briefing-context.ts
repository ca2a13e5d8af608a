/**
 * What a channel is talking about: the briefing a follow-up question asked there is probably
 * about. Sources, most telling first:
 *  - the channel is a briefing's thread or forum post (opened under a new-briefing post);
 *  - a briefing shown there in the last {@link CONTEXT_TTL_MS}: to this user (their /brief, their
 *    button, their answer), else to the channel (anyone's /brief), or posted there by a
 *    subscription (a new-briefing post, or every briefing of a digest).
 * It is a prior for ask, never a filter (see ask-question.ts). Kept in the state store, so a
 * restart keeps it; short-lived, because a conversation moves on.
 */
import type { Clock } from '../domain/clock.js';
import { Snowflake } from '../domain/subscription.schema.js';
import type { ChannelContextStore, DeliveryStore, ThreadStore } from '../store/lumen-stores.js';

const isSnowflake = (id: string): boolean => Snowflake.safeParse(id).success;

/** How long a briefing shown in a channel stays its context. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

/** The briefings a question is probably about, and why. */
export interface BriefingPrior {
  slugs: string[];
  source: 'thread' | 'user' | 'channel' | 'posted';
}

export class BriefingContext {
  readonly #stores: { threads: ThreadStore; channelContext: ChannelContextStore; deliveries: DeliveryStore };
  readonly #clock: Clock;

  constructor(stores: { threads: ThreadStore; channelContext: ChannelContextStore; deliveries: DeliveryStore }, clock: Clock) {
    this.#stores = stores;
    this.#clock = clock;
  }

  /** Records that `slug` was shown in `channelId` (to `userId`, and so to the conversation there). */
  async shown(channelId: string, userId: string | undefined, slug: string): Promise<void> {
    // Only real snowflakes reach the state file, which is validated on every start.
    if (!isSnowflake(channelId) || (userId !== undefined && !isSnowflake(userId))) return;
    await this.#stores.channelContext.remember(channelId, userId, slug, this.#clock.now());
  }

  /** The prior for a question `userId` asks in `channelId` now, if there is one. */
  async priorFor(channelId: string, userId: string | undefined): Promise<BriefingPrior | undefined> {
    const thread = await this.#stores.threads.briefingOf(channelId);
    if (thread) return { slugs: [thread], source: 'thread' };
    const now = this.#clock.now().getTime();
    const fresh = (at: string): boolean => now - Date.parse(at) <= CONTEXT_TTL_MS && Date.parse(at) <= now + 1000;
    const [{ user, channel }, posted] = await Promise.all([this.#stores.channelContext.shownIn(channelId, userId), this.#stores.deliveries.lastPostedIn(channelId)]);
    if (user && fresh(user.at)) return { slugs: [user.slug], source: 'user' };
    const postedFresh = posted && fresh(posted.at) && posted.slugs.length > 0 ? posted : undefined;
    const shownFresh = channel && fresh(channel.at) ? channel : undefined;
    if (postedFresh && (!shownFresh || Date.parse(postedFresh.at) > Date.parse(shownFresh.at))) return { slugs: [...postedFresh.slugs], source: 'posted' };
    if (shownFresh) return { slugs: [shownFresh.slug], source: 'channel' };
    return undefined;
  }
}
