import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyzer.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { BriefingReader } from '../../src/search/briefing-reading.js';
import { NeighbourhoodScorer } from '../../src/search/key-variable-neighbourhood.js';
import { ProximityScorer } from '../../src/search/term-proximity.js';
import { makeBriefing } from './make-briefing.js';

const briefing = makeBriefing({
  slug: 'trade-gap',
  keyVariables: [
    { n: 1, text: 'Will the deficit keep falling if the trade talks fail and imports grow?' },
    { n: 2, text: 'Will the trade deficit with Korea grow as exports of steel, cars, ships and chips slow?' },
    { n: 3, text: 'Will the central bank cut interest rates?' },
  ],
});

function scorerFor(index: BriefingIndex, question: string): ProximityScorer {
  const concepts = analyzeQuery(question, index.lexicon, { vocabulary: index.vocabulary, question: true });
  const reader = new BriefingReader(index.lexicon);
  return new ProximityScorer(concepts, new NeighbourhoodScorer(index, concepts, reader).idfs, reader);
}

describe('term proximity', () => {
  const index = BriefingIndex.from([briefing]);

  it("given the question's neighbouring words side by side in a key variable, then it scores more than one using them far apart", () => {
    const scorer = scorerFor(index, 'will the trade deficit grow');
    const [far, close, none] = [1, 2, 3].map((n) => scorer.score(briefing, n));
    expect(close).toBeGreaterThan(far as number);
    expect(none).toBe(0);
    for (const score of [far, close, none]) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('given a question of one word, then no pair and no score', () => {
    expect(scorerFor(index, 'deficit').score(briefing, 2)).toBe(0);
  });

  it('given two key variables with the same words, then ask puts first the one that has them side by side, though it is longer', () => {
    const results = index.ask('will the trade deficit grow', { limit: 3 });
    expect(results.map((r) => r.keyVariable.n).slice(0, 2)).toEqual([2, 1]);
  });
});
