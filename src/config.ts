/**
 * Configuration from the environment (and `.env`), validated once at start-up. A bad value stops
 * the program with one line naming the variable and what it accepts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

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
});

export interface Config {
  discordToken: string | undefined;
  discordGuildId: string | undefined;
  /** Absolute path of the folder that holds every file the program writes. */
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  inboxPollSeconds: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads the configuration; `cwd` anchors a relative LUMEN_DATA_DIR. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = typeof env[name] === 'string' ? ` (got "${name === 'DISCORD_TOKEN' ? '***' : env[name]}")` : '';
    return { ok: false, message: `${name}: ${issue?.message ?? 'invalid'}${got}` };
  }
  const c = parsed.data;
  return {
    ok: true,
    config: {
      discordToken: c.DISCORD_TOKEN,
      discordGuildId: c.DISCORD_GUILD_ID,
      dataDir: resolve(cwd, c.LUMEN_DATA_DIR),
      logLevel: c.LUMEN_LOG_LEVEL,
      inboxPollSeconds: c.LUMEN_INBOX_POLL_SECONDS,
    },
  };
}

/** Loads `.env` from `cwd` into `env` when present; variables already set win, as with dotenv. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = resolve(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
