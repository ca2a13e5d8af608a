/**
 * Store benchmark (issue 17): the same import on lowdb and on PostgreSQL, each in a process of
 * its own. 10,000 files into an empty archive (target: PostgreSQL within 3x of lowdb), then one
 * file into the open 20,000-briefing archive, as the bot's inbox or POST /briefings does it
 * (target: ≤ 100 ms on PostgreSQL), and a cold open of the 20,000. PostgreSQL runs against
 * LUMEN_TEST_DATABASE_URL (`scripts/with-test-postgres.sh npm run bench -- --only store`), in a
 * schema dropped afterwards; without it, only lowdb is measured, and the table says so.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dropSchema } from '../../src/store/postgres/postgres-connection.js';
import { fmtMs, percentile, type BenchRow } from '../bench-table.js';
import { generateBriefingMarkdown } from '../generate-briefings.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./store-bench-child.ts', import.meta.url));
const SINGLES = 7;

interface StoreFigures {
  importMs: number;
  size: number;
  oneFileMs: number[];
  openMs: number;
  maxRssMb: number;
}

export interface StoreBenchResult {
  count: number;
  full: number;
  lowdb: StoreFigures & { oneFileMedianMs: number };
  postgres: (StoreFigures & { oneFileMedianMs: number }) | { skipped: string };
}

export async function runStoreBench(options: { count: number; full: number }): Promise<{ rows: BenchRow[]; result: StoreBenchResult }> {
  const root = await mkdtemp(join(tmpdir(), 'lumen-store-bench-'));
  const source = join(root, 'source');
  for (const [folder, from, to] of [['first', 0, options.count], ['rest', options.count, options.full], ['singles', options.full, options.full + SINGLES]] as const) {
    await mkdir(join(source, folder), { recursive: true });
    for (let i = from; i < to; i++) {
      const { fileName, text } = generateBriefingMarkdown(i);
      await writeFile(join(source, folder, fileName), text);
    }
  }
  const measure = async (store: 'lowdb' | 'postgres', target: string, schema = ''): Promise<StoreFigures & { oneFileMedianMs: number }> => {
    const input = join(root, `in-${store}`);
    await cp(source, input, { recursive: true });
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, store, input, target, schema], { maxBuffer: 1 << 20 });
    const figures = JSON.parse(stdout) as StoreFigures & { rejected: number };
    if (figures.rejected > 0) throw new Error(`${store}: ${figures.rejected} generated files were rejected`);
    const sorted = [...figures.oneFileMs].sort((a, b) => a - b);
    return { ...figures, oneFileMedianMs: percentile(sorted, 50) };
  };
  try {
    const lowdb = await measure('lowdb', join(root, 'data'));
    const url = process.env['LUMEN_TEST_DATABASE_URL'];
    let postgres: StoreBenchResult['postgres'] = { skipped: 'LUMEN_TEST_DATABASE_URL is not set' };
    if (url) {
      const schema = `lumen_bench_${randomBytes(4).toString('hex')}`;
      try {
        postgres = await measure('postgres', url, schema);
      } finally {
        await dropSchema(url, schema);
      }
    }
    return { rows: rowsOf(options, lowdb, postgres), result: { ...options, lowdb, postgres } };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function rowsOf(options: { count: number; full: number }, lowdb: StoreFigures & { oneFileMedianMs: number }, postgres: StoreBenchResult['postgres']): BenchRow[] {
  const n = options.count.toLocaleString('en-US');
  const full = options.full.toLocaleString('en-US');
  const rows: BenchRow[] = [
    { name: `lowdb: import ${n} files`, value: `${fmtMs(lowdb.importMs)}, peak RSS ${Math.round(lowdb.maxRssMb)} MB` },
    { name: `lowdb: one file into ${full} (median of ${SINGLES})`, value: fmtMs(lowdb.oneFileMedianMs) },
    { name: `lowdb: open ${full}`, value: fmtMs(lowdb.openMs) },
  ];
  if ('skipped' in postgres) return [...rows, { name: 'PostgreSQL', value: `skipped: ${postgres.skipped}` }];
  const ratio = postgres.importMs / lowdb.importMs;
  return [
    ...rows,
    { name: `PostgreSQL: import ${n} files`, value: `${fmtMs(postgres.importMs)} (${ratio.toFixed(2)}x lowdb), peak RSS ${Math.round(postgres.maxRssMb)} MB`, target: '≤ 3x lowdb', ok: ratio <= 3 },
    { name: `PostgreSQL: one file into ${full} (median of ${SINGLES})`, value: `${fmtMs(postgres.oneFileMedianMs)} (max ${fmtMs(Math.max(...postgres.oneFileMs))})`, target: '≤ 100 ms', ok: postgres.oneFileMedianMs <= 100 },
    { name: `PostgreSQL: open ${full} (load + validate)`, value: fmtMs(postgres.openMs) },
  ];
}
