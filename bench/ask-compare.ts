/**
 * Ask, old against new, in one process and one run (the machine is shared, so figures from two
 * runs are not comparable): `node --import tsx bench/ask-compare.ts <old-checkout> [briefings] [questions]`.
 * `<old-checkout>` is a copy of the repository at the commit to compare with, for example
 * `git archive main | tar -x -C /tmp/old && ln -s $PWD/node_modules /tmp/old/node_modules`.
 *
 * Both indexes hold the same archive (the samples plus generated briefings); each question is
 * asked of both, in alternating order, the way /ask asks it (limit 4, related material for the
 * best only) and also within a briefing and with a prior. The answers must be identical, field
 * by field; the times are reported side by side, with the load average.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Briefing } from '../src/domain/briefing.schema.js';
import { BriefingIndex } from '../src/search/briefing-index.js';
import { loadAskQuestions } from '../tests/eval/eval-sets.js';
import { loadSampleBriefings } from '../tests/eval/load-samples.js';
import { percentile } from './bench-table.js';
import { generateBriefing } from './generate-briefings.js';
import { askQuestions, searchQueries } from './search/bench-queries.js';

type AskOptions = Parameters<BriefingIndex['ask']>[1];
interface AskingIndex {
  ask(question: string, options?: AskOptions): unknown[];
  search(query: string, options?: { limit?: number }): unknown[];
}

const [oldRoot, sizeArg, countArg, repsArg] = process.argv.slice(2);
if (!oldRoot) {
  console.error('usage: node --import tsx bench/ask-compare.ts <old-checkout> [briefings=10000] [questions=600] [repeats=1]');
  process.exit(2);
}
const size = Number(sizeArg ?? 10_000);
const count = Number(countArg ?? 600);
/** Each timed question is asked this many times and its least time kept: on a busy machine that is the work, not the wait. */
const repeats = Math.max(1, Number(repsArg ?? 1));

const oldModule = (await import(pathToFileURL(`${oldRoot}/src/search/briefing-index.ts`).href)) as { BriefingIndex: { from(b: Iterable<Briefing>): AskingIndex } };
const samples = loadSampleBriefings();
// Through JSON, as the archive is loaded (see bench/search/search-bench-child.ts).
const briefings = [...samples, ...Array.from({ length: size }, (_, i) => JSON.parse(JSON.stringify(generateBriefing(i))) as Briefing)];
const systems: { name: string; index: AskingIndex }[] = [
  { name: 'old', index: oldModule.BriefingIndex.from(briefings) },
  { name: 'new', index: BriefingIndex.from(briefings) },
];

const sampleSlugs = samples.map((b) => b.slug);
const generated = askQuestions(count, 12);
const evalQuestions = loadAskQuestions();
const asks: { question: string; options: AskOptions }[] = [
  ...generated.map((question) => ({ question, options: { limit: 4, relatedFor: 'best' as const } })),
  ...evalQuestions.map((q) => ({ question: q.question, options: { limit: 4, relatedFor: 'best' as const } })),
  ...evalQuestions.map((q) => ({ question: q.question, options: { limit: 3, briefing: q.expected[0]?.slug } })),
  ...evalQuestions.map((q, i) => ({ question: q.question, options: { limit: 4, relatedFor: 'best' as const, prior: [sampleSlugs[i % sampleSlugs.length] as string], priorWeight: 1 } })),
  ...generated.slice(0, 100).map((question, i) => ({ question, options: { limit: 5, prior: [briefings[(i * 97) % briefings.length]?.slug as string] } })),
];

const times = systems.map(() => [] as number[]);
const cpuTimes = systems.map(() => [] as number[]);
let differing = 0;
// Search shares the scorer: its answers must not change either.
for (const query of searchQueries(300, 11)) {
  const [a, b] = systems.map((s) => JSON.stringify(s.index.search(query, { limit: 10 })));
  if (a !== b) {
    differing++;
    console.log(`search differs: ${query}`);
  }
}
const before = loadavg();
for (let round = 0; round < 2; round++) {
  for (const [i, { question, options }] of asks.entries()) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    const answers: string[] = [];
    for (const s of order) {
      const timed = round === 1 && i < generated.length;
      let answer: unknown;
      let ms = Infinity;
      let cpuMs = Infinity;
      for (let r = 0; r < (timed ? repeats : 1); r++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        answer = (systems[s] as { index: AskingIndex }).index.ask(question, options);
        ms = Math.min(ms, performance.now() - start);
        const used = process.cpuUsage(cpu);
        cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
      }
      if (timed) {
        (times[s] as number[]).push(ms);
        (cpuTimes[s] as number[]).push(cpuMs);
      }
      answers[s] = JSON.stringify(answer);
    }
    if (round === 0 && answers[0] !== answers[1]) {
      differing++;
      if (differing <= 5) console.log(`differs: ${question} ${JSON.stringify(options)}\n  old ${answers[0]?.slice(0, 300)}\n  new ${answers[1]?.slice(0, 300)}`);
    }
  }
}
const after = loadavg();
console.log(`${asks.length} asks (and 300 searches) over ${briefings.length.toLocaleString('en-US')} briefings: ${differing} answers differ`);
const summary = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
  return `mean ${mean.toFixed(2)} ms, p50 ${percentile(sorted, 50).toFixed(2)}, p99 ${percentile(sorted, 99).toFixed(2)}, max ${(sorted.at(-1) ?? 0).toFixed(2)}`;
};
for (const [s, { name }] of systems.entries()) {
  console.log(`${name}: ${generated.length} /ask-style questions${repeats > 1 ? ` (least of ${repeats} runs each)` : ''}, wall ${summary(times[s] as number[])}; CPU ${summary(cpuTimes[s] as number[])}`);
}
console.log(`load average before ${before.map((l) => l.toFixed(2)).join(' ')}, after ${after.map((l) => l.toFixed(2)).join(' ')}`);
