/**
 * Search benchmark (issue 4): index build, search / ask / autocomplete latency, the naive fuse.js
 * baseline side by side, peak RSS, and a cold search, at 1,000, 10,000 and 100,000 generated
 * briefings. Each size runs in its own process (its own peak RSS) under a time cap.
 *
 * `runSearchBench()` is what bench/run.ts calls; run alone with
 * `node --import tsx bench/search/run-search-bench.ts [sizes...]`, which prints the table and
 * writes bench/search/results.json.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fmtMs, printTable, type BenchRow } from '../bench-table.js';
import { generateBriefing } from '../generate-briefings.js';
import type { SizeResult } from './search-bench-child.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./search-bench-child.ts', import.meta.url));
const COLD_CHILD = fileURLToPath(new URL('./cold-search-child.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lumen.js', import.meta.url));

/** Options: which sizes, how many naive fuse.js queries per size, and each child's time cap. */
export interface SearchBenchOptions {
  sizes?: number[];
  naiveQueries?: (size: number) => number;
  timeoutMs?: (size: number) => number;
  coldSizes?: number[];
}

/** What the benchmark returns: rows for the table and a JSON object for bench/results.json. */
export interface SearchBenchOutput {
  rows: BenchRow[];
  json: { sizes: (SizeResult | { briefings: number; error: string })[]; cold: ColdResult[] };
}

interface ColdResult {
  briefings: number;
  /** `lumen search` itself (bin/lumen.js: config, archive, index snapshot, answer), median of 3. */
  cliWallMs: number | null;
  /** The same after one briefing was re-imported: the snapshot is read, that briefing re-indexed, the snapshot saved. */
  cliAfterImportWallMs: number | null;
  /** The same with no snapshot (the first search, or after an upgrade): builds the index and saves one. */
  cliFirstWallMs: number | null;
  /** The same work in a bare child process, median of 3, with its inner split below. */
  wallMs: number;
  loadMs: number;
  buildMs: number;
  searchMs: number;
}

const defaults: Required<SearchBenchOptions> = {
  sizes: [1_000, 10_000, 100_000],
  naiveQueries: (size) => (size <= 1_000 ? 10 : size <= 10_000 ? 5 : 1),
  timeoutMs: (size) => (size <= 10_000 ? 300_000 : 600_000),
  coldSizes: [10_000],
};

/** Runs the benchmark at each size. A size that fails or times out is reported, not thrown. */
export async function runSearchBench(options: SearchBenchOptions = {}): Promise<SearchBenchOutput> {
  const o = { ...defaults, ...options };
  const sizes: SearchBenchOutput['json']['sizes'] = [];
  for (const size of o.sizes) {
    try {
      const { stdout } = await run(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', CHILD, String(size), String(o.naiveQueries(size))], {
        timeout: o.timeoutMs(size),
        maxBuffer: 1 << 20,
      });
      sizes.push(JSON.parse(stdout) as SizeResult);
    } catch (error) {
      sizes.push({ briefings: size, error: (error as { killed?: boolean }).killed ? `timed out after ${fmtMs(o.timeoutMs(size))}` : String((error as Error).message).split('\n')[0] ?? 'failed' });
    }
  }
  const cold: ColdResult[] = [];
  for (const size of o.coldSizes) cold.push(await coldSearch(size));
  return { rows: toRows(sizes, cold), json: { sizes, cold } };
}

