/**
 * The structured log (pino, JSON lines on stderr). Secrets never reach it: the bot token is
 * replaced wherever it appears, and interaction/webhook tokens (which discord.js puts in error
 * URLs) are masked.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const WEBHOOK_TOKEN = /(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]{20,}/g;

/** Replaces secrets in every string of a log record. */
export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') {
    let text = value.replace(WEBHOOK_TOKEN, '$1<token>');
    for (const secret of secrets) if (secret.length >= 8) text = text.split(secret).join('<redacted>');
    return text;
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  // An Error's message and stack are not own enumerable properties: serialise it first, or it logs as {}.
  if (value instanceof Error) return scrubSecrets(pino.stdSerializers.err(value), secrets, depth + 1);
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = /token|authorization|password|secret/i.test(key) && typeof item === 'string' ? '<redacted>' : scrubSecrets(item, secrets, depth + 1);
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Values that must never be printed (the bot token). */
  secrets?: readonly string[];
  /** Where lines go; stderr by default, so stdout stays clean for --json and the sandbox. */
  destination?: { write(line: string): unknown };
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets ?? [];
  const destination = options.destination ?? pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level: options.level,
      base: undefined,
      formatters: { log: (record) => scrubSecrets(record, secrets) as Record<string, unknown> },
      serializers: { err: (error: Error) => scrubSecrets(pino.stdSerializers.err(error), secrets) },
    },
    destination as pino.DestinationStream,
  );
}

/** A logger that drops everything, for tests that do not look at the log. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
