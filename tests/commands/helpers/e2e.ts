/**
 * Helpers for the end-to-end command tests: a sandbox whose structured log is kept in memory (so a
 * test can wait for the router's "interaction" line instead of sleeping), and readers for the
 * messages the emulator recorded.
 */
import { createHash } from 'node:crypto';
import type { Briefing } from '../../../src/domain/briefing.schema.js';
import { createLogger } from '../../../src/log.js';
import type { Sandbox } from '../../../src/sandbox/sandbox.js';
import type { InteractionHandle } from '../../../src/sandbox/emulator/interactions/interaction-handle.js';
import type { StoredMessage } from '../../../src/sandbox/emulator/state/stored-message.js';
import { startSandbox } from '../../support/sandbox-harness.js';

/** One parsed line of the bot's structured log. */
export interface LogRecord {
  level: number;
  msg: string;
  interactionId?: string;
  guild?: string;
  command?: string;
  latencyMs?: number;
  outcome?: string;
  err?: { message?: string; stack?: string; type?: string };
  [key: string]: unknown;
}

/** An embed as the emulator stores it. */
export interface Embed {
  title?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}

/** A button or select as the emulator stores it. */
export interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  placeholder?: string;
  options?: { label: string; value: string; description?: string; default?: boolean }[];
}

/** The in-memory log every test sandbox writes to. */
export class LogLines {
  readonly lines: string[] = [];

  records(): LogRecord[] {
    return this.lines.map((line) => JSON.parse(line) as LogRecord);
  }

  /** The router's closing line for one interaction (command, guild, latency, outcome). */
  summaryOf(interactionId: string): LogRecord | undefined {
    return this.records().find((r) => r.msg === 'interaction' && r.interactionId === interactionId);
  }

  /** Resolves with the closing line once the router has finished with `interactionId`. */
  async finished(interactionId: string, timeoutMs = 5_000): Promise<LogRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = this.summaryOf(interactionId);
      if (record) return record;
      if (Date.now() > deadline) throw new Error(`interaction ${interactionId} was not logged as finished within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}

export interface LoggedSandbox {
  sandbox: Sandbox;
  log: LogLines;
}

/** A sandbox with the samples, logging at info level into memory (the bot token is a secret to scrub). */
export async function startLoggedSandbox(options: { seedSamples?: boolean } = {}): Promise<LoggedSandbox> {
  const log = new LogLines();
  // The logger reads this array on every line, so the token, known only once the emulator runs, can join it after.
  const secrets: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => log.lines.push(line) }, secrets });
  const sandbox = await startSandbox({ logger, seedSamples: options.seedSamples });
  secrets.push(sandbox.discord.token);
  return { sandbox, log };
}

/** Waits until the router is done with the interaction, then returns every message it produced. */
export async function settle(log: LogLines, handle: InteractionHandle): Promise<{ messages: StoredMessage[]; summary: LogRecord }> {
  const summary = await log.finished(handle.id);
  return { messages: handle.messages(), summary };
}

export const embedsOf = (message: StoredMessage | undefined): Embed[] => (message?.embeds ?? []) as Embed[];

export const allEmbeds = (messages: readonly StoredMessage[]): Embed[] => messages.flatMap((m) => embedsOf(m));

/** Every component of a message, rows flattened. */
export function componentsOf(message: StoredMessage | undefined): Component[] {
  return ((message?.components ?? []) as { components?: Component[] }[]).flatMap((row) => row.components ?? []);
}

export const buttonsOf = (message: StoredMessage | undefined): Component[] => componentsOf(message).filter((c) => c.type === 2);
export const selectsOf = (message: StoredMessage | undefined): Component[] => componentsOf(message).filter((c) => c.type === 3);

/** All text a reader sees in the embeds of some messages, in order. */
export function textOf(messages: readonly StoredMessage[]): string {
  return allEmbeds(messages)
    .flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter((t): t is string => t !== undefined)
    .join('\n');
}

/**
 * The text as a reader sees it, for comparing with the source: the renderer's own bold and italics
 * dropped, its markdown escapes and mention-defusing undone.
 */
export const readable = (text: string): string =>
  text
    .replace(/\u200b/g, '')
    .replace(/(?<!\\)\*+/g, '')
    .replace(/\\(.)/gsu, '$1');

/** Requests the emulator refused (any 4xx or 5xx), for "nothing was rejected" assertions. */
export function rejectedRequests(sandbox: Sandbox): { method: string; path: string; status: number; body: unknown }[] {
  return sandbox.discord.requests.filter((r) => r.status >= 400).map((r) => ({ method: r.method, path: r.path, status: r.status, body: r.responseBody }));
}

/** Stores a briefing model directly in the sandbox's archive (as an import would). */
export async function saveBriefing(sandbox: Sandbox, briefing: Briefing): Promise<void> {
  const contentHash = createHash('sha256').update(JSON.stringify(briefing)).digest('hex');
  await sandbox.app.archive.save([{ briefing, dateFromFile: true, contentHash, source: `${briefing.slug}.md` }], sandbox.options.clock.now());
}

/**
 * Lets the bot send many follow-ups at once, in the emulator and in discord.js's own 50-per-second
 * global limiter: these tests check payloads, not rate limits (a 100-message briefing would
 * otherwise spend seconds waiting). Call again after a restart.
 */
export function liftFollowUpLimits(sandbox: Sandbox): void {
  const rest = sandbox.app.bot?.client.rest;
  if (rest) (rest.options as { globalRequestsPerSecond: number }).globalRequestsPerSecond = 100_000;
  const rateLimits = sandbox.discord.rateLimits;
  rateLimits.setGlobalLimit(false);
  rateLimits.setBucket({ method: 'POST', route: '/webhooks/:application_id/:token', limit: 10_000, windowMs: 1_000 });
  rateLimits.setBucket({ method: 'PATCH', route: '/webhooks/:application_id/:token/messages/:message_id', limit: 10_000, windowMs: 1_000 });
}
