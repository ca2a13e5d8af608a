import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyzer.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { BriefingReader } from '../../src/search/briefing-reading.js';
import { subjectNamed, subjectOf, termsNamed } from '../../src/search/key-variable-subject.js';
import { makeBriefing } from './make-briefing.js';

// Two key variables with the same words; only which actor each asks about tells them apart.
const briefing = makeBriefing({
  slug: 'bank-sanctions',
  keyVariables: [
    { n: 1, text: 'Will Washington impose sanctions on banks that the EU protects?' },
    { n: 2, text: 'Will the EU impose sanctions on banks that Washington protects?' },
    { n: 3, text: 'Will sanctions on banks outlast the war?' },
  ],
});

describe('the subject of a key variable', () => {
  const index = BriefingIndex.from([briefing]);
  const reader = new BriefingReader(index.lexicon);

  it('given key variables, then the subject is the actor each opens with, or else its first word', () => {
    const subjects = reader.read(briefing).keyVariableSequences.map(subjectOf);
    expect(subjects).toEqual(['@us', '@eu', 'sanction']);
    expect(subjectOf([])).toBeUndefined();
  });

  it('given a question naming an actor, then the key variable with that subject counts it, the others not', () => {
    const concepts = analyzeQuery('could the eu come after banks', index.lexicon, { vocabulary: index.vocabulary, question: true });
    const named = termsNamed(concepts);
    expect(named.get('@eu')).toBe(1);
    expect([0, 1, 2].map((k) => subjectNamed(reader.read(briefing), k, named))).toEqual([0, 1, 0]);
    expect(subjectNamed(reader.read(briefing), 1, new Map())).toBe(0);
  });

  it('given a question naming a subject by a synonym, then it counts at the synonym weight', () => {
    const sanctions = termsNamed(analyzeQuery('will sanctions last', index.lexicon, { vocabulary: index.vocabulary, question: true })).get('sanction');
    expect(sanctions).toBe(1);
    const withSynonym = analyzeQuery('will the embargo last', index.lexicon, { vocabulary: index.vocabulary, question: true });
    const weight = subjectNamed(reader.read(briefing), 2, termsNamed(withSynonym));
    expect(weight).toBeGreaterThan(0);
    expect(weight).toBeLessThan(1);
  });

  it('given two siblings with the same words, then ask puts first the one whose subject the question names', () => {
    const results = index.ask('could sanctions on banks come from the eu', { limit: 3 });
    expect(results[0]?.keyVariable.n).toBe(2);
    expect(index.ask('could sanctions on banks come from washington', { limit: 3 })[0]?.keyVariable.n).toBe(1);
  });
});
