/**
 * One archive size of the search benchmark, in a fresh process so that peak RSS is its own:
 * `node --import tsx bench/search/search-bench-child.ts <briefings> <naive-queries>`.
 * Prints one JSON object (SizeResult) on stdout.
 */
import Fuse from 'fuse.js';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { percentile } from '../bench-table.js';
import { generateBriefing } from '../generate-briefings.js';
import { askQuestions, autocompletePartials, searchQueries } from './bench-queries.js';

/** Latency percentiles of one operation, in milliseconds. */
export interface Latency {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

/** What the child measures for one archive size. */
export interface SizeResult {
  briefings: number;
  buildMs: number;
  search: Latency;
  ask: Latency;
  autocomplete: Latency;
  /** The naive baseline: fuse.js over every field of every briefing, same queries as `searchSameQueries`. */
  naive: Latency | null;
  searchSameQueries: Latency | null;
  rssAfterBuildMb: number;
  /** Peak RSS of the process through our measurements: archive, index, queries (not the baseline). */
  peakRssMb: number;
  /** Peak RSS once the naive fuse.js baseline has also run, for the record. */
  peakRssWithNaiveMb: number;
}

function measure(inputs: readonly string[], run: (input: string) => unknown, warmup = 20): Latency {
  for (const input of inputs.slice(0, warmup)) run(input);
  const times = inputs.map((input) => {
    const start = performance.now();
    run(input);
    return performance.now() - start;
  });
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    mean: times.reduce((s, t) => s + t, 0) / Math.max(1, times.length),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? 0,
  };
}

const size = Number(process.argv[2] ?? 10_000);
const naiveCount = Number(process.argv[3] ?? 5);
// Through JSON, as the archive is loaded: generated text is built by concatenation, and V8's
// concatenated strings would cost a flattening pass that loaded text never pays.
const briefings = Array.from({ length: size }, (_, i) => JSON.parse(JSON.stringify(generateBriefing(i))) as Briefing);

const buildStart = performance.now();
const index = BriefingIndex.from(briefings);
const buildMs = performance.now() - buildStart;
const rssAfterBuildMb = process.memoryUsage().rss / 2 ** 20;

const search = measure(searchQueries(1000), (q) => index.search(q, { limit: 10 }));
const ask = measure(askQuestions(1000), (q) => index.ask(q, { limit: 5 }));
const autocomplete = measure(autocompletePartials(2000, size), (q) => index.autocomplete(q));

const peakRssMb = process.resourceUsage().maxRSS / 1024;

let naive: Latency | null = null;
let searchSameQueries: Latency | null = null;
if (naiveCount > 0) {
  const naiveQueries = searchQueries(naiveCount, 99);
  const keys = ['title', 'slug', 'summary', 'incident', 'motivations.text', 'structure.actors', 'structure.dimensions.name', 'keyVariables.text', 'trends.text', 'structuralSummary'];
  const fuse = new Fuse(briefings, { keys, includeScore: true });
  naive = measure(naiveQueries, (q) => fuse.search(q, { limit: 10 }), 0);
  searchSameQueries = measure(naiveQueries, (q) => index.search(q, { limit: 10 }), 0);
}

const result: SizeResult = {
  briefings: size,
  buildMs,
  search,
  ask,
  autocomplete,
  naive,
  searchSameQueries,
  rssAfterBuildMb,
  peakRssMb,
  peakRssWithNaiveMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
