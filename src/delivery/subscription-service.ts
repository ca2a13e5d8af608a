/**
 * Subscribing, unsubscribing, listing and history, as rules over the state file. The commands
 * read options and check Discord permissions; the rules about values live in subscription-rules.ts.
 *
 * Issue 16's map: commands/subscribe.ts, unsubscribe.ts, subscriptions.ts (list, test,
 * history), alerts.ts; this service; test-post.ts; alerts.ts (admin alerts); the permission
 * pre-check in subscription-delivery.ts through the Poster; src/render/subscription-messages.ts,
 * subscription-list.ts and alert-messages.ts; the topic filter in src/schedule/delivery-plan.ts.
 */
import type { Clock } from '../domain/clock.js';
import type { DeliveryRecord, Subscription } from '../domain/subscription.schema.js';
import { nextRunAt } from '../schedule/delivery-plan.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import type { DeliveryStore, SubscriptionStore } from '../store/lumen-stores.js';
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
  readonly #subscriptions: SubscriptionStore;
  readonly #deliveries: DeliveryStore;
  readonly #archive: BriefingArchive;
  readonly #clock: Clock;
  readonly #requestDelivery: () => void;

  constructor(options: { subscriptions: SubscriptionStore; deliveries: DeliveryStore; archive: BriefingArchive; clock: Clock; requestDelivery: () => void }) {
    this.#subscriptions = options.subscriptions;
    this.#deliveries = options.deliveries;
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
    const existing = await this.#subscriptions.listByGuild(request.guildId);
    const same = existing.find((s) => sameSubscription(s, request.guildId, request.channelId, request.mode, settings));
    let subscription: Subscription | undefined;
    const result: { change: 'created' | 'updated' | 'resumed' } = { change: 'created' };
    if (same) {
      subscription = await this.#subscriptions.update(same.id, (current) => {
        result.change = current.status === 'paused' ? 'resumed' : 'updated';
        const next: Subscription = { ...current };
        for (const key of ['topic', 'excludeTopic', 'mentionRoleId', 'mentionEveryone', 'format', 'statusReason', 'retry'] as const) delete next[key];
        return { ...next, ...settings, status: 'active' };
      });
    }
    if (!subscription) {
      result.change = 'created';
      // A new subscription starts from now: what the archive already holds is never posted.
      subscription = {
        id: newSubscriptionId(existing),
        guildId: request.guildId,
        channelId: request.channelId,
        createdInChannelId: request.createdInChannelId,
        createdBy: request.userId,
        mode: request.mode,
        ...settings,
        createdAt: now.toISOString(),
        status: 'active',
        cursorSeq: this.#archive.lastSeq,
      };
      await this.#subscriptions.create(subscription);
    }
    const { change } = result;
    const owed = change === 'resumed' ? this.#archive.importedAfter(subscription.cursorSeq).length : 0;
    if (owed > 0) this.#requestDelivery();
    return { ok: true, subscription, change, owed, nextRunAt: nextRunAt(subscription, now) };
  }

  /** The guild's subscription with short id `shortId` (as typed: case and spaces do not matter). */
  async find(guildId: string, shortId: string): Promise<FindResult> {
    const typed = shortId.trim().toLowerCase().replace(/^#/, '');
    const subs = await this.#subscriptions.listByGuild(guildId);
    const sub = subs.find((s) => shortIdOf(s) === typed);
    if (sub) return { ok: true, subscription: sub };
    const hint = subs.length === 0 ? 'This server has no subscriptions.' : 'Run `/subscriptions list` to see the ids.';
    return { ok: false, problem: `No subscription of this server has the id \`${typed || '(empty)'}\`. ${hint}` };
  }

  /** This channel's subscriptions (of one mode, or all): what `/unsubscribe channel:` would remove. */
  async inChannel(guildId: string, channelId: string, mode?: 'new' | 'digest'): Promise<Subscription[]> {
    return (await this.#subscriptions.listByGuild(guildId)).filter((s) => s.channelId === channelId && (mode === undefined || s.mode === mode));
  }

  /** Removes the subscriptions with these ids (of this guild); returns what was removed. */
  async remove(guildId: string, ids: readonly string[]): Promise<Subscription[]> {
    return ids.length === 0 ? [] : this.#subscriptions.remove(guildId, ids);
  }

  /** Removes this channel's subscriptions (of one mode, or all); returns what was removed. */
  async unsubscribe(guildId: string, channelId: string, mode?: 'new' | 'digest'): Promise<Subscription[]> {
    return this.remove(guildId, (await this.inChannel(guildId, channelId, mode)).map((s) => s.id));
  }

  async list(guildId: string): Promise<{ subscription: Subscription; nextRunAt: Date | undefined }[]> {
    const now = this.#clock.now();
    return (await this.#subscriptions.listByGuild(guildId)).map((subscription) => ({ subscription, nextRunAt: nextRunAt(subscription, now) }));
  }

  /** The last `limit` deliveries of a subscription (tests included), newest first. */
  async history(subscriptionId: string, limit = 10): Promise<DeliveryRecord[]> {
    return this.#deliveries.history(subscriptionId, limit);
  }
}
