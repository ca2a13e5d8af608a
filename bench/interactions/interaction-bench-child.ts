/**
 * The interaction latency benchmark proper, in its own process (its own heap and event loop):
 * `node --import tsx bench/interactions/interaction-bench-child.ts <briefings> <samples>`.
 * Prints one JSON object (InteractionBenchResult) on stdout.
 *
 * Each sample dispatches one INTERACTION_CREATE from the local Discord and measures, on
 * `performance.now()`, from the end of the dispatch (the frame is on the socket) to the moment
 * the emulator handles the bot's callback request (`interactionResponse`: the request has
 * arrived, been parsed and validated). The next sample starts once the bot is idle, so samples
 * never queue behind each other.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/domain/clock.js';
import { createLogger } from '../../src/log.js';
import type { InteractionHandle } from '../../src/sandbox/emulator/index.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { percentile } from '../bench-table.js';
import { generateBriefing } from '../generate-briefings.js';
import { mulberry32 } from '../prng.js';
import { askQuestions, autocompletePartials, searchQueries } from '../search/bench-queries.js';

/** Latency percentiles of one kind of interaction, in milliseconds. */
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface WorkloadResult {
  name: string;
  kind: 'command' | 'autocomplete';
  /** Dispatch → callback handled by the emulator (the figure the targets apply to). */
  latency: LatencyStats;
  /** Dispatch → callback arrival by the emulator's request log (whole milliseconds; a cross-check). */
  arrival: LatencyStats;
  /**
   * CPU time the whole process (bot, discord.js and emulator) spent over the same interval: the
   * work itself, without the time the process waited for a CPU on a busy machine.
   */
  cpu: LatencyStats;
  /** Interactions whose router outcome was not `ok`, or that got no callback. */
  failures: number;
  /** Messages the bot sent per interaction (reply + follow-ups), mean. */
  messagesPerInteraction: number;
}

export interface InteractionBenchResult {
  briefings: number;
  samplesPerWorkload: number;
  warmupPerWorkload: number;
  archiveLoadAndStartMs: number;
  workloads: WorkloadResult[];
  node: string;
  notes: string[];
}

/** One interaction to send: a slash command or an autocomplete request. */
type Sample =
  | { kind: 'command'; name: string; options: Record<string, string | number> }
  | { kind: 'autocomplete'; name: string; focused: string; options: Record<string, string | number> };

interface Workload {
  name: string;
  kind: Sample['kind'];
  make: (i: number) => Sample;
}

function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length)),
  };
}

/** Writes `archive.json` with briefings 0…size−1 of the benchmark generator. */
async function writeArchive(dir: string, size: number): Promise<void> {
  const now = new Date('2026-11-25T09:00:00.000Z').toISOString();
  const briefings = Array.from({ length: size }, (_, i) => {
    const briefing = generateBriefing(i);
    const contentHash = createHash('sha256').update(briefing.slug).digest('hex');
    return { briefing, revision: 1, contentHash, seq: i + 1, importedAt: now, updatedAt: now, source: `${briefing.slug}.md` };
  });
  await writeFile(join(dir, 'archive.json'), JSON.stringify({ version: 1, nextSeq: size + 1, briefings }));
}

