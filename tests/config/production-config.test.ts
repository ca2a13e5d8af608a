import { describe, expect, it } from 'vitest';
import { databasePassword, loadConfig } from '../../src/config.js';
import { servesGuild, shardOfGuild } from '../../src/domain/shard-scope.js';
import { scrubText } from '../../src/log.js';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/lumen');

describe('given the production variables (issue 17)', () => {
  it('given nothing set, then the lowdb files, every shard, Discord itself and the whole 50 requests/s', () => {
    const result = load({});
    expect(result.ok && [result.config.database, result.config.shards, result.config.discordRestUrl, result.config.restRequestsPerSecond]).toEqual([undefined, undefined, undefined, 50]);
  });

  it('given a database URL and schema, then they are taken, and a bad URL is refused without printing it', () => {
    const url = 'postgres://lumen:s3cr3t-pass@db:5432/lumen';
    const result = load({ LUMEN_DATABASE_URL: url, LUMEN_DATABASE_SCHEMA: 'lumen_eu' });
    expect(result.ok && result.config.database).toEqual({ url, schema: 'lumen_eu' });
    expect(result.ok && databasePassword(result.config)).toBe('s3cr3t-pass');
    expect(load({ LUMEN_DATABASE_URL: 'mysql://root:hunter2@db/lumen' })).toEqual({
      ok: false,
      message: 'LUMEN_DATABASE_URL: must be a PostgreSQL URL: postgres://user:password@host:5432/database (got "***")',
    });
    expect(load({ LUMEN_DATABASE_SCHEMA: 'Lumen-EU' })).toMatchObject({ ok: false, message: expect.stringMatching(/^LUMEN_DATABASE_SCHEMA: must be lower-case letters/) });
  });

  it('given a database password with escapes, then the logs scrub it in both spellings', () => {
    const result = load({ LUMEN_DATABASE_URL: 'postgres://lumen:p%40ss%2Fword99@db/lumen' });
    const password = result.ok ? databasePassword(result.config) : undefined;
    expect(password).toBe('p@ss/word99');
    expect(scrubText('connect failed for lumen with p@ss/word99', [password as string])).toBe('connect failed for lumen with <redacted>');
  });

  it('given shards split across processes, then the ids and count are taken, and a list without a count or an id past it is refused', () => {
    const result = load({ LUMEN_SHARDS: '3,1', LUMEN_SHARD_COUNT: '4' });
    expect(result.ok && result.config.shards).toEqual({ ids: [1, 3], count: 4 });
    expect(load({ LUMEN_SHARDS: 'auto' })).toMatchObject({ ok: true, config: { shards: undefined } });
    expect(load({ LUMEN_SHARDS: '0,1' })).toEqual({ ok: false, message: 'LUMEN_SHARDS: a list of shard ids needs LUMEN_SHARD_COUNT, the number of shards in all (got "0,1")' });
    expect(load({ LUMEN_SHARDS: '0,4', LUMEN_SHARD_COUNT: '4' })).toEqual({ ok: false, message: 'LUMEN_SHARDS: shard 4 does not exist with LUMEN_SHARD_COUNT=4 (ids go from 0 to 3)' });
    expect(load({ LUMEN_SHARD_COUNT: '2' })).toMatchObject({ ok: false, message: expect.stringMatching(/^LUMEN_SHARD_COUNT: goes with LUMEN_SHARDS/) });
    expect(load({ LUMEN_SHARDS: 'two' })).toMatchObject({ ok: false, message: expect.stringMatching(/^LUMEN_SHARDS: must be auto or the shard ids/) });
  });

  it('given a REST proxy and a share of the rate limit, then they are taken within Discord’s 50/s', () => {
    const result = load({ LUMEN_DISCORD_REST_URL: 'http://rest-proxy:8080/api', LUMEN_REST_REQUESTS_PER_SECOND: '25' });
    expect(result.ok && [result.config.discordRestUrl, result.config.restRequestsPerSecond]).toEqual(['http://rest-proxy:8080/api', 25]);
    expect(load({ LUMEN_REST_REQUESTS_PER_SECOND: '60' })).toMatchObject({ ok: false, message: expect.stringMatching(/^LUMEN_REST_REQUESTS_PER_SECOND: must be between 1 and 50/) });
    expect(load({ LUMEN_DISCORD_REST_URL: 'ftp://x' })).toMatchObject({ ok: false, message: expect.stringMatching(/^LUMEN_DISCORD_REST_URL: must be an http\(s\) URL/) });
  });
});

describe('given a server id, then its shard is (id >> 22) % count, as Discord assigns it', () => {
  it('then each server is served by exactly one of the processes that split the shards', () => {
    // Discord's example snowflake 175928847299117063: its upper bits (id >> 22) are 41944705796.
    expect([1, 3, 4].map((count) => shardOfGuild('175928847299117063', count))).toEqual([0, 2, 0]);
    const guilds = Array.from({ length: 50 }, (_, i) => String(1575126960185671680n + (BigInt(i) << 22n)));
    const scopes = [{ ids: [0, 1], count: 4 }, { ids: [2], count: 4 }, { ids: [3], count: 4 }];
    for (const guild of guilds) expect(scopes.filter((scope) => servesGuild(scope, guild))).toHaveLength(1);
    expect(new Set(guilds.map((g) => shardOfGuild(g, 4)))).toEqual(new Set([0, 1, 2, 3]));
    expect(guilds.every((g) => servesGuild(undefined, g))).toBe(true);
  });
});
