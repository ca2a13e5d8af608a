/**
 * Configuration from the environment (and `.env`), validated once at start-up. A bad value stops
 * the program with one line naming the variable and what it accepts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseOptions } from './store/database-options.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const ConfigSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{17,20}$/, 'must be a server id (17–20 digits)').optional()),
  LUMEN_DATA_DIR: optionalText.transform((dir) => dir ?? './data'),
  LUMEN_LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional()).transform((l) => l ?? 'info'),
  LUMEN_INBOX_POLL_SECONDS: optionalText
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number of seconds').optional())
    .transform((s) => (s === undefined ? 30 : Number(s)))
    .pipe(z.number().min(1, 'must be at least 1 second').max(3600, 'must be at most 3600 seconds')),
  LUMEN_HTTP_PORT: optionalText
    .pipe(z.string().regex(/^\d+$/, 'must be a port number (1–65535)').optional())
    .transform((s) => (s === undefined ? undefined : Number(s)))
    .pipe(z.number().min(1, 'must be a port number (1–65535)').max(65535, 'must be a port number (1–65535)').optional()),
  LUMEN_HTTP_HOST: optionalText
    .pipe(z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an IP address or a host name to listen on' }).optional())
    .transform((host) => host ?? '127.0.0.1'),
  LUMEN_INGEST_TOKEN: optionalText.pipe(
    z
      .string()
      .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
  LUMEN_DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must be a PostgreSQL URL: postgres://user:password@host:5432/database')
      .optional(),
  ),
  LUMEN_DATABASE_SCHEMA: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _ (at most 63, not starting with a digit)')
      .optional(),
  ),
  LUMEN_SHARDS: optionalText.pipe(
    z
      .string()
      .regex(/^(auto|\d{1,4}(,\d{1,4})*)$/, 'must be auto or the shard ids this process connects, e.g. 0,1')
      .optional(),
  ),
  LUMEN_SHARD_COUNT: optionalText
    .pipe(z.string().regex(/^\d{1,4}$/, 'must be the number of shards the bot has in all, e.g. 4').optional())
    .transform((s) => (s === undefined ? undefined : Number(s)))
    .pipe(z.number().min(1, 'must be at least 1').optional()),
  LUMEN_DISCORD_REST_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of a Discord REST proxy, e.g. http://rest-proxy:8080/api' }).optional()),
  LUMEN_REST_REQUESTS_PER_SECOND: optionalText
    .pipe(z.string().regex(/^\d{1,2}$/, 'must be a whole number of requests per second (1–50)').optional())
    .transform((s) => (s === undefined ? undefined : Number(s)))
    .pipe(z.number().min(1, 'must be between 1 and 50').max(50, 'must be between 1 and 50 (Discord allows 50 per second per bot)').optional()),
});

/** Variables whose values never appear in a message (a database URL holds its password). */
const SECRET_VARIABLES = new Set(['DISCORD_TOKEN', 'LUMEN_INGEST_TOKEN', 'LUMEN_DATABASE_URL']);

export interface Config {
  discordToken: string | undefined;
  discordGuildId: string | undefined;
  /** Absolute path of the folder that holds every file the program writes. */
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  inboxPollSeconds: number;
  /** The HTTP port (health, metrics, briefing ingest); undefined: no HTTP server. */
  httpPort: number | undefined;
  /** The address the HTTP port listens on (loopback unless told otherwise). */
  httpHost: string;
  /** The bearer token `POST /briefings` requires; undefined: that route refuses everything. */
  ingestToken: string | undefined;
  /** PostgreSQL instead of the data directory's lowdb files; undefined: the files. */
  database: DatabaseOptions | undefined;
  /** The gateway shards this process connects; undefined: all of them, as many as Discord recommends. */
  shards: { ids: number[]; count: number } | undefined;
  /** A REST proxy every request goes through instead of Discord's API (it then owns the rate limits). */
  discordRestUrl: string | undefined;
  /** This process's share of Discord's 50 requests/s per bot (several processes: 50 / N each). */
  restRequestsPerSecond: number;
}

/** Discord's global limit per bot (docs/discord-facts.md §5). */
export const DISCORD_GLOBAL_REQUESTS_PER_SECOND = 50;

function readShards(shards: string | undefined, count: number | undefined): { ok: false; message: string } | { ok: true; shards: Config['shards'] } {
  if (shards === undefined || shards === 'auto') {
    if (count !== undefined) return { ok: false, message: 'LUMEN_SHARD_COUNT: goes with LUMEN_SHARDS (the shard ids this process connects, e.g. 0,1); without it the bot connects every shard' };
    return { ok: true, shards: undefined };
  }
  if (count === undefined) return { ok: false, message: `LUMEN_SHARDS: a list of shard ids needs LUMEN_SHARD_COUNT, the number of shards in all (got "${shards}")` };
  const ids = [...new Set(shards.split(',').map(Number))].sort((a, b) => a - b);
  const outside = ids.find((id) => id >= count);
  if (outside !== undefined) return { ok: false, message: `LUMEN_SHARDS: shard ${outside} does not exist with LUMEN_SHARD_COUNT=${count} (ids go from 0 to ${count - 1})` };
  return { ok: true, shards: { ids, count } };
}

/** Every secret value of a configuration (the tokens, the database URL and its password): what logs and messages scrub. */
export function configSecrets(config: Config): string[] {
  return [config.discordToken, config.ingestToken, config.database?.url, databasePassword(config)].filter((s) => s !== undefined);
}

/** The password of a database URL, which the logs must never print. */
export function databasePassword(config: Pick<Config, 'database'>): string | undefined {
  if (!config.database) return undefined;
  try {
    const password = decodeURIComponent(new URL(config.database.url).password);
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads the configuration; `cwd` anchors a relative LUMEN_DATA_DIR. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = typeof env[name] === 'string' ? ` (got "${SECRET_VARIABLES.has(name) ? '***' : env[name]}")` : '';
    return { ok: false, message: `${name}: ${issue?.message ?? 'invalid'}${got}` };
  }
  const c = parsed.data;
  const shards = readShards(c.LUMEN_SHARDS, c.LUMEN_SHARD_COUNT);
  if (!shards.ok) return shards;
  return {
    ok: true,
    config: {
      discordToken: c.DISCORD_TOKEN,
      discordGuildId: c.DISCORD_GUILD_ID,
      dataDir: resolve(cwd, c.LUMEN_DATA_DIR),
      logLevel: c.LUMEN_LOG_LEVEL,
      inboxPollSeconds: c.LUMEN_INBOX_POLL_SECONDS,
      httpPort: c.LUMEN_HTTP_PORT,
      httpHost: c.LUMEN_HTTP_HOST,
      ingestToken: c.LUMEN_INGEST_TOKEN,
      database: c.LUMEN_DATABASE_URL ? { url: c.LUMEN_DATABASE_URL, ...(c.LUMEN_DATABASE_SCHEMA ? { schema: c.LUMEN_DATABASE_SCHEMA } : {}) } : undefined,
      shards: shards.shards,
      discordRestUrl: c.LUMEN_DISCORD_REST_URL,
      restRequestsPerSecond: c.LUMEN_REST_REQUESTS_PER_SECOND ?? DISCORD_GLOBAL_REQUESTS_PER_SECOND,
    },
  };
}

/** Loads `.env` from `cwd` into `env` when present; variables already set win, as with dotenv. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = resolve(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
