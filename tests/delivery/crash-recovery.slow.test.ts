/**
 * A real crash: the bot runs in a child process and is killed with SIGKILL at a chosen moment of
 * a delivery. Killed after Discord stored the post but before the state file recorded it, the
 * next start finds the post in the channel and does not post again; killed before the post
 * reached Discord, the next start posts it, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LumenApp } from '../../src/app/lumen-app.js';
import { ManualClock, systemClock } from '../../src/domain/clock.js';
import { LocalDiscord } from '../../src/sandbox/emulator/local-discord.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { runLumen } from '../support/run-cli.js';
import { briefingText, DAY, MemoryLog, messageText, newDataDir, slugsOf, stateOnDisk } from './support/delivery-harness.js';
import { createLogger } from '../../src/log.js';

const CHILD = fileURLToPath(new URL('./support/bot-child.js', import.meta.url));

let discord: LocalDiscord | undefined;
let child: ChildProcess | undefined;
let app: LumenApp | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await app?.stop();
  await discord?.close();
  child = app = discord = undefined;
});

interface Setup {
  discord: LocalDiscord;
  dataDir: string;
  channelId: string;
}

/** An emulator, and a data directory with one subscription made `ago` ms ago (in real time). */
async function setUp(mode: 'new' | 'digest', ago = 0, channel = 'briefings'): Promise<Setup> {
  const d = (discord = await LocalDiscord.start());
  const dataDir = await newDataDir();
  const opened = await LumenApp.open({ dataDir, clock: new ManualClock(Date.now() - ago), logger: createLogger({ level: 'silent' }) });
  const channelId = d.channelId(channel);
  const result = await opened.subscriptions.subscribe({ guildId: d.guildId, channelId, createdInChannelId: d.channelId('general'), userId: d.userId('admin'), mode, ...(mode === 'digest' ? { time: '00:00' } : {}) });
  expect(result.ok).toBe(true);
  await opened.stop();
  return { discord: d, dataDir, channelId };
}

interface ChildBot {
  process: ChildProcess;
  /** Resolves with the signal that ended it. */
  exited: Promise<NodeJS.Signals | null>;
  deliver(): void;
}

