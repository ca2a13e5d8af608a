import { beforeAll, describe, expect, it } from 'vitest';
import type { AskBatch } from './eval-sets.js';
import { loadAskQuestions } from './eval-sets.js';
import { ourSystems, runEvaluation, scoreAsk, type SystemScore } from './evaluate.js';
import { loadSampleBriefings } from './load-samples.js';

/**
 * The evaluation targets of issue 4 on the evaluation sets (see run-eval.ts). Floors that are met
 * guard against regressions; the one target not met yet is an expected failure, so the suite
 * says so and will flag the day it passes.
 */
describe('evaluation thresholds', () => {
  let search: SystemScore[];
  let ask: SystemScore[];
  let askByBatch: { batch: AskBatch; scores: SystemScore[] }[];
  beforeAll(() => {
    // Only our system and BM25 are compared here: the fuse.js baseline is for `npm run eval`.
    ({ search, ask, askByBatch } = runEvaluation({ fuse: false }));
  });
  const ours = (scores: SystemScore[]): SystemScore => scores[0] as SystemScore;
  const bm25 = (scores: SystemScore[]): SystemScore => scores.find((s) => s.name.startsWith('BM25')) as SystemScore;

  it('given the search queries, then every expected briefing is in the top 3', () => {
    expect(ours(search).top3).toBe(1);
  });

  it('given the follow-up questions, then the right key variable is in the top 3 at least 98% of the time', () => {
    expect(ours(ask).top3).toBeGreaterThanOrEqual(0.98);
  });

  it('given the follow-up questions, then top-1 is clearly above plain BM25 (by 10 points or more)', () => {
    expect(ours(ask).top1 - bm25(ask).top1).toBeGreaterThanOrEqual(0.1);
    expect(ours(ask).heldout.top1).toBeGreaterThan(bm25(ask).heldout.top1);
  });

  // A floor at today's measure, to catch regressions. It was 90% on the first 188 questions
  // (measured 92.6%); two batches written blind since (50 held-out, 60 dev) measured 87.2% on all
  // 298 (floor 85%); stemmed synonym matching and three synonym groups (issue 15) measure 88.3%;
  // 144 paraphrase groups and the key variable's subject and predicate (2 Dec) measured 92.6%, and
  // 91.9% once the review took out members of other senses ("track" for thaw, "come" for succession).
  it('given the follow-up questions, then top-1 stays at or above 91% (regression floor; measured 91.9%)', () => {
    expect(ours(ask).top1).toBeGreaterThanOrEqual(0.91);
  });

  // Issue 15's within-briefing case (`--briefing`) on the same questions: the sibling decision alone.
  it('given the follow-up questions asked within their briefing, then top-1 stays at or above 93% (regression floor; measured 94.0%)', () => {
    const briefings = loadSampleBriefings();
    const within = scoreAsk(ourSystems(briefings).ask, loadAskQuestions(), 'within', briefings.map((b) => b.slug).sort());
    expect(within.top1).toBeGreaterThanOrEqual(0.93);
  });

  it('given the first 188 questions (batches 1-3), then top-1 stays at or above 90%, the floor they had (measured 93.6%)', () => {
    const first = askByBatch[0] as { batch: AskBatch; scores: SystemScore[] };
    expect([first.batch.from, first.batch.to]).toEqual([0, 188]);
    expect(ours(first.scores).top1).toBeGreaterThanOrEqual(0.9);
  });

  // The held-out split has been used to choose between variants that left dev unchanged (2 Dec),
  // so the blind batches (eval-sets.ts) are the clean measure; this stays a regression floor.
  it('given the held-out questions, then top-1 stays at or above 84% (regression floor; measured 85.5%)', () => {
    expect(ours(ask).heldout.top1).toBeGreaterThanOrEqual(0.84);
  });

  it.fails("given the follow-up questions, then top-1 reaches the issue's 95% (not met yet)", () => {
    expect(ours(ask).top1).toBeGreaterThanOrEqual(0.95);
  });
});
