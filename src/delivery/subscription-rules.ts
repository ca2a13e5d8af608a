/**
 * The rules about a subscription's values, apart from the state file: which options apply to
 * which mode, what a time of day looks like, what makes two subscriptions "the same one", and
 * the short id an admin types. Pure, so each rule has its own unit test.
 */
import { randomUUID } from 'node:crypto';
import { isValidTimeZone } from '../schedule/daily-slot.js';
import type { Subscription } from '../domain/subscription.schema.js';

export const DEFAULT_DIGEST_TIME = '08:00';
export const DEFAULT_TIMEZONE = 'UTC';
/** Characters of the subscription id shown and typed as its short id. */
export const SHORT_ID_LENGTH = 6;

export type SubscriptionMode = 'new' | 'digest';
export type PostFormat = 'card' | 'compact' | 'full';

/** What /subscribe asks for, as typed (nothing checked yet). */
export interface SubscribeOptions {
  mode: SubscriptionMode;
  time?: string;
  timezone?: string;
  topic?: string;
  excludeTopic?: string;
  mentionRoleId?: string;
  mentionEveryone?: 'everyone' | 'here';
  format?: PostFormat;
}

/** The settings a subscription stores, once checked. */
export interface SubscriptionSettings {
  time: string;
  timezone: string;
  topic?: string;
  excludeTopic?: string;
  mentionRoleId?: string;
  mentionEveryone?: 'everyone' | 'here';
  format?: PostFormat;
}

/** "8:00", "08:00", "8h30" -> "08:00"; undefined when it is not a time of day. */
export function normaliseTime(text: string): string | undefined {
  const match = /^\s*([01]?\d|2[0-3])\s*[:h.]\s*([0-5]\d)\s*$/i.exec(text);
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2]}` : undefined;
}

/** Topic words as stored and compared: trimmed, single spaces, lower case; undefined when blank. */
export function normaliseTopic(text: string | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim().toLowerCase();
  return clean ? clean : undefined;
}

/** Options that do nothing in a mode are refused, not ignored: the admin meant something by them. */
const ONLY_FOR: Record<string, SubscriptionMode> = { time: 'digest', timezone: 'digest', mention: 'new', format: 'new' };

/** Checks what /subscribe was given; the settings, or the problem in words naming the option. */
export function checkSubscribeOptions(options: SubscribeOptions): { ok: true; settings: SubscriptionSettings } | { ok: false; problem: string } {
  const given: Record<string, boolean> = {
    time: options.time !== undefined,
    timezone: options.timezone !== undefined,
    mention: options.mentionRoleId !== undefined || options.mentionEveryone !== undefined,
    format: options.format !== undefined,
  };
  for (const [option, mode] of Object.entries(ONLY_FOR)) {
    if (given[option] && options.mode !== mode) {
      const why = mode === 'digest' ? 'new briefings are posted as they arrive' : option === 'mention' ? 'digests never ping' : 'a digest is always a list';
      return { ok: false, problem: `\`${option}\` works with \`mode:${mode}\` only: ${why}. Leave it out, or use \`mode:${mode}\`.` };
    }
  }
  if (options.mentionRoleId && options.mentionEveryone) return { ok: false, problem: 'Choose either a `mention` role or `everyone`, not both.' };
  const time = options.time === undefined ? DEFAULT_DIGEST_TIME : normaliseTime(options.time);
  if (!time) return { ok: false, problem: `“${options.time}” is not a time of day. Write it as HH:MM on a 24-hour clock, e.g. 08:00 or 18:30.` };
  const timezone = options.timezone?.trim() || DEFAULT_TIMEZONE;
  if (!isValidTimeZone(timezone)) {
    return { ok: false, problem: `“${timezone}” is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.` };
  }
  const topic = normaliseTopic(options.topic);
  const excludeTopic = normaliseTopic(options.excludeTopic);
  if (topic && excludeTopic && topic === excludeTopic) return { ok: false, problem: '`topic` and `exclude` are the same words: nothing could ever be posted.' };
  return {
    ok: true,
    settings: {
      time,
      timezone,
      ...(topic ? { topic } : {}),
      ...(excludeTopic ? { excludeTopic } : {}),
      ...(options.mentionRoleId ? { mentionRoleId: options.mentionRoleId } : {}),
      ...(options.mentionEveryone ? { mentionEveryone: options.mentionEveryone } : {}),
      ...(options.format && options.format !== 'card' ? { format: options.format } : {}),
    },
  };
}

/**
 * Whether an existing subscription is the one /subscribe names: same channel, mode and filter.
 * Its other settings (time, zone, mention, format) are then updated rather than a twin made.
 */
export function sameSubscription(sub: Subscription, guildId: string, channelId: string, mode: SubscriptionMode, settings: SubscriptionSettings): boolean {
  return (
    sub.guildId === guildId &&
    sub.channelId === channelId &&
    sub.mode === mode &&
    normaliseTopic(sub.topic) === settings.topic &&
    normaliseTopic(sub.excludeTopic) === settings.excludeTopic
  );
}

/** The short id shown everywhere and typed in `id:` options. */
export function shortIdOf(sub: Pick<Subscription, 'id'>): string {
  return sub.id.replace(/-/g, '').slice(0, SHORT_ID_LENGTH).toLowerCase();
}

/** A new subscription id whose short id no existing subscription has. */
export function newSubscriptionId(existing: readonly Pick<Subscription, 'id'>[]): string {
  const taken = new Set(existing.map(shortIdOf));
  for (;;) {
    const id = randomUUID();
    if (!taken.has(shortIdOf({ id }))) return id;
  }
}

/** A subscription as the messages describe it: itself, its short id and its next run. */
export function subscriptionView<S extends Pick<Subscription, 'id'>>(sub: S, nextRunAt?: Date): S & { shortId: string; nextRunAt?: Date } {
  return { ...sub, shortId: shortIdOf(sub), ...(nextRunAt ? { nextRunAt } : {}) };
}
