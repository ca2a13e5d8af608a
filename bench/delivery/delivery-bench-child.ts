/**
 * The fan-out benchmark proper, in its own process (its own heap, event loop and RSS):
 * `node --import tsx bench/delivery/delivery-bench-child.ts [channels]`. Prints one JSON object
 * (DeliveryBenchResult) on stdout.
 *
 * The emulator starts with N text channels; N digest subscriptions (08:00 UTC) are made through
 * SubscriptionService; one briefing is imported; the bot (LumenApp, real discord.js) connects;
 * then simulated time moves to the 08:00 slot and the wall-clock time is measured from the slot
 * until every digest is posted and recorded. The emulator enforces Discord's global 50
 * requests/s (and 5 posts per 5 s per channel); discord.js paces itself against it.
 */
import { MAX_DELIVERY_LOG } from '../../src/store/state.schema.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LumenApp } from '../../src/app/lumen-app.js';
import { ManualClock } from '../../src/domain/clock.js';
import { parseBriefingBytes } from '../../src/import/import-briefing-files.js';
import { createLogger } from '../../src/log.js';
import { LocalDiscord } from '../../src/sandbox/emulator/local-discord.js';
import { peakRequestsPerSecond } from '../../src/sandbox/emulator/rest/request-stats.js';
import { SAMPLES_DIR } from '../../src/sandbox/sandbox.js';

export interface DeliveryBenchResult {
  channels: number;
  /** From the 08:00 slot to the last digest recorded in the state file, wall clock. */
  totalMs: number;
  /** The floor Discord's global limit sets: requests / 50 per second. */
  floorMs: number;
  requests: number;
  /** Channel posts among them. */
  posts: number;
  /** 429 answers; `after first` counts those after the first one. */
  rateLimited: number;
  rateLimitedAfterFirst: number;
  /** Mean requests per second over the run, and the most in any rolling second. */
  requestsPerSecond: number;
  peakRequestsPerSecond: number;
  /** From the slot to the first and to the last post reaching the emulator. */
  firstPostMs: number;
  lastPostMs: number;
  /** Digests recorded as posted in the delivery log, and channels holding exactly one digest. */
  recordedPosted: number;
  channelsWithOneDigest: number;
  /** State-file writes during the run (coalesced), and its size at the end. */
  stateWrites: number;
  stateFileBytes: number;
  /** Resident set size: before the run, and the peak of the whole process (bot, discord.js and emulator). */
  rssBeforeMiB: number;
  peakRssMiB: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  node: string;
}

const GLOBAL_PER_SECOND = 50;
const MINUTE = 60_000;

async function main(): Promise<void> {
  const channels = Number(process.argv[2]) || 1_000;
  const dataDir = await mkdtemp(join(tmpdir(), 'lumen-delivery-bench-'));
  const clock = new ManualClock('2026-11-25T07:58:00.000Z');
  const names = Array.from({ length: channels }, (_, i) => `fanout-${String(i + 1).padStart(4, '0')}`);
  const discord = await LocalDiscord.start({ now: () => clock.now().getTime(), channels: names.map((name) => ({ name })) });
  const logger = createLogger({ level: 'warn' });
  const app = await LumenApp.open({ dataDir, clock, logger });
  try {
    // N digest subscriptions, made the way /subscribe makes them.
    const results = await Promise.all(
      names.map((name) =>
        app.subscriptions.subscribe({ guildId: discord.guildId, channelId: discord.channelId(name), createdInChannelId: discord.channelId('general'), userId: discord.userId('admin'), mode: 'digest', time: '08:00', timezone: 'UTC' }),
      ),
    );
    if (results.some((r) => !r.ok)) throw new Error('a subscription was refused');
    const bytes = await readFile(join(SAMPLES_DIR, 'red-sea-shipping.md'));
    const parsed = parseBriefingBytes(bytes, 'red-sea-shipping.md', clock.now());
    if (!parsed.ok) throw new Error('the sample does not parse');
    await app.archive.save([parsed.incoming], clock.now());
    await app.startBot({ token: discord.token, restApi: discord.apiBase });
    await app.startSchedule({ realTime: false });
    await app.advance(clock, MINUTE); // 07:59: nothing due
    discord.clearRequests();

    let stateWrites = 0;
    const stateFile = join(dataDir, 'state.json');
    const { watch } = await import('node:fs');
    const watcher = watch(dataDir, (_event, file) => {
      if (file === 'state.json') stateWrites += 1;
    });
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const startedWall = Date.now();
    await app.advance(clock, MINUTE); // 08:00: every digest is due
    await app.whenIdle();
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    watcher.close();

    const requests = discord.requests;
    const posts = requests.filter((r) => r.method === 'POST' && r.route === '/channels/:channel_id/messages' && r.status === 200);
    const limited = requests.filter((r) => r.status === 429);
    const log = (await app.stores.deliveries.recent(MAX_DELIVERY_LOG)).filter((d) => d.kind === 'digest');
    const withOne = names.filter((name) => discord.channelMessages(name).length === 1).length;
    const result: DeliveryBenchResult = {
      channels,
      totalMs: round(totalMs),
      floorMs: (requests.length / GLOBAL_PER_SECOND) * 1_000,
      requests: requests.length,
      posts: posts.length,
      rateLimited: limited.length,
      rateLimitedAfterFirst: Math.max(0, limited.length - 1),
      requestsPerSecond: round(requests.length / (totalMs / 1_000)),
      peakRequestsPerSecond: peakRequestsPerSecond(requests),
      firstPostMs: posts.length > 0 ? Math.min(...posts.map((r) => r.at)) - startedWall : 0,
      lastPostMs: posts.length > 0 ? Math.max(...posts.map((r) => r.at)) - startedWall : 0,
      recordedPosted: log.filter((d) => d.outcome === 'posted').length,
      channelsWithOneDigest: withOne,
      stateWrites,
      stateFileBytes: (await readFile(stateFile)).length,
      rssBeforeMiB: round(rssBefore / 2 ** 20),
      peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
      cpuUserMs: round(cpu.user / 1_000),
      cpuSystemMs: round(cpu.system / 1_000),
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.stop();
    await discord.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

await main();
