/**
 * Subscribing, unsubscribing and listing, as rules over the state file. The commands read
 * options and check Discord permissions; the rules about values and cursors live here.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { isValidTimeZone } from '../schedule/daily-slot.js';
import { nextRunAt } from '../schedule/delivery-plan.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import type { Subscription } from '../store/state.schema.js';
import type { StateStore } from '../store/state-store.js';

export interface SubscribeRequest {
  guildId: string;
  channelId: string;
  createdInChannelId: string;
  userId: string;
  mode: 'new' | 'digest';
  time?: string;
  timezone?: string;
  topic?: string;
  mentionRoleId?: string;
}

export type SubscribeResult =
  | { ok: true; subscription: Subscription; change: 'created' | 'updated' | 'resumed'; owed: number; nextRunAt: Date | undefined }
  | { ok: false; problem: string };

export const DEFAULT_DIGEST_TIME = '08:00';
export const DEFAULT_TIMEZONE = 'UTC';

/** "8:00", "08:00", "8h30" -> "08:00"; undefined when it is not a time of day. */
export function normaliseTime(text: string): string | undefined {
  const match = /^\s*([01]?\d|2[0-3])\s*[:h.]\s*([0-5]\d)\s*$/i.exec(text);
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2]}` : undefined;
}

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

  async subscribe(request: SubscribeRequest): Promise<SubscribeResult> {
    const time = request.time === undefined ? DEFAULT_DIGEST_TIME : normaliseTime(request.time);
    if (!time) return { ok: false, problem: `“${request.time}” is not a time of day. Write it as HH:MM on a 24-hour clock, e.g. 08:00 or 18:30.` };
    const timezone = request.timezone?.trim() || DEFAULT_TIMEZONE;
    if (!isValidTimeZone(timezone)) {
      return { ok: false, problem: `“${timezone}” is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.` };
    }
    const topic = request.topic?.trim() || undefined;
    const now = this.#clock.now();
    const result: { id: string; change: 'created' | 'updated' | 'resumed' } = { id: randomUUID(), change: 'created' };
    await this.#state.update((state) => {
      const sub = state.subscriptions.find((s) => s.guildId === request.guildId && s.channelId === request.channelId && s.mode === request.mode);
      const settings = { time, timezone, ...(topic ? { topic } : {}), ...(request.mentionRoleId ? { mentionRoleId: request.mentionRoleId } : {}) };
      if (sub) {
        result.id = sub.id;
        result.change = sub.status === 'paused' ? 'resumed' : 'updated';
        delete sub.topic;
        delete sub.mentionRoleId;
        Object.assign(sub, settings, { status: 'active' });
        delete sub.statusReason;
        delete sub.retry;
        return;
      }
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

  /** Removes this channel's subscriptions (of one mode, or both); returns what was removed. */
  async unsubscribe(guildId: string, channelId: string, mode?: 'new' | 'digest'): Promise<Subscription[]> {
    const matches = (s: Subscription): boolean => s.guildId === guildId && s.channelId === channelId && (mode === undefined || s.mode === mode);
    const removed = this.#state.data.subscriptions.filter(matches);
    if (removed.length > 0) {
      await this.#state.update((state) => {
        state.subscriptions = state.subscriptions.filter((s) => !matches(s));
      });
    }
    return removed;
  }

  list(guildId: string): { subscription: Subscription; nextRunAt: Date | undefined }[] {
    const now = this.#clock.now();
    return this.#state.data.subscriptions.filter((s) => s.guildId === guildId).map((subscription) => ({ subscription, nextRunAt: nextRunAt(subscription, now) }));
  }

  /** The briefing a thread (opened under a new-briefing post) discusses. */
  briefingOfThread(channelId: string): string | undefined {
    return this.#state.data.threads[channelId];
  }
}
