/**
 * CLI start-up benchmark (issue 13): wall time of fresh `lumen` processes, each beside a bare
 * `node -e 0` measured in the same run (interleaved, so a busy machine slows both alike), as
 * ratios: `lumen --help` and `lumen parse FILE` (target ≤ 4x), and cold `lumen list`, `search`
 * and `ask` on archives of generated briefings (targets at 10,000: list ≤ 0.5 s, search and ask
 * ≤ 1 s). Also the same through tsx from the sources, as bin/lumen.js ran before the build.
 *
 * `runCliBench()` is what bench/run.ts calls; alone: `node --import tsx bench/cli/run-cli-bench.ts [sizes...]`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isDistFresh } from '../../bin/dist-freshness.js';
import { fmtMs, printTable, type BenchRow } from '../bench-table.js';
import { generateBriefing, generateBriefingMarkdown } from '../generate-briefings.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/lumen.js');
const FROM_SOURCES = fileURLToPath(new URL('./cli-from-sources.ts', import.meta.url));
const SAMPLE = join(ROOT, 'data/samples/japan-tariffs.md');
const SNAPSHOT = 'search-index.snapshot';

export interface CliBenchOptions {
  /** Archive sizes for list / search / ask (default 10,000, 20,000 and 100,000). */
  sizes?: number[];
  /** Runs per figure (the median is reported; default 3 at 10,000 briefings, 1 above). */
  runs?: (size: number) => number;
}

/** One figure: the command's median wall time and `node -e 0`'s median over the same runs. */
export interface CliTiming {
  what: string;
  briefings?: number;
  medianMs: number;
  nodeMs: number;
  ratio: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function wall(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { env, maxBuffer: 1 << 26, timeout: 600_000 });
  return performance.now() - started;
}

/** Times `args` `runs` times, each after `before` (untimed) and next to a `node -e 0`. */
async function time(what: string, args: string[], runs: number, options: { env?: NodeJS.ProcessEnv; before?: () => Promise<unknown>; briefings?: number } = {}): Promise<CliTiming> {
  const ours: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < runs; i++) {
    await options.before?.();
    node.push(await wall(['-e', '0']));
    ours.push(await wall(args, options.env));
  }
  const medianMs = median(ours);
  const nodeMs = median(node);
  // Progress on stderr: the large sizes take minutes.
  process.stderr.write(`  ${what}${options.briefings ? ` (${options.briefings})` : ''}: ${fmtMs(medianMs)}, node -e 0 ${fmtMs(nodeMs)}\n`);
  return { what, ...(options.briefings ? { briefings: options.briefings } : {}), medianMs, nodeMs, ratio: medianMs / nodeMs };
}

/** An archive of `size` generated briefings, written as `lumen import` would have left it. */
async function writeArchive(dir: string, size: number): Promise<() => Promise<void>> {
  const now = new Date().toISOString();
  const briefings = Array.from({ length: size }, (_, i) => {
    const briefing = generateBriefing(i);
    const contentHash = createHash('sha256').update(briefing.slug).digest('hex');
    return { briefing, revision: 1, contentHash, seq: i + 1, importedAt: now, updatedAt: now, source: `${briefing.slug}.md` };
  });
  const save = () => writeFile(join(dir, 'archive.json'), JSON.stringify({ version: 1, nextSeq: size + 1, briefings }));
  await save();
  let edits = 0;
  // As `lumen import` of an edited file would leave it: one briefing at its next revision.
  return async () => {
    const edited = briefings[edits++ % briefings.length];
    if (!edited) return;
    edited.revision++;
    edited.contentHash = createHash('sha256').update(`${edited.briefing.slug}@${edited.revision}`).digest('hex');
    await save();
  };
}

/**
 * What `lumen import` of one edited file does to the data directory (the archive saved, the
 * catalog and the index snapshot brought up to date), run for real: each call edits the title of
 * the next briefing, so every import is an update.
 */
