/**
 * `npm run bench`: every benchmark of the project, one table each, and all figures in
 * bench/results.json. Each part runs the work it measures in child processes of its own, so
 * one part's memory does not count against another's.
 *
 * `npm run bench -- --only import,search` runs some parts; `--quick` uses smaller sizes.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printTable, type BenchRow } from './bench-table.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean' } } });
const wanted = values.only?.split(',').map((s) => s.trim());
const quick = values.quick === true;
const wants = (part: string): boolean => !wanted || wanted.includes(part);

interface Part {
  name: string;
  title: string;
  run(): Promise<{ rows: BenchRow[]; result: unknown }>;
}

const parts: Part[] = [
  {
    name: 'cli',
    title: 'CLI start-up, beside node -e 0 in the same run (issue 13)',
    run: async () => (await import('./cli/run-cli-bench.js')).runCliBench(quick ? { sizes: [10_000], runs: () => 3 } : {}),
  },
  {
    name: 'import',
    title: 'Briefing core: import and cold list (issue 3)',
    run: async () => (await import('./import/run-import-bench.js')).runImportBench(quick ? 1_000 : 10_000),
  },
  {
    name: 'parse',
    title: 'Parsing adversarial shapes beside plain text of the same size (issue 11)',
    run: async () => (await import('./parse/run-parse-bench.js')).runParseBench(quick ? [256 * 1024] : undefined),
  },
  {
    name: 'search',
    title: 'Search, autocomplete and ask (issue 4)',
    run: async () => {
      const { runSearchBench } = await import('./search/run-search-bench.js');
      const output = await runSearchBench(quick ? { sizes: [1_000, 10_000], coldSizes: [10_000] } : {});
      return { rows: output.rows, result: output.json };
    },
  },
  {
    name: 'interactions',
    title: 'Interaction latency through the local Discord, 10,000 briefings (issue 6)',
    run: async () => (await import('./interactions/run-interaction-bench.js')).runInteractionBench(),
  },
  {
    name: 'delivery',
    title: 'Digest fan-out to 1,000 channels through the local Discord (issue 7)',
    run: async () => (await import('./delivery/run-delivery-bench.js')).runDeliveryBench(),
  },
  { name: 'store', title: 'Stores: lowdb and PostgreSQL, import and one file into 20,000 (issue 17)', run: async () => (await import('./store/run-store-bench.js')).runStoreBench(quick ? { count: 1_000, full: 2_000 } : { count: 10_000, full: 20_000 }) },
];

const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadavg() },
  startedAt: new Date().toISOString(),
};
let failed = false;
for (const part of parts.filter((p) => wants(p.name))) {
  const started = performance.now();
  try {
    const { rows, result } = await part.run();
    printTable(part.title, rows);
    results[part.name] = result;
    if (rows.some((r) => r.ok === false)) console.log('\n(one or more targets missed: see the ❌ rows)');
  } catch (error) {
    failed = true;
    console.log(`\n## ${part.title}\n\nfailed: ${(error as Error).message}`);
    results[part.name] = { error: (error as Error).message };
  }
  console.log(`\n(${part.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
results['finishedAt'] = new Date().toISOString();
const file = fileURLToPath(new URL('./results.json', import.meta.url));
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${file}`);
process.exitCode = failed ? 1 : 0;
