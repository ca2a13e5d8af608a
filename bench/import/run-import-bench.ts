/**
 * Import benchmark (issue 3): N generated briefing files imported in a fresh process
 * (time, briefings per second, peak RSS), then a cold `lumen list` on that archive.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateBriefingMarkdown } from '../generate-briefings.js';
import { fmtMs, type BenchRow } from '../bench-table.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lumen.js', import.meta.url));

export interface ImportBenchResult {
  count: number;
  importMs: number;
  briefingsPerSecond: number;
  parsePerSecond: number;
  peakRssMb: number;
  coldListMs: { median: number; max: number };
}

export async function runImportBench(count: number): Promise<{ rows: BenchRow[]; result: ImportBenchResult }> {
  const root = await mkdtemp(join(tmpdir(), 'lumen-import-bench-'));
  const inputDir = join(root, 'in');
  const dataDir = join(root, 'data');
  await mkdir(inputDir);
  for (let i = 0; i < count; i++) {
    const { fileName, text } = generateBriefingMarkdown(i);
    await writeFile(join(inputDir, fileName), text);
  }
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, dataDir, inputDir], { maxBuffer: 1 << 20 });
  const child = JSON.parse(stdout) as { files: number; rejected: number; importMs: number; parsePerSecond: number; maxRssMb: number };
  if (child.rejected > 0) throw new Error(`${child.rejected} generated files were rejected`);

  const listTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run(process.execPath, [BIN, 'list', '--json'], { env: { ...process.env, LUMEN_DATA_DIR: dataDir }, maxBuffer: 1 << 28 });
    listTimes.push(performance.now() - start);
  }
  listTimes.sort((a, b) => a - b);
  await rm(root, { recursive: true, force: true });

  const result: ImportBenchResult = {
    count,
    importMs: child.importMs,
    briefingsPerSecond: count / (child.importMs / 1000),
    parsePerSecond: child.parsePerSecond,
    peakRssMb: child.maxRssMb,
    coldListMs: { median: listTimes[2] ?? 0, max: listTimes[4] ?? 0 },
  };
  const n = count.toLocaleString('en-US');
  const rows: BenchRow[] = [
    { name: `import ${n} files (parse + store)`, value: fmtMs(result.importMs), target: count >= 10_000 ? '< 60 s' : undefined, ok: count >= 10_000 ? result.importMs < 60_000 : undefined },
    { name: `import throughput (${n})`, value: `${Math.round(result.briefingsPerSecond)} briefings/s` },
    { name: 'parse only, in memory', value: `${Math.round(result.parsePerSecond)} briefings/s` },
    { name: `import peak RSS (${n})`, value: `${Math.round(result.peakRssMb)} MB` },
    {
      name: `cold lumen list (${n}), median of 5`,
      value: `${fmtMs(result.coldListMs.median)} (max ${fmtMs(result.coldListMs.max)})`,
      target: count >= 10_000 ? '< 1 s' : undefined,
      ok: count >= 10_000 ? result.coldListMs.max < 1000 : undefined,
    },
  ];
  return { rows, result };
}
