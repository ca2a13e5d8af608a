/**
 * Digest fan-out benchmark (issue 7): one digest delivered to 1,000 subscribed channels through
 * the local Discord, end to end (the 08:00 slot to the last delivery recorded), against the 20 s
 * floor that Discord's global 50 requests/s sets for 1,000 messages. Target: within 1.2x of the
 * floor (≤ 24 s) with no 429 after the first. Runs in a child process under a time cap.
 *
 * `runDeliveryBench()` is what bench/run.ts calls; run alone with
 * `node --import tsx bench/delivery/run-delivery-bench.ts [channels]`.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fmtMs, printTable, type BenchRow } from '../bench-table.js';
import type { DeliveryBenchResult } from './delivery-bench-child.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./delivery-bench-child.ts', import.meta.url));

/** Discord's global limit, and how far above the floor it sets the run may be. */
const GLOBAL_PER_SECOND = 50;
const TARGET_FACTOR = 1.2;

export interface DeliveryBenchOptions {
  /** Subscribed channels (default 1,000). */
  channels?: number;
  timeoutMs?: number;
}

export type DeliveryBenchJson = (DeliveryBenchResult & { loadAverage: { before: number[]; after: number[] }; cpus: number }) | { channels: number; error: string };

/** Runs the benchmark; a child that fails or times out is reported as a row, not thrown. */
export async function runDeliveryBench(options: DeliveryBenchOptions = {}): Promise<{ rows: BenchRow[]; result: DeliveryBenchJson }> {
  const channels = options.channels ?? 1_000;
  const before = loadavg().map((l) => Math.round(l * 100) / 100);
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, String(channels)], { timeout: options.timeoutMs ?? 300_000, maxBuffer: 1 << 20 });
    const measured = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as DeliveryBenchResult;
    const after = loadavg().map((l) => Math.round(l * 100) / 100);
    const result = { ...measured, loadAverage: { before, after }, cpus: availableParallelism() };
    return { rows: toRows(result), result };
  } catch (error) {
    const message = (error as { killed?: boolean }).killed ? 'timed out' : (String((error as Error).message).split('\n')[0] ?? 'failed');
    return { rows: [{ name: `digest to ${channels.toLocaleString('en-US')} channels`, value: message, ok: false }], result: { channels, error: message } };
  }
}

function toRows(r: DeliveryBenchResult): BenchRow[] {
  const n = r.channels.toLocaleString('en-US');
  // Each channel needs at least one request: that many at 50 per second is the floor.
  const floorMs = (r.channels / GLOBAL_PER_SECOND) * 1_000;
  const targetMs = floorMs * TARGET_FACTOR;
  const allDelivered = r.channelsWithOneDigest === r.channels && r.recordedPosted === r.channels && r.posts === r.channels;
  return [
    {
      name: `one digest to ${n} channels, slot to last delivery recorded`,
      value: `${fmtMs(r.totalMs)} (${(r.totalMs / floorMs).toFixed(2)}x the ${fmtMs(floorMs)} floor)`,
      target: `≤ ${fmtMs(targetMs)} (${TARGET_FACTOR}x)`,
      ok: r.totalMs <= targetMs,
    },
    { name: '429 answers after the first', value: `${r.rateLimitedAfterFirst} (${r.rateLimited} in all)`, target: '0', ok: r.rateLimitedAfterFirst === 0 },
    { name: 'channels with exactly one digest / logged posted', value: `${r.channelsWithOneDigest.toLocaleString('en-US')} / ${r.recordedPosted.toLocaleString('en-US')}`, target: `${n} / ${n}`, ok: allDelivered },
    { name: 'REST requests (channel posts)', value: `${r.requests.toLocaleString('en-US')} (${r.posts.toLocaleString('en-US')})` },
    { name: 'requests per second: mean / most in a rolling second', value: `${r.requestsPerSecond} / ${r.peakRequestsPerSecond}` },
    { name: 'first / last post after the slot', value: `${fmtMs(r.firstPostMs)} / ${fmtMs(r.lastPostMs)}` },
    { name: 'state-file writes (coalesced) / final size', value: `${r.stateWrites} / ${(r.stateFileBytes / 1024).toFixed(0)} KiB` },
    { name: 'peak RSS (bot, discord.js and emulator in one process)', value: `${r.peakRssMiB.toFixed(0)} MiB (${r.rssBeforeMiB.toFixed(0)} MiB before the slot)` },
    { name: 'CPU time over the run (user + system)', value: `${fmtMs(r.cpuUserMs)} + ${fmtMs(r.cpuSystemMs)}` },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const channels = Number(process.argv[2]) || undefined;
  const output = await runDeliveryBench({ channels });
  printTable('Digest fan-out through the local Discord (issue 7)', output.rows);
  if ('loadAverage' in output.result) console.log(`\nload average before/after: ${output.result.loadAverage.before.join(' ')} / ${output.result.loadAverage.after.join(' ')} on ${output.result.cpus} CPUs`);
  const path = fileURLToPath(new URL('./results.json', import.meta.url));
  await writeFile(path, `${JSON.stringify(output.result, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
