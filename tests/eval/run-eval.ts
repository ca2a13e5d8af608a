/**
 * `npm run eval`: top-1 and top-3 accuracy of search and ask on the evaluation sets, for our index
 * (and, with --ablations, variants without a data source) beside plain BM25 and plain fuse.js.
 * --misses lists the dev-split misses of our index; held-out misses are never printed.
 */
import { runEvaluation, type SystemScore } from './evaluate.js';

const args = new Set(process.argv.slice(2));
const { search, ask, askByBatch } = runEvaluation({ ablations: args.has('--ablations') });

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

// Top-1 / top-3 per batch of questions: the blind batches show how the ranking does on phrasings
// it was never shaped around (held-out batches in aggregate only, like everything else here).
console.log('\nAsk by batch (top-1 / top-3)');
console.log(`| batch | n | ${askByBatch[0]?.scores.map((s) => s.name).join(' | ')} |`);
console.log(`|---|---:|${askByBatch[0]?.scores.map(() => '---:').join('|')}|`);
for (const { batch, scores } of askByBatch) {
  console.log(`| ${batch.name} | ${batch.to - batch.from} | ${scores.map((s) => `${pct(s.top1)} / ${pct(s.top3)}`).join(' | ')} |`);
}

if (args.has('--misses')) {
  for (const [title, scores] of [['search', search], ['ask', ask]] as const) {
    for (const miss of scores[0]?.misses.filter((m) => m.split === 'dev') ?? []) {
      console.log(`miss ${title}: ${miss.item} -> ${miss.got.join(', ')}`);
    }
  }
}
