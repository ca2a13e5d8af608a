import { createHash } from 'node:crypto';
import { DISCORD_LIMITS } from '../payload-limits.js';

/** A per-route bucket size; the bucket is kept per major parameter (channel, guild, webhook+token). */
export interface BucketRule {
  method: string;
  /** Route template, e.g. `/channels/:channel_id/messages`. */
  route: string;
  limit: number;
  windowMs: number;
}

/** Rate-limit configuration. */
export interface RateLimitOptions {
  /** Requests per rolling second across the bot; `false` disables the global limit. Default 50. */
  globalPerSecond?: number | false;
  /** Buckets that differ from the default, matched by method and template. */
  buckets?: BucketRule[];
  /** Bucket for routes without a rule. Default 50 per second. */
  defaultBucket?: { limit: number; windowMs: number };
}

/** Route buckets close to what Discord reports for these routes. */
export const DEFAULT_BUCKETS: BucketRule[] = [
  { method: 'POST', route: '/channels/:channel_id/messages', limit: 5, windowMs: 5_000 },
  { method: 'PATCH', route: '/channels/:channel_id/messages/:message_id', limit: 5, windowMs: 5_000 },
  { method: 'DELETE', route: '/channels/:channel_id/messages/:message_id', limit: 5, windowMs: 1_000 },
  { method: 'POST', route: '/webhooks/:application_id/:token', limit: 5, windowMs: 2_000 },
  { method: 'PATCH', route: '/webhooks/:application_id/:token/messages/:message_id', limit: 5, windowMs: 2_000 },
];

/** The verdict for one request: headers to send, and a 429 body if refused. */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  global: boolean;
  /** Seconds to wait, when refused. */
  retryAfter: number;
}

interface BucketState {
  remaining: number;
  resetAt: number;
}

/** One window of the global limit: when it opened and what it let through or refused. */
export interface GlobalWindowStats {
  openedAt: number;
  accepted: number;
  rejected: number;
}

/**
 * Discord's two layers: a global limit (50 per second, interaction endpoints exempt) and
 * fixed-window per-route buckets keyed by major parameter. Runs on wall-clock time, because
 * discord.js schedules its retries on `Date.now()`.
 */
export class RateLimiter {
  #globalPerSecond: number | false;
  readonly #rules: BucketRule[];
  readonly #defaultBucket: { limit: number; windowMs: number };
  readonly #buckets = new Map<string, BucketState>();
  #globalWindow: BucketState = { remaining: 0, resetAt: 0 };
  readonly #globalStats: GlobalWindowStats[] = [];
  readonly #clock: () => number;

  constructor(options: RateLimitOptions = {}, clock: () => number = Date.now) {
    this.#globalPerSecond = options.globalPerSecond ?? DISCORD_LIMITS.rateLimit.globalPerSecond;
    this.#rules = [...(options.buckets ?? []), ...DEFAULT_BUCKETS];
    this.#defaultBucket = options.defaultBucket ?? { limit: 50, windowMs: 1_000 };
    this.#clock = clock;
  }

  /** Changes (or adds) a route bucket; takes effect for windows that start afterwards. */
  setBucket(rule: BucketRule): void {
    this.#rules.unshift(rule);
  }

  setGlobalLimit(perSecond: number | false): void {
    this.#globalPerSecond = perSecond;
  }

  check(method: string, template: string, major: string, countsGlobal: boolean): RateDecision {
    const now = this.#clock();
    const global = countsGlobal && this.#globalPerSecond !== false ? this.#currentGlobalWindow(now, this.#globalPerSecond) : undefined;
    if (global) {
      if (global.remaining <= 0) {
        this.#stats().rejected += 1;
        const retryAfter = round((global.resetAt - now) / 1_000);
        return { allowed: false, global: true, retryAfter, headers: { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global', 'Retry-After': wholeSeconds(retryAfter) } };
      }
    }
    const rule = this.#rules.find((r) => r.method === method && r.route === template) ?? this.#defaultBucket;
    const key = `${method} ${template} ${major}`;
    let state = this.#buckets.get(key);
    if (!state || now >= state.resetAt) {
      state = { remaining: rule.limit, resetAt: now + rule.windowMs };
      this.#buckets.set(key, state);
    }
    const headers = (remaining: number): Record<string, string> => ({
      'X-RateLimit-Limit': String(rule.limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': (state.resetAt / 1_000).toFixed(3),
      'X-RateLimit-Reset-After': round((state.resetAt - now) / 1_000).toFixed(3),
      'X-RateLimit-Bucket': bucketHash(method, template),
    });
    if (state.remaining <= 0) {
      const retryAfter = round((state.resetAt - now) / 1_000);
      return { allowed: false, global: false, retryAfter, headers: { ...headers(0), 'X-RateLimit-Scope': 'user', 'Retry-After': wholeSeconds(retryAfter) } };
    }
    state.remaining -= 1;
    if (global) {
      global.remaining -= 1;
      this.#stats().accepted += 1;
    }
    return { allowed: true, global: false, retryAfter: 0, headers: headers(state.remaining) };
  }

  /**
   * The global limit is a one-second window opened by the first counted request after the last one
   * closed: the same scheme discord.js uses to pace itself, so a well-behaved client never sees 429.
   */
  #currentGlobalWindow(now: number, perSecond: number): BucketState {
    if (now >= this.#globalWindow.resetAt) {
      this.#globalWindow = { remaining: perSecond, resetAt: now + 1_000 };
      this.#globalStats.push({ openedAt: now, accepted: 0, rejected: 0 });
      if (this.#globalStats.length > 10_000) this.#globalStats.shift();
    }
    return this.#globalWindow;
  }

  /** The global windows so far, oldest first (wall-clock `openedAt`). */
  globalWindows(): GlobalWindowStats[] {
    return this.#globalStats.map((w) => ({ ...w }));
  }

  #stats(): GlobalWindowStats {
    return this.#globalStats[this.#globalStats.length - 1] ?? { openedAt: 0, accepted: 0, rejected: 0 };
  }
}

/** The `X-RateLimit-Bucket` id: stable per method and route, independent of the major parameter (DOCS RL). */
export function bucketHash(method: string, template: string): string {
  return createHash('sha1').update(`${method} ${template}`).digest('hex').slice(0, 32);
}

function round(seconds: number): number {
  return Math.max(0.001, Math.ceil(seconds * 1_000) / 1_000);
}

/**
 * Discord's `Retry-After` header is whole seconds, rounded up (the body's `retry_after` keeps the
 * decimals); discord.js waits on the header, so a fractional one would make it wait less than in production.
 */
function wholeSeconds(seconds: number): string {
  return String(Math.max(1, Math.ceil(seconds)));
}
