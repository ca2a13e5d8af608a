/**
 * A record of what ask answers, to prove that a change meant to make it faster changes no answer:
 * every question of tests/eval/ask-questions.json (not the blind batch 6) asked over the sample
 * briefings plus 2,500 generated ones, the way /ask asks it, within its briefing and with a prior,
 * and 150 generated questions. 2,500 is past the size where the scorer starts probing common
 * words (PROBE_MIN_DOCS), so that path is recorded too.
 *
 * Each answer is kept as its results' `slug#n@score` and a hash of the whole answer (related
 * trends and positions, quoted passages): tests/search/ask-answers.slow.test.ts compares today's
 * with the file that `node --import tsx tests/search/record-ask-answers.ts [checkout]` wrote.
 */
import { createHash } from 'node:crypto';
import { askQuestions } from '../../bench/search/bench-queries.js';
import { generateBriefing } from '../../bench/generate-briefings.js';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { loadAskQuestions } from '../eval/eval-sets.js';
import { loadSampleBriefings } from '../eval/load-samples.js';

/** Generated briefings beside the samples. */
export const GENERATED_BRIEFINGS = 2_500;

/** Where the record is kept. */
export const ASK_ANSWERS_FILE = new URL('./fixtures/ask-answers.json', import.meta.url);

/** What the record needs of an index: any version's BriefingIndex. */
export interface AskingIndex {
  ask(question: string, options?: Record<string, unknown>): { slug: string; keyVariable: { n: number }; score: number }[];
}

/** One recorded answer. */
export interface RecordedAnswer {
  ask: string;
  top: string[];
  digest: string;
}

/** The archive the record is made over: the samples, then the generated briefings (through JSON, as loaded). */
export function recordArchive(): Briefing[] {
  return [...loadSampleBriefings(), ...Array.from({ length: GENERATED_BRIEFINGS }, (_, i) => JSON.parse(JSON.stringify(generateBriefing(i))) as Briefing)];
}

/** Every ask of the record, with a label that names the question and the case. */
export function recordedAsks(briefings: readonly Briefing[]): { label: string; question: string; options: Record<string, unknown> }[] {
  const slugs = briefings.slice(0, 17).map((b) => b.slug);
  const questions = loadAskQuestions();
  const generated = askQuestions(150, 12);
  return [
    ...questions.map((q, i) => ({ label: `eval ${i} archive`, question: q.question, options: { limit: 4, relatedFor: 'best' } })),
    ...questions.map((q, i) => ({ label: `eval ${i} within`, question: q.question, options: { limit: 3, briefing: q.expected[0]?.slug } })),
    ...questions.map((q, i) => ({ label: `eval ${i} prior`, question: q.question, options: { limit: 4, relatedFor: 'best', prior: [slugs[i % slugs.length]], priorWeight: 1 } })),
    ...generated.map((question, i) => ({ label: `generated ${i}`, question, options: { limit: 5, ...(i % 3 === 0 ? { prior: [briefings[(i * 97) % briefings.length]?.slug] } : {}) } })),
  ];
}

/** The answers of `index` to every ask of the record. */
export function recordAnswers(index: AskingIndex, briefings: readonly Briefing[]): RecordedAnswer[] {
  return recordedAsks(briefings).map(({ label, question, options }) => {
    const results = index.ask(question, options);
    return {
      ask: label,
      top: results.map((r) => `${r.slug}#${r.keyVariable.n}@${r.score}`),
      digest: createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 16),
    };
  });
}
