import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/sandbox/emulator/rest/rate-limiter.js';

/** A wall clock the test moves by hand. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_700_000_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('RateLimiter', () => {
  it('given 50 counted requests in a second, then the 51st is a global 429 until the window closes', () => {
    const time = clock();
    const limiter = new RateLimiter({}, time.now);
    for (let i = 0; i < 50; i += 1) expect(limiter.check('GET', '/users/@me', '', true).allowed).toBe(true);
    const refused = limiter.check('GET', '/users/@me', '', true);
    expect(refused).toMatchObject({ allowed: false, global: true, headers: { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' } });
    expect(refused.retryAfter).toBeCloseTo(1, 2);
    time.advance(1_000);
    expect(limiter.check('GET', '/users/@me', '', true).allowed).toBe(true);
    expect(limiter.globalWindows().map((w) => [w.accepted, w.rejected])).toEqual([
      [50, 1],
      [1, 0],
    ]);
  });

  it('given interaction endpoints, then they never count toward the global limit', () => {
    const limiter = new RateLimiter({ globalPerSecond: 1 }, clock().now);
    expect(limiter.check('GET', '/users/@me', '', true).allowed).toBe(true);
    for (let i = 0; i < 10; i += 1) expect(limiter.check('POST', '/interactions/:interaction_id/:token/callback', `${i}:t`, false).allowed).toBe(true);
    expect(limiter.check('GET', '/users/@me', '', true).global).toBe(true);
  });

  it('given POST channel messages, then each channel has its own 5-per-5-seconds bucket with Discord headers', () => {
    const time = clock();
    const limiter = new RateLimiter({}, time.now);
    const route = '/channels/:channel_id/messages';
    const answers = Array.from({ length: 6 }, () => limiter.check('POST', route, 'A', true));
    expect(answers.map((a) => a.headers['X-RateLimit-Remaining'])).toEqual(['4', '3', '2', '1', '0', '0']);
    expect(answers[5]).toMatchObject({ allowed: false, global: false, headers: { 'X-RateLimit-Scope': 'user', 'Retry-After': '5' } });
    expect(limiter.check('POST', route, 'B', true).allowed).toBe(true);
    expect(answers[0]?.headers['X-RateLimit-Bucket']).toBe(limiter.check('POST', route, 'C', true).headers['X-RateLimit-Bucket']);
    time.advance(5_000);
    expect(limiter.check('POST', route, 'A', true).headers['X-RateLimit-Remaining']).toBe('4');
  });

  it('given a bucket set at runtime, then it replaces the default for that route', () => {
    const limiter = new RateLimiter({ globalPerSecond: false }, clock().now);
    limiter.setBucket({ method: 'GET', route: '/guilds/:guild_id', limit: 1, windowMs: 10_000 });
    expect(limiter.check('GET', '/guilds/:guild_id', 'g', true).allowed).toBe(true);
    expect(limiter.check('GET', '/guilds/:guild_id', 'g', true)).toMatchObject({ allowed: false, retryAfter: 10 });
  });
});