/** Starts the bot in a child process (which delivers what is due at once) and waits for "ready". */
async function startChild(setup: Setup, options: { waitUntilReady?: boolean } = {}): Promise<ChildBot> {
  const proc = (child = spawn(process.execPath, [CHILD, setup.dataDir, setup.discord.apiBase, setup.discord.token], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
  const bot = { process: proc, exited, deliver: () => void proc.stdin?.write('deliver\n') };
  if (options.waitUntilReady === false) return bot;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready`)));
  });
  return bot;
}

/** Imports briefings from another process, as `lumen import` does while the bot runs. */
async function lumenImport(dataDir: string, slugs: string[]): Promise<void> {
  const files: string[] = [];
  for (const slug of slugs) {
    const file = join(dataDir, `${slug}.md`);
    await writeFile(file, await briefingText({ slug }));
    files.push(file);
  }
  const run = await runLumen(['import', ...files, '--json'], { dataDir, now: new Date() });
  expect(run.code).toBe(0);
}

/** The bot again, in this process, on the same data directory: what a supervisor's restart does. */
async function restartInProcess(setup: Setup): Promise<{ app: LumenApp; log: MemoryLog }> {
  const log = new MemoryLog();
  const started = (app = await LumenApp.open({ dataDir: setup.dataDir, clock: systemClock, logger: createLogger({ level: 'info', destination: { write: (l: string) => log.lines.push(l) } }) }));
  await started.startBot({ token: setup.discord.token, restApi: setup.discord.apiBase });
  await started.startSchedule({ realTime: false });
  await started.whenIdle();
  return { app: started, log };
}

const channelPosts = (setup: Setup): StoredMessage[] => setup.discord.messages.inChannel(setup.channelId);

describe('given the bot is killed after Discord stored the post but before the state file recorded it', () => {
  it('then the next start finds the post, does not post again, and moves the cursor on', async () => {
    const setup = await setUp('new');
    const bot = await startChild(setup);
    // SIGKILL the moment the emulator stores the post: the HTTP answer has not even been written.
    setup.discord.on('message', (message) => {
      if (message.channelId === setup.channelId) bot.process.kill('SIGKILL');
    });
    await lumenImport(setup.dataDir, ['crash-after-send']);
    bot.deliver();
    expect(await bot.exited).toBe('SIGKILL');

    const crashed = await stateOnDisk(setup.dataDir);
    const [sub] = crashed.subscriptions;
    expect(sub?.pending).toMatchObject({ kind: 'new', partsSent: 0 });
    expect(sub?.cursorSeq).toBe(0);
    expect(crashed.deliveries).toEqual([]);
    expect(channelPosts(setup)).toHaveLength(1);

    const { app: restarted } = await restartInProcess(setup);
    expect(channelPosts(setup).map((m) => slugsOf(m)[0])).toEqual(['crash-after-send']);
    const after = await stateOnDisk(setup.dataDir);
    expect(after.subscriptions[0]?.pending).toBeUndefined();
    expect(after.subscriptions[0]?.cursorSeq).toBe(restarted.archive.lastSeq);
    expect(after.deliveries.map((d) => [d.outcome, d.reason, d.messageId])).toEqual([['posted', 'found in the channel after a restart', channelPosts(setup)[0]?.id]]);
    // The follow-up thread the killed process never opened is opened now, and /ask there is scoped.
    const threads = setup.discord.threads('briefings');
    expect(threads).toHaveLength(1);
    expect(after.threads).toEqual({ [threads[0]?.id as string]: 'crash-after-send' });

    // And the bot carries on: the next briefing is posted once.
    await lumenImport(setup.dataDir, ['after-the-crash']);
    restarted.requestDelivery();
    await restarted.whenIdle();
    expect(channelPosts(setup).map((m) => slugsOf(m)[0])).toEqual(['crash-after-send', 'after-the-crash']);
  });
});

describe('given a busy channel, where more than a page of messages came just before the post', () => {
  it('then the next start still finds the post (it reads past the first hundred) and posts nothing twice', async () => {
    const setup = await setUp('new');
    for (let i = 0; i < 150; i++) setup.discord.postAsUser({ channel: 'briefings', user: 'member', content: `chatter ${i}` });
    const bot = await startChild(setup);
    setup.discord.on('message', (message) => {
      if (message.channelId === setup.channelId && message.origin === 'channel') bot.process.kill('SIGKILL');
    });
    await lumenImport(setup.dataDir, ['busy-channel']);
    bot.deliver();
    expect(await bot.exited).toBe('SIGKILL');

    await restartInProcess(setup);
    const fromBot = channelPosts(setup).filter((m) => m.origin === 'channel');
    expect(fromBot.map((m) => slugsOf(m)[0])).toEqual(['busy-channel']);
    expect((await stateOnDisk(setup.dataDir)).deliveries.map((d) => d.reason)).toEqual(['found in the channel after a restart']);
  });
});

describe('given the bot is killed right after creating a forum post', () => {
  it('then the next start finds the forum post and creates no second one', async () => {
    const setup = await setUp('new', 0, 'forum');
    const bot = await startChild(setup);
    setup.discord.on('message', (message) => {
      if (message.origin === 'forum-starter') bot.process.kill('SIGKILL');
    });
    await lumenImport(setup.dataDir, ['forum-crash']);
    bot.deliver();
    expect(await bot.exited).toBe('SIGKILL');
    expect((await stateOnDisk(setup.dataDir)).subscriptions[0]?.pending).toMatchObject({ kind: 'new' });

    await restartInProcess(setup);
    const posts = setup.discord.threads('forum');
    expect(posts.map((p) => p.name)).toEqual(['LUMEN INSIGHT: FORUM CRASH']);
    const after = await stateOnDisk(setup.dataDir);
    expect(after.deliveries.map((d) => [d.outcome, d.reason])).toEqual([['posted', 'found in the channel after a restart']]);
    expect(after.threads).toEqual({ [posts[0]?.id as string]: 'forum-crash' });
  });
});

describe('given the bot is killed after recording its intent but before the post reached Discord', () => {
  it('then the next start posts it exactly once', async () => {
    const setup = await setUp('new');
    const bot = await startChild(setup);
    // The connection drops before Discord handles the post; the bot is killed at that moment.
    const lost = setup.discord.faults.inject({ method: 'POST', path: `/channels/${setup.channelId}/messages`, network: 'close', times: Infinity });
    setup.discord.on('request', (request) => {
      if (request.answeredBy === 'fault') bot.process.kill('SIGKILL');
    });
    await lumenImport(setup.dataDir, ['crash-before-send']);
    bot.deliver();
    expect(await bot.exited).toBe('SIGKILL');
    lost.cancel();

    const crashed = await stateOnDisk(setup.dataDir);
    expect(crashed.subscriptions[0]?.pending).toMatchObject({ kind: 'new' });
    expect(channelPosts(setup)).toEqual([]);

    await restartInProcess(setup);
    expect(channelPosts(setup).map((m) => slugsOf(m)[0])).toEqual(['crash-before-send']);
    expect(setup.discord.threads('briefings')).toHaveLength(1);
    const after = await stateOnDisk(setup.dataDir);
    expect(after.subscriptions[0]?.pending).toBeUndefined();
    expect(after.deliveries.map((d) => [d.outcome, d.reason])).toEqual([['posted', undefined]]);
  });
});

describe('given the bot is killed between two messages of a long digest', () => {
  it('then the next start sends only the rest of the digest', async () => {
    // Subscribed two days ago: today's 00:00 UTC digest is due as soon as the bot runs.
    const setup = await setUp('digest', 2 * DAY);
    const slugs = Array.from({ length: 30 }, (_, i) => `long-digest-${String(i + 1).padStart(2, '0')}`);
    await lumenImport(setup.dataDir, slugs);
    // The bot delivers the due digest as it starts: it is killed when the first message lands.
    const started: { bot?: ChildBot } = {};
    setup.discord.on('message', (message) => {
      if (message.channelId === setup.channelId) started.bot?.process.kill('SIGKILL');
    });
    started.bot = await startChild(setup, { waitUntilReady: false });
    expect(await started.bot.exited).toBe('SIGKILL');
    expect(channelPosts(setup)).toHaveLength(1);
    expect((await stateOnDisk(setup.dataDir)).subscriptions[0]?.pending).toMatchObject({ kind: 'digest', partsSent: 0 });

    await restartInProcess(setup);
    const posts = channelPosts(setup);
    const headings = posts.map((m) => messageText(m).split('\n')[0]);
    expect(headings.length).toBeGreaterThan(2);
    expect(headings).toEqual(['🗞️ Daily digest: 30 new briefings', ...Array(headings.length - 1).fill('🗞️ Daily digest (continued)')]);
    expect(posts.flatMap((m) => slugsOf(m))).toEqual(slugs);
    const after = await stateOnDisk(setup.dataDir);
    expect(after.subscriptions[0]?.pending).toBeUndefined();
    expect(after.deliveries.map((d) => d.outcome)).toEqual(['posted']);
  });
});