/** Writes an archive of `size` generated briefings and times a fresh process answering one search. */
async function coldSearch(size: number): Promise<ColdResult> {
  const dir = await mkdtemp(join(tmpdir(), 'lumen-search-bench-'));
  const now = new Date().toISOString();
  const briefings = Array.from({ length: size }, (_, i) => {
    const briefing = generateBriefing(i);
    const contentHash = createHash('sha256').update(briefing.slug).digest('hex');
    return { briefing, revision: 1, contentHash, seq: i + 1, importedAt: now, updatedAt: now, source: `${briefing.slug}.md` };
  });
  await writeFile(join(dir, 'archive.json'), JSON.stringify({ version: 1, nextSeq: size + 1, briefings }));
  try {
    const walls: { wallMs: number; inner: Omit<ColdResult, 'briefings' | 'wallMs'> }[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const { stdout } = await run(process.execPath, ['--import', 'tsx', COLD_CHILD, dir, 'japan tarifs'], { maxBuffer: 1 << 20 });
      walls.push({ wallMs: performance.now() - start, inner: JSON.parse(stdout) });
    }
    walls.sort((a, b) => a.wallMs - b.wallMs);
    const median = walls[1] ?? walls[0];
    const snapshot = join(dir, 'search-index.snapshot');
    const cliFirstWallMs = await timeCli(dir, () => rm(snapshot, { force: true }));
    const cliWallMs = await timeCli(dir, async () => undefined);
    let reimports = 0;
    const cliAfterImportWallMs = await timeCli(dir, async () => {
      // As `lumen import` of an edited file would leave it: one briefing at its next revision.
      const edited = briefings[reimports++ % briefings.length];
      if (!edited) return;
      edited.revision++;
      edited.contentHash = createHash('sha256').update(`${edited.briefing.slug}@${edited.revision}`).digest('hex');
      await writeFile(join(dir, 'archive.json'), JSON.stringify({ version: 1, nextSeq: size + 1, briefings }));
    });
    return { briefings: size, cliWallMs, cliAfterImportWallMs, cliFirstWallMs, wallMs: median?.wallMs ?? 0, ...(median?.inner ?? { loadMs: 0, buildMs: 0, searchMs: 0 }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Median wall time of three `lumen search --json` runs over `dataDir` (`before` runs untimed before each), or null if the CLI fails. */
async function timeCli(dataDir: string, before: () => Promise<unknown>): Promise<number | null> {
  const times: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      await before();
      const start = performance.now();
      await run(process.execPath, [BIN, 'search', 'japan tarifs', '--json'], { env: { ...process.env, LUMEN_DATA_DIR: dataDir }, maxBuffer: 1 << 24 });
      times.push(performance.now() - start);
    }
  } catch {
    return null;
  }
  return times.sort((a, b) => a - b)[1] ?? null;
}

function toRows(sizes: SearchBenchOutput['json']['sizes'], cold: ColdResult[]): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const r of sizes) {
    const n = r.briefings.toLocaleString('en-US');
    if ('error' in r) {
      rows.push({ name: `search at ${n} briefings`, value: r.error });
      continue;
    }
    const at10k = r.briefings === 10_000;
    const row = (name: string, value: string, target?: string, ok?: boolean): void => {
      rows.push({ name: `${name} (${n})`, value, target: at10k ? target : undefined, ok: at10k ? ok : undefined });
    };
    row('index build', fmtMs(r.buildMs), '≤ 2 s', r.buildMs <= 2000);
    row('search p50 / p99', `${fmtMs(r.search.p50)} / ${fmtMs(r.search.p99)}`, 'p99 ≤ 50 ms', r.search.p99 <= 50);
    row('ask p50 / p99', `${fmtMs(r.ask.p50)} / ${fmtMs(r.ask.p99)}`, 'p99 ≤ 50 ms', r.ask.p99 <= 50);
    row('autocomplete p50 / p99', `${fmtMs(r.autocomplete.p50)} / ${fmtMs(r.autocomplete.p99)}`, 'p99 ≤ 5 ms', r.autocomplete.p99 <= 5);
    if (r.naive && r.searchSameQueries) {
      const speedup = r.naive.mean / Math.max(r.searchSameQueries.mean, 1e-3);
      row(`naive fuse.js search, mean of ${r.naive.count}`, fmtMs(r.naive.mean));
      row('speed-up over naive fuse.js (same queries)', `${Math.round(speedup)}x`, '≥ 50x', speedup >= 50);
    }
    row('peak RSS (whole process)', `${Math.round(r.peakRssMb)} MB`, '≤ 400 MB', r.peakRssMb <= 400);
  }
  for (const c of cold) {
    const n = c.briefings.toLocaleString('en-US');
    if (c.cliWallMs !== null) rows.push({ name: `cold \`lumen search\`, index from its snapshot (${n})`, value: fmtMs(c.cliWallMs), target: '≤ 2 s', ok: c.cliWallMs <= 2000 });
    if (c.cliAfterImportWallMs !== null) rows.push({ name: `cold \`lumen search\` after a re-import: snapshot + 1 upsert + save (${n})`, value: fmtMs(c.cliAfterImportWallMs), target: '≤ 2 s', ok: c.cliAfterImportWallMs <= 2000 });
    if (c.cliFirstWallMs !== null) rows.push({ name: `cold \`lumen search\` with no snapshot yet: build + save (${n})`, value: fmtMs(c.cliFirstWallMs) });
    rows.push({ name: `cold load + build + answer, bare process (${n})`, value: `${fmtMs(c.wallMs)} (load ${fmtMs(c.loadMs)}, build ${fmtMs(c.buildMs)})`, target: c.cliWallMs === null ? '≤ 2 s' : undefined, ok: c.cliWallMs === null ? c.wallMs <= 2000 : undefined });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const output = await runSearchBench(sizes.length > 0 ? { sizes } : {});
  printTable('Search (issue 4)', output.rows);
  const path = fileURLToPath(new URL('./results.json', import.meta.url));
  await writeFile(path, `${JSON.stringify(output.json, null, 2)}\n`);
  console.log(`\nwrote ${path}`);
}