function workloads(size: number, samples: number): Workload[] {
  const total = samples * 2;
  const rand = mulberry32(42);
  const briefingAt = (): ReturnType<typeof generateBriefing> => generateBriefing(Math.floor(rand() * size));
  const queries = searchQueries(total, 11);
  const questions = askQuestions(total, 12);
  const partials = autocompletePartials(total, size, 13);
  return [
    { name: '/brief (card)', kind: 'command', make: () => ({ kind: 'command', name: 'brief', options: { briefing: briefingAt().slug } }) },
    { name: '/brief section:full', kind: 'command', make: () => ({ kind: 'command', name: 'brief', options: { briefing: briefingAt().slug, section: 'full' } }) },
    {
      name: '/variable (list or number:n)',
      kind: 'command',
      make: (i) => {
        const b = briefingAt();
        const n = 1 + Math.floor(rand() * b.keyVariables.length);
        const options: Record<string, string | number> = i % 2 === 0 ? { briefing: b.slug, number: n } : { briefing: b.slug };
        return { kind: 'command', name: 'variable', options };
      },
    },
    {
      name: '/trend (list or number:n)',
      kind: 'command',
      make: (i) => {
        const b = briefingAt();
        const n = 1 + Math.floor(rand() * b.trends.length);
        const options: Record<string, string | number> = i % 2 === 0 ? { briefing: b.slug, number: n } : { briefing: b.slug };
        return { kind: 'command', name: 'trend', options };
      },
    },
    {
      name: '/position (actor, or whole table)',
      kind: 'command',
      make: (i) => {
        const b = briefingAt();
        const actor = (b.structure.actors[Math.floor(rand() * b.structure.actors.length)] ?? '').toLowerCase();
        const options: Record<string, string | number> = i % 2 === 0 ? { briefing: b.slug, actor } : { briefing: b.slug };
        return { kind: 'command', name: 'position', options };
      },
    },
    { name: '/search', kind: 'command', make: (i) => ({ kind: 'command', name: 'search', options: { query: queries[i % queries.length] || 'tariffs' } }) },
    { name: '/ask (whole archive)', kind: 'command', make: (i) => ({ kind: 'command', name: 'ask', options: { question: questions[i % questions.length] || 'tariffs?' } }) },
    { name: '/help', kind: 'command', make: () => ({ kind: 'command', name: 'help', options: {} }) },
    {
      name: 'autocomplete: briefing',
      kind: 'autocomplete',
      make: (i) => ({ kind: 'autocomplete', name: 'brief', focused: 'briefing', options: { briefing: partials[i % partials.length] ?? '' } }),
    },
    {
      name: 'autocomplete: actor',
      kind: 'autocomplete',
      make: () => {
        const b = briefingAt();
        const actor = b.structure.actors[Math.floor(rand() * b.structure.actors.length)] ?? '';
        return { kind: 'autocomplete', name: 'position', focused: 'actor', options: { briefing: b.slug, actor: actor.slice(0, Math.floor(rand() * 4)).toLowerCase() } };
      },
    },
  ];
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 10_000);
  const samples = Number(process.argv[3] ?? 300);
  const warmup = Math.max(10, Math.round(samples / 10));
  const dataDir = await mkdtemp(join(tmpdir(), 'lumen-interaction-bench-'));
  await writeArchive(dataDir, size);

  // Every interaction is logged at info level, as in production; the router's closing lines are
  // kept (their outcome tells a user error from an answer) and read between samples.
  const closing: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => (line.includes('"msg":"interaction"') ? closing.push(line) : 0) } });
  const clock = new ManualClock('2026-11-25T09:00:00.000Z');
  const startedAt = performance.now();
  const sandbox = await Sandbox.start({ dataDir, clock, logger, seedSamples: false });
  const archiveLoadAndStartMs = performance.now() - startedAt;
  if (sandbox.app.archive.size !== size) throw new Error(`archive holds ${sandbox.app.archive.size} briefings, expected ${size}`);

  // Samples run back to back, far above 50 per second: lift the emulator's and discord.js's
  // global limits so the benchmark measures the bot, not a rate limiter's queue.
  sandbox.discord.rateLimits.setGlobalLimit(false);
  const rest = sandbox.app.bot?.client.rest;
  if (rest) (rest.options as { globalRequestsPerSecond: number }).globalRequestsPerSecond = 1_000_000;

  const handled = new Map<string, { at: number; cpu: NodeJS.CpuUsage }>();
  let lastHandled = '';
  sandbox.discord.on('interactionResponse', (record, event) => {
    if (event.kind !== 'callback' || handled.has(record.id)) return;
    handled.set(record.id, { at: performance.now(), cpu: process.cpuUsage() });
    lastHandled = record.id;
  });
  const messagesOf = new Map<string, number>();
  /** The router's outcome for each interaction, from its closing log line. */
  const outcomeOf = (id: string): string | undefined => {
    for (const line of closing.splice(0)) {
      const record = JSON.parse(line) as { interactionId?: string; outcome?: string };
      if (record.interactionId) outcomes.set(record.interactionId, record.outcome ?? '?');
    }
    return outcomes.get(id);
  };
  const outcomes = new Map<string, string>();

  const runOne = async (sample: Sample): Promise<{ id: string; dispatchedAt: number; cpuAt: NodeJS.CpuUsage }> => {
    let handle: InteractionHandle | undefined;
    if (sample.kind === 'command') {
      handle = sandbox.discord.interact.slashCommand({ name: sample.name, options: sample.options });
    } else {
      // autocomplete() dispatches synchronously, before its first await; one interaction runs at a
      // time, so the callback handled next is this one's.
      const pending = sandbox.discord.interact.autocomplete({ name: sample.name, focused: sample.focused, options: sample.options });
      const dispatchedAt = performance.now();
      const cpuAt = process.cpuUsage();
      await pending;
      await sandbox.whenIdle();
      return { id: lastHandled, dispatchedAt, cpuAt };
    }
    const dispatchedAt = performance.now();
    const cpuAt = process.cpuUsage();
    await handle.response();
    await sandbox.whenIdle();
    messagesOf.set(handle.id, handle.messages().length);
    return { id: handle.id, dispatchedAt, cpuAt };
  };

  const results: WorkloadResult[] = [];
  for (const workload of workloads(size, samples)) {
    for (let i = 0; i < warmup; i++) await runOne(workload.make(samples + i));
    const latencies: number[] = [];
    const arrivals: number[] = [];
    const cpus: number[] = [];
    let failures = 0;
    let messages = 0;
    for (let i = 0; i < samples; i++) {
      const { id, dispatchedAt, cpuAt } = await runOne(workload.make(i));
      const callback = handled.get(id);
      const request = sandbox.discord.requestsTo('POST', new RegExp(`^/interactions/${id}/`))[0];
      if (!callback || outcomeOf(id) !== 'ok' || !request || request.status >= 400) failures += 1;
      if (callback) {
        latencies.push(callback.at - dispatchedAt);
        cpus.push((callback.cpu.user - cpuAt.user + callback.cpu.system - cpuAt.system) / 1000);
      }
      if (request) arrivals.push(request.at - (performance.timeOrigin + dispatchedAt));
      messages += messagesOf.get(id) ?? 0;
    }
    sandbox.discord.clearRequests();
    results.push({
      name: workload.name,
      kind: workload.kind,
      latency: stats(latencies),
      arrival: stats(arrivals),
      cpu: stats(cpus),
      failures,
      messagesPerInteraction: workload.kind === 'command' ? Math.round((messages / samples) * 100) / 100 : 0,
    });
  }

  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
  const output: InteractionBenchResult = {
    briefings: size,
    samplesPerWorkload: samples,
    warmupPerWorkload: warmup,
    archiveLoadAndStartMs: Math.round(archiveLoadAndStartMs),
    workloads: results,
    node: process.version,
    notes: [
      'latency = performance.now() from the end of the INTERACTION_CREATE dispatch (frame written to the socket) to the emulator handling the callback request (parsed and validated); bot, emulator and discord.js share one process and event loop',
      'arrival = the same start to the emulator request log arrival time (Date.now, whole milliseconds): a cross-check, up to 1 ms coarse',
      'cpu = process.cpuUsage() (user + system, all threads) over the same interval: the work without waiting for a CPU',
      'one interaction at a time: the next is dispatched once the router is idle (all follow-ups sent); a failure is no callback, a 4xx, or a router outcome other than ok',
      'the emulator global limit and discord.js globalRequestsPerSecond were lifted so back-to-back samples do not wait in a rate-limit queue',
      'logging at info level into a no-op destination, as production logs every interaction',
    ],
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

await main();