function importOneEdited(dir: string, size: number, env: NodeJS.ProcessEnv): () => Promise<void> {
  let edits = 0;
  return async () => {
    const n = edits++;
    const { fileName, text } = generateBriefingMarkdown(n % size);
    const inbox = join(dir, 'incoming');
    await mkdir(inbox, { recursive: true });
    const file = join(inbox, fileName);
    await writeFile(file, text.replace(/^(# .*)$/m, `$1 (edit ${n + 1})`));
    await run(process.execPath, [BIN, 'import', file, '--json'], { env, maxBuffer: 1 << 26, timeout: 600_000 });
  };
}

/** Runs the benchmark; the compiled figures need a fresh `npm run build` (it says so otherwise). */
export async function runCliBench(options: CliBenchOptions = {}): Promise<{ rows: BenchRow[]; result: { compiled: boolean; timings: CliTiming[] } }> {
  const sizes = options.sizes ?? [10_000, 20_000, 100_000];
  const runs = options.runs ?? ((size: number) => (size > 10_000 ? 1 : 3));
  const compiled = isDistFresh(ROOT);
  const timings: CliTiming[] = [];
  timings.push(await time('lumen --help', [BIN, '--help'], 7));
  timings.push(await time('lumen parse FILE', [BIN, 'parse', SAMPLE], 7));
  timings.push(await time('before: lumen --help through tsx', ['--import', 'tsx', FROM_SOURCES, '--help'], 3));
  timings.push(await time('before: lumen parse FILE through tsx', ['--import', 'tsx', FROM_SOURCES, 'parse', SAMPLE], 3));
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-cli-bench-'));
    try {
      const reimport = await writeArchive(dir, size);
      const env = { ...process.env, LUMEN_DATA_DIR: dir };
      const n = runs(size);
      const noSnapshot = () => rm(join(dir, SNAPSHOT), { force: true });
      // The catalog beside the archive, as every lumen that writes the archive leaves it: without
      // it the first list reads the whole archive, which is not what a cold list measures.
      await run(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, timeout: 600_000 });
      timings.push(await time('cold lumen list', [BIN, 'list', '--json'], n, { env, briefings: size }));
      timings.push(await time('cold lumen search, no index snapshot yet', [BIN, 'search', 'japan tarifs', '--json'], n, { env, briefings: size, before: noSnapshot }));
      timings.push(await time('cold lumen search', [BIN, 'search', 'japan tarifs', '--json'], n, { env, briefings: size }));
      const importEdited = importOneEdited(dir, size, env);
      timings.push(await time('cold lumen search, first after a lumen import', [BIN, 'search', 'japan tarifs', '--json'], n, { env, briefings: size, before: importEdited }));
      timings.push(await time('cold lumen ask', [BIN, 'ask', 'Will Washington revisit car tariffs on Japan?', '--json'], n, { env, briefings: size }));
      timings.push(await time('cold lumen ask, first after a lumen import', [BIN, 'ask', 'Will Washington revisit car tariffs on Japan?', '--json'], n, { env, briefings: size, before: importEdited }));
      // archive.json rewritten behind lumen's back (another tool, an older lumen): the snapshot is
      // stale, so the archive is read and validated and the snapshot rewritten.
      timings.push(await time('cold lumen search, archive rewritten without lumen', [BIN, 'search', 'japan tarifs', '--json'], n, { env, briefings: size, before: reimport }));
      if (size === sizes[0]) timings.push(await time('before: cold lumen list through tsx', ['--import', 'tsx', FROM_SOURCES, 'list', '--json'], Math.min(n, 3), { env, briefings: size }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { rows: toRows(timings, compiled), result: { compiled, timings } };
}

/** The issue's targets: ratios to `node -e 0` for start-up, seconds at 10,000 briefings. */
function target(t: CliTiming): { target?: string; ok?: boolean } {
  if (t.what.startsWith('before')) return {};
  if (t.briefings === undefined) return { target: '≤ 4x node -e 0', ok: t.ratio <= 4 };
  if (t.briefings !== 10_000) return {};
  if (t.what === 'cold lumen list') return { target: '≤ 0.5 s', ok: t.medianMs <= 500 };
  if (t.what.includes('no index snapshot') || t.what.includes('without lumen')) return {};
  return { target: '≤ 1 s', ok: t.medianMs <= 1000 };
}

function toRows(timings: CliTiming[], compiled: boolean): BenchRow[] {
  const rows: BenchRow[] = timings.map((t) => ({
    name: `${t.what}${t.briefings ? ` (${t.briefings.toLocaleString('en-US')})` : ''}`,
    value: `${fmtMs(t.medianMs)} = ${t.ratio.toFixed(1)}x node -e 0 (${fmtMs(t.nodeMs)})`,
    ...target(t),
  }));
  if (!compiled) rows.unshift({ name: 'dist/ is missing or stale: these are the tsx figures (npm run build)', value: '', ok: false });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  if (!existsSync(join(ROOT, 'dist'))) console.log('(no dist/: run npm run build first for the compiled figures)');
  const output = await runCliBench(sizes.length > 0 ? { sizes } : {});
  printTable('CLI start-up (issue 13)', output.rows);
  const path = fileURLToPath(new URL('./results.json', import.meta.url));
  await writeFile(path, `${JSON.stringify(output.result, null, 2)}\n`);
  console.log(`\nwrote ${path}`);
}
