/**
 * Issue 11, item 1: after an interrupted delivery (5xx, timeout, crash) the retry looks in the
 * channel for the post it may already have made. A member's public `/brief` card of the same
 * briefing in that channel is the bot's message too, with buttons naming the slug: it must never
 * be taken for the post. Only the post carrying the delivery intent's id counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LumenApp } from '../../src/app/lumen-app.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { ManualClock } from '../../src/domain/clock.js';
import { createLogger } from '../../src/log.js';
import { LocalDiscord } from '../../src/sandbox/emulator/local-discord.js';
import { runLumen } from '../support/run-cli.js';
import { botPosts, briefingText, command, deliveries, dropInInbox, MINUTE, newDataDir, slugsOf, startWorld, stateOnDisk, subscribe, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

const CHILD = fileURLToPath(new URL('./support/bot-child.js', import.meta.url));
const CHANNEL_POSTS = /^\/channels\/\d+\/messages$/;

let world: DeliveryWorld | undefined;
let discord: LocalDiscord | undefined;
let child: ChildProcess | undefined;
let app: LumenApp | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await world?.sandbox.stop();
  await app?.stop();
  await discord?.close();
  world = discord = child = app = undefined;
});

describe('given a new-briefing post that failed with 503 four times, and a member who runs /brief for it in the same channel', () => {
  it('then the retry ten minutes later still posts it, exactly once', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    w.sandbox.discord.faults.inject({ method: 'POST', path: CHANNEL_POSTS, status: 503, times: 4 });
    await dropInInbox(w.dataDir, 'look-alike.md', await briefingText({ slug: 'look-alike' }));
    await w.sandbox.advance(MINUTE);
    expect((await storedSubscriptions(w))[0]?.pending?.kind).toBe('new');
    expect(botPosts(w, 'briefings')).toEqual([]);

    // The member's card: the bot's own message in #briefings, with buttons naming the slug.
    const brief = await command(w, 'brief', { briefing: 'look-alike' }, { user: 'member', channel: 'briefings' });
    expect(brief.ephemeral).toBe(false);
    expect(slugsOf(brief.messages[0] as NonNullable<(typeof brief.messages)[0]>)).toContain('look-alike');

    await w.sandbox.advance(10 * MINUTE);
    const posts = botPosts(w, 'briefings');
    expect(posts.map((p) => slugsOf(p)[0])).toEqual(['look-alike']);
    expect(w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS).map((r) => r.status)).toEqual([503, 503, 503, 503, 200]);
    expect((await deliveries(w)).map((d) => [d.outcome, d.reason?.includes('found in the channel') ?? false])).toEqual([
      ['retrying', false],
      ['posted', false],
    ]);
    expect((await storedSubscriptions(w))[0]?.pending).toBeUndefined();
  });
});

describe('given a bot killed with SIGKILL while a new-briefing post is pending, after a member ran /brief for that briefing in the channel', () => {
  it('then the next start posts the briefing once (the /brief card is not taken for it)', async () => {
    const d = (discord = await LocalDiscord.start());
    const dataDir = await newDataDir();
    const channelId = d.channelId('briefings');
    const opened = await LumenApp.open({ dataDir, clock: new ManualClock(Date.now()), logger: createLogger({ level: 'silent' }) });
    await deployCommands({ token: d.token, commands: opened.commands, guildId: d.guildId, api: d.apiBase });
    const subscribed = await opened.subscriptions.subscribe({ guildId: d.guildId, channelId, createdInChannelId: d.channelId('general'), userId: d.userId('admin'), mode: 'new' });
    expect(subscribed.ok).toBe(true);
    await opened.stop();
    const file = join(dataDir, 'killed-look-alike.md');
    await writeFile(file, await briefingText({ slug: 'killed-look-alike' }));
    expect((await runLumen(['import', file, '--json'], { dataDir, now: new Date() })).code).toBe(0);

    // The bot delivers as it starts; the connection drops on the post, so it stays pending.
    const lost = d.faults.inject({ method: 'POST', path: `/channels/${channelId}/messages`, network: 'close', times: Infinity });
    const proc = (child = spawn(process.execPath, [CHILD, dataDir, d.apiBase, d.token], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready\n')) resolve();
      });
      proc.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready`)));
    });
    expect((await stateOnDisk(dataDir)).subscriptions[0]?.pending).toMatchObject({ kind: 'new' });
    expect(d.messages.inChannel(channelId)).toEqual([]);

    // The member's public card, answered by the running bot, lands in #briefings; then kill -9.
    const handle = d.interact.slashCommand({ name: 'brief', options: { briefing: 'killed-look-alike' }, user: 'member', channel: 'briefings' });
    const { message } = await handle.response();
    expect(message?.ephemeral ?? false).toBe(false);
    expect(d.messages.inChannel(channelId)).toHaveLength(1);
    proc.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    lost.cancel();

    // The restart comes after the retry's backoff: it looks in the channel, then posts.
    const restarted = (app = await LumenApp.open({ dataDir, clock: new ManualClock(Date.now() + 10 * MINUTE), logger: createLogger({ level: 'silent' }) }));
    await restarted.startBot({ token: d.token, restApi: d.apiBase });
    await restarted.startSchedule({ realTime: false });
    await restarted.whenIdle();

    const fromDelivery = d.messages.inChannel(channelId).filter((m) => m.interactionId === undefined);
    expect(fromDelivery.map((m) => slugsOf(m)[0])).toEqual(['killed-look-alike']);
    const after = await stateOnDisk(dataDir);
    expect(after.subscriptions[0]?.pending).toBeUndefined();
    expect(after.deliveries.map((r) => [r.outcome, r.reason?.includes('found in the channel') ?? false])).toEqual([
      ['retrying', false],
      ['posted', false],
    ]);
  });
});
