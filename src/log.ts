/**
 * The structured log (pino, JSON lines on stderr). Secrets never reach it: the bot token is
 * replaced wherever it appears, and interaction/webhook tokens (which discord.js puts in error
 * URLs) are masked.
 *
 * Two layers: each record's objects are scrubbed (keys named like secrets, error objects), and
 * every finished line is scrubbed again by value before it is written. Only the second sees the
 * message after printf formatting, child logger bindings and objects at any depth, so a token
 * can reach the log by no path, whatever a call site passes.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const WEBHOOK_TOKEN = /(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]{20,}/g;

/** Replaces secrets (and webhook tokens) in a text: a finished log line, or one string of a record. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text.replace(WEBHOOK_TOKEN, '$1<token>');
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    out = out.split(secret).join('<redacted>');
    // As it appears inside a JSON string when it holds characters JSON escapes.
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join('<redacted>');
  }
  return out;
}

/** Deeper than this a record is cut (a cycle, or nothing a person would read); the line is still scrubbed. */
const MAX_DEPTH = 32;

/** Replaces secrets in every string of a log record. */
export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[nested too deep]';
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
  const target = options.destination ?? pino.destination({ dest: 2, sync: true });
  // The last word on every line: whatever the record held, the token's value does not get out.
  const destination = {
    write: (line: string): unknown => target.write(scrubText(line, secrets)),
    flush: (callback?: (error?: Error) => void): void => {
      const flush = (target as { flush?: (cb?: (error?: Error) => void) => void }).flush;
      if (flush) flush.call(target, callback);
      else callback?.();
    },
  };
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
