/**
 * Helpers for the issue-7 end-to-end tests: a sandbox (emulator + real bot) on simulated time with
 * its log kept in memory, briefing files built from a sample, the inbox, /subscribe as a user
 * types it, and readers for what the emulator recorded.
 */
import { mkdir, mkdtemp, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/domain/clock.js';
import { createLogger } from '../../../src/log.js';
import { decodeCustomId } from '../../../src/interaction-ids/custom-ids.js';
import { Sandbox } from '../../../src/sandbox/sandbox.js';
import type { InteractionHandle } from '../../../src/sandbox/emulator/interactions/interaction-handle.js';
import type { StoredMessage } from '../../../src/sandbox/emulator/state/stored-message.js';
import type { DeliveryRecord, Subscription } from '../../../src/domain/subscription.schema.js';
import { MAX_DELIVERY_LOG, type StateFile } from '../../../src/store/state.schema.js';
import { SAMPLES_DIR } from '../../support/seed.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Log lines kept in memory, parsed on demand. */
export class MemoryLog {
  readonly lines: string[] = [];

  records(): { level: number; msg: string; [key: string]: unknown }[] {
    return this.lines.map((line) => JSON.parse(line) as { level: number; msg: string });
  }
}

export interface DeliveryWorld {
  sandbox: Sandbox;
  clock: ManualClock;
  dataDir: string;
  log: MemoryLog;
}

export const newDataDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'lumen-delivery-'));

export interface WorldOptions {
  start?: string;
  dataDir?: string;
  seedSamples?: boolean;
  clock?: ManualClock;
  /**
   * Keep Discord's per-channel bucket (5 posts per 5 s) on wall-clock time. Off by default:
   * simulated time squeezes days of posts into a second, and discord.js would then wait out
   * real seconds for buckets that, in the simulated world, reset hours ago.
   */
  realRouteLimits?: boolean;
  /** How often the inbox is polled (the bot's default, 30 s, is a poll every simulated minute). */
  inboxPollSeconds?: number;
}

/** The emulator, the bot and the samples on a data directory, with time standing still at `start`. */
export async function startWorld(options: WorldOptions = {}): Promise<DeliveryWorld> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const clock = options.clock ?? new ManualClock(options.start ?? '2026-11-25T09:00:00.000Z');
  const log = new MemoryLog();
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => log.lines.push(line) } });
  const sandbox = await Sandbox.start({ dataDir, clock, logger, seedSamples: options.seedSamples, inboxPollSeconds: options.inboxPollSeconds });
  if (!options.realRouteLimits) liftRouteLimits(sandbox);
  return { sandbox, clock, dataDir, log };
}

/** Per-channel buckets wide enough never to trip under simulated time; the global 50/s stays. */
export function liftRouteLimits(sandbox: Sandbox): void {
  for (const route of ['/channels/:channel_id/messages', '/channels/:channel_id/messages/:message_id/threads', '/channels/:channel_id/threads']) {
    sandbox.discord.rateLimits.setBucket({ method: 'POST', route, limit: 1_000, windowMs: 1_000 });
  }
}

/** The state file as it is on disk (what a restart would read). */
export async function stateOnDisk(dataDir: string): Promise<StateFile> {
  return JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as StateFile;
}

const TEMPLATE_PATH = join(SAMPLES_DIR, 'red-sea-shipping.md');
let template: string | undefined;

/**
 * A valid briefing file: the red-sea sample with its own slug, date and title. `keyword`, when
 * given, is put in the title and summary (topic filters search for it).
 */
