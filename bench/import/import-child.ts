// Runs one import in its own process so its peak memory (maxRSS) is the import's alone.
import { importBriefingFiles } from '../../src/import/import-briefing-files.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, inputDir] = process.argv.slice(2) as [string, string];
const now = new Date('2026-11-25T00:00:00.000Z');

// Parse only, from memory: the parser's own speed without disk or store.
const names = readdirSync(inputDir).slice(0, 2000);
const texts = await Promise.all(names.map((name) => readFile(join(inputDir, name), 'utf8')));
const parseStart = performance.now();
for (let i = 0; i < texts.length; i++) parseBriefing(texts[i] as string, { fileName: names[i], now });
const parseMs = performance.now() - parseStart;

const archive = await LowdbBriefingArchive.open(dataDir);
const start = performance.now();
const report = await importBriefingFiles(archive, [inputDir], { now });
const importMs = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    files: report.saved.length + report.rejected.length,
    rejected: report.rejected.length,
    importMs,
    parsePerSecond: texts.length / (parseMs / 1000),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
