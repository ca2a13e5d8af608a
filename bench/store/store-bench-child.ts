// One store's import figures in a process of its own: 10,000 files into an empty archive, then
// (after filling it to 20,000) single files imported into the open archive, as the bot's inbox does.
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { importBriefingFiles } from '../../src/import/import-briefing-files.js';
import type { BriefingArchive } from '../../src/store/briefing-archive.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { PostgresBriefingArchive } from '../../src/store/postgres/postgres-briefing-archive.js';

const [store, inputDir, target, schema] = process.argv.slice(2) as ['lowdb' | 'postgres', string, string, string];
const now = new Date('2026-11-25T00:00:00.000Z');
const open = async (): Promise<BriefingArchive & { close?: () => Promise<void> }> =>
  store === 'lowdb' ? LowdbBriefingArchive.open(target) : PostgresBriefingArchive.open({ connectionString: target, schema, refreshIntervalMs: 0 });

const archive = await open();
const first = join(inputDir, 'first'); // 10,000 files
const rest = join(inputDir, 'rest'); // up to 20,000
const singles = join(inputDir, 'singles'); // one file per timed import

let start = performance.now();
const report = await importBriefingFiles(archive, [first], { now });
const importMs = performance.now() - start;
await importBriefingFiles(archive, [rest], { now });
const size = archive.size;

const oneFileMs: number[] = [];
const { readdir } = await import('node:fs/promises');
for (const name of (await readdir(singles)).sort()) {
  const dir = join(inputDir, `single-${name}`);
  await mkdir(dir);
  await rename(join(singles, name), join(dir, name));
  start = performance.now();
  await importBriefingFiles(archive, [dir], { now });
  oneFileMs.push(performance.now() - start);
}
await archive.close?.();

// A cold open of the full archive (a restarting bot, a second process).
start = performance.now();
const reopened = await open();
const openMs = performance.now() - start;
await reopened.close?.();

process.stdout.write(
  JSON.stringify({ imported: report.saved.length, rejected: report.rejected.length, importMs, size, oneFileMs, openMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