export async function briefingText(input: { slug: string; date?: string; title?: string; keyword?: string }): Promise<string> {
  template ??= await readFile(TEMPLATE_PATH, 'utf8');
  const title = input.title ?? `LUMEN INSIGHT: ${input.slug.replace(/-/g, ' ').toUpperCase()}${input.keyword ? ` ${input.keyword.toUpperCase()}` : ''}`;
  let text = template
    .replace(/^slug: .*$/m, `slug: ${input.slug}`)
    .replace(/^date: .*$/m, `date: ${input.date ?? '2026-11-20'}`)
    .replace(/^# LUMEN INSIGHT: .*$/m, `# ${title}`);
  if (input.keyword) text = text.replace(/^# Summary\n/m, `# Summary\nThis briefing is about ${input.keyword}. `);
  return text;
}

/**
 * Drops a complete briefing file into the inbox the way a careful writer does (temporary name,
 * then rename), dated in the past so the first poll takes it.
 */
export async function dropInInbox(dataDir: string, name: string, text: string): Promise<string> {
  const inbox = join(dataDir, 'inbox');
  await mkdir(inbox, { recursive: true });
  const temp = join(inbox, `${name}.tmp`);
  await writeFile(temp, text);
  const past = new Date(Date.now() - 60_000);
  await utimes(temp, past, past);
  const target = join(inbox, name);
  await rename(temp, target);
  return target;
}

export interface SubscribeInput {
  channel: string;
  mode: 'new' | 'digest';
  time?: string;
  timezone?: string;
  topic?: string;
  /** A role name (Analysts) or id. */
  mention?: string;
  exclude?: string;
  everyone?: 'everyone' | 'here';
  format?: 'card' | 'compact' | 'full';
  user?: string;
  /** Where /subscribe is typed (default general). */
  in?: string;
  skipPermissionCheck?: boolean;
}

/** Types /subscribe and waits for the bot's ephemeral answer. */
export async function subscribe(world: DeliveryWorld, input: SubscribeInput): Promise<{ handle: InteractionHandle; text: string; ephemeral: boolean }> {
  const { discord } = world.sandbox;
  const options: Record<string, string> = { channel: input.channel, mode: input.mode };
  if (input.time !== undefined) options.time = input.time;
  if (input.timezone !== undefined) options.timezone = input.timezone;
  if (input.topic !== undefined) options.topic = input.topic;
  if (input.mention !== undefined) options.mention = input.mention;
  for (const key of ['exclude', 'everyone', 'format'] as const) if (input[key] !== undefined) options[key] = input[key];
  const handle = discord.interact.slashCommand({ name: 'subscribe', options, user: input.user ?? 'admin', channel: input.in ?? 'general', skipPermissionCheck: input.skipPermissionCheck });
  const { message } = await handle.response();
  await world.sandbox.whenIdle();
  return { handle, text: messageText(message), ephemeral: message?.ephemeral ?? false };
}

/** Runs a slash command and returns its first answer's text. */
export async function command(world: DeliveryWorld, name: string, options: Record<string, string> = {}, where: { user?: string; channel?: string } = {}): Promise<{ text: string; messages: StoredMessage[]; ephemeral: boolean }> {
  const handle = world.sandbox.discord.interact.slashCommand({ name, options, user: where.user ?? 'admin', channel: where.channel ?? 'general' });
  const { message } = await handle.response();
  await world.sandbox.whenIdle();
  return { text: handle.messages().map(messageText).join('\n'), messages: handle.messages(), ephemeral: message?.ephemeral ?? false };
}

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

/**
 * Content and embed text of a message, in reading order, without the zero-width spaces the error
 * renderer puts into `<#id>` (see the report: it defuses harmless channel links too).
 */
export function messageText(message: StoredMessage | undefined): string {
  if (!message) return '';
  const embeds = (message.embeds ?? []) as EmbedLike[];
  return [message.content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].filter(Boolean).join('\n').replace(/\u200b/g, '');
}

/** The bot's posts in a channel (not interaction replies), oldest first. */
export function botPosts(world: DeliveryWorld, channel: string): StoredMessage[] {
  const { discord } = world.sandbox;
  return discord.channelMessages(channel).filter((m) => m.interactionId === undefined && m.data.author.id === discord.botUserId);
}

/** Slugs named by the buttons of a message (the card's views, the digest's "Open n"), in order. */
export function slugsOf(message: StoredMessage): string[] {
  const ids = ((message.components ?? []) as { components?: { custom_id?: string }[] }[]).flatMap((row) => row.components ?? []).map((c) => c.custom_id ?? '');
  const slugs: string[] = [];
  for (const id of ids) {
    const action = decodeCustomId(id);
    if (action && 'slug' in action && !slugs.includes(action.slug)) slugs.push(action.slug);
  }
  return slugs;
}

/** Delivery log records, oldest first, optionally for one channel id (read through the store interface). */
export async function deliveries(world: DeliveryWorld, channelId?: string): Promise<DeliveryRecord[]> {
  return (await world.sandbox.app.stores.deliveries.recent(MAX_DELIVERY_LOG)).filter((d) => channelId === undefined || d.channelId === channelId);
}

/** The sandbox server's subscriptions, oldest first (read through the store interface). */
export async function storedSubscriptions(world: DeliveryWorld): Promise<Subscription[]> {
  return world.sandbox.app.stores.subscriptions.listByGuild(world.sandbox.discord.guildId);
}

/** Waits (briefly, in real time) for something the bot learns over the gateway, such as a new channel. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Changes the bot's permissions in a channel and waits until the bot has heard of it. */
export async function setBotPermissions(w: DeliveryWorld, channel: string, permissions: { view?: boolean; send?: boolean }): Promise<void> {
  const { discord } = w.sandbox;
  const id = discord.channelId(channel);
  discord.setBotPermissions(channel, permissions);
  const expectView = permissions.view ?? true;
  const expectSend = permissions.send ?? true;
  await waitFor(() => {
    const cached = w.sandbox.app.bot?.client.channels.cache.get(id);
    const p = cached && 'permissionsFor' in cached ? cached.permissionsFor(discord.botUserId) : null;
    return p?.has('ViewChannel') === expectView && (!expectView || p?.has('SendMessages') === expectSend);
  }, `the bot to see its new permissions in #${channel}`);
}

/** The custom_id of the button labelled `label` on a message. */
export function buttonId(message: StoredMessage | undefined, label: string): string {
  const buttons = ((message?.components ?? []) as { components?: { label?: string; custom_id?: string }[] }[]).flatMap((row) => row.components ?? []);
  const button = buttons.find((b) => b.label === label);
  if (!button?.custom_id) throw new Error(`no button “${label}” on the message (has: ${buttons.map((b) => b.label).join(', ')})`);
  return button.custom_id;
}

/** Presses a button (by label) as `user` and waits for the bot: its answer (or the updated message) and every message of the interaction. */
export async function press(world: DeliveryWorld, message: StoredMessage | undefined, label: string, user = 'admin'): Promise<{ text: string; messages: StoredMessage[] }> {
  const handle = world.sandbox.discord.interact.clickButton({ message: message as StoredMessage, customId: buttonId(message, label), user });
  const { message: answer } = await handle.response();
  await world.sandbox.whenIdle();
  const messages = handle.messages();
  return { text: [messageText(answer), ...messages.filter((m) => m !== answer).map(messageText)].join('\n'), messages: answer ? [answer, ...messages.filter((m) => m !== answer)] : messages };
}
