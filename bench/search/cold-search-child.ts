/**
 * A cold `lumen search`: open the archive file, build the index (lazily: search needs neither the
 * key-variable nor the name index), answer one query, exit. `node --import tsx bench/search/cold-search-child.ts <data-dir> <query>`.
 * The parent times the whole process, start-up included; this prints the inner split.
 */
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';

const [dataDir = '.', query = 'tarifs'] = process.argv.slice(2);
const t0 = performance.now();
const archive = await LowdbBriefingArchive.open(dataDir);
const t1 = performance.now();
const index = BriefingIndex.from(archive.list().map((stored) => stored.briefing), { lazy: true });
const t2 = performance.now();
const results = index.search(query, { limit: 10 });
const t3 = performance.now();
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, buildMs: t2 - t1, searchMs: t3 - t2, results: results.length })}\n`);
