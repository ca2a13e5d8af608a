/**
 * `npm run eval`: top-1 and top-3 accuracy of search and ask on the evaluation sets, for our index
 * (and, with --ablations, variants without a data source) beside plain BM25 and plain fuse.js.
 * --misses lists the dev-split misses of our index; held-out misses are never printed.
 */
import { scoreConversations } from './conversation-eval.js';
import { BLIND_BATCH_FILES, loadAskQuestions, loadBlindBatches, type BlindBatchName } from './eval-sets.js';
import { ASK_CASES, runEvaluation, type AskCase, type SystemScore } from './evaluate.js';

const blindBatches = loadBlindBatches();

const args = new Set(process.argv.slice(2));
const { search, ask, askByBatch, askByCase, blind } = runEvaluation({ ablations: args.has('--ablations'), cases: true });

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

// The cases of issue 15: archive-wide, within the briefing, in context (a prior), and a prior
// that must give way to a question plainly about another briefing. Baselines use context as a filter.
const printCases = (title: string, byCase: Partial<Record<AskCase, SystemScore[]>>): void => {
  const archive = byCase.archive ?? [];
  console.log(`\n${title} (top-1 / top-3; ${archive[0]?.n ?? 0} questions, held-out ${archive[0]?.heldout.n ?? 0})`);
  console.log(`| case | ${archive.map((s) => s.name).join(' | ')} | ours held-out only |`);
  console.log(`|---|${archive.map(() => '---:').join('|')}|---:|`);
  for (const c of ASK_CASES) {
    const scores = byCase[c] ?? [];
    const ours = scores[0];
    console.log(`| ${c}${c === 'switch' && ours ? ` (${ours.n})` : ''} | ${scores.map((s) => `${pct(s.top1)} / ${pct(s.top3)}`).join(' | ')} | ${ours ? `${pct(ours.heldout.top1)} / ${pct(ours.heldout.top3)}` : ''} |`);
  }
};
printCases('Ask by case, all questions', askByCase);
for (const name of Object.keys(BLIND_BATCH_FILES) as BlindBatchName[]) {
  const cases = blind[name];
  if (cases) printCases(`${name[0]?.toUpperCase()}${name.slice(1)} (held-out, never tuned on), by case`, cases);
  else console.log(`\n(${name} not present: tests/eval/${BLIND_BATCH_FILES[name]})`);
}

// The conversation case, through the local Discord (a /brief, then the follow-up in the same channel).
// The baselines have no conversation; their figure would be their `context` row (context as a filter).
const conversations = await scoreConversations({ all: loadAskQuestions(), ...Object.fromEntries(Object.entries(blindBatches).map(([name, batch]) => [name, batch.questions])) });
console.log('\nConversation case through the local Discord: /brief, then /ask in the same channel (ours, top-1)');
console.log('| set | n | top-1 | held-out top-1 |');
console.log('|---|---:|---:|---:|');
for (const [name, score] of Object.entries(conversations)) console.log(`| ${name} | ${score.n} | ${pct(score.top1)} | ${pct(score.heldout.top1)} |`);

if (args.has('--misses')) {
  for (const [title, scores] of [['search', search], ['ask', ask]] as const) {
    for (const miss of scores[0]?.misses.filter((m) => m.split === 'dev') ?? []) {
      console.log(`miss ${title}: ${miss.item} -> ${miss.got.join(', ')}`);
    }
  }
}
