/**
 * `npm run eval`: top-1 and top-3 accuracy of search and ask on the evaluation sets, for our index
 * (and, with --ablations, variants without a data source) beside plain BM25 and plain fuse.js.
 * --misses lists the dev-split misses of our index; held-out misses are never printed.
 */
import { runEvaluation, type SystemScore } from './evaluate.js';

const args = new Set(process.argv.slice(2));
const { search, ask } = runEvaluation({ ablations: args.has('--ablations') });

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const print = (title: string, scores: SystemScore[]): void => {
  const n = scores[0]?.n ?? 0;
  console.log(`\n${title} (${n} items; dev ${scores[0]?.dev.n ?? 0} / held-out ${scores[0]?.heldout.n ?? 0})`);
  console.log('| system | top-1 | top-3 | dev top-1 | dev top-3 | held-out top-1 | held-out top-3 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const s of scores) {
    console.log(`| ${s.name} | ${pct(s.top1)} | ${pct(s.top3)} | ${pct(s.dev.top1)} | ${pct(s.dev.top3)} | ${pct(s.heldout.top1)} | ${pct(s.heldout.top3)} |`);
  }
};
print('Search', search);
print('Ask', ask);

if (args.has('--misses')) {
  for (const [title, scores] of [['search', search], ['ask', ask]] as const) {
    for (const miss of scores[0]?.misses.filter((m) => m.split === 'dev') ?? []) {
      console.log(`miss ${title}: ${miss.item} -> ${miss.got.join(', ')}`);
    }
  }
}
