import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyzer.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { BriefingReader } from '../../src/search/briefing-reading.js';
import { actorsNamed, subjectNamed, subjectOf } from '../../src/search/key-variable-subject.js';
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

  it('given key variables, then the subject is the actor each opens with, and none for one that opens with none', () => {
    const subjects = reader.read(briefing).keyVariableSequences.map(subjectOf);
    expect(subjects).toEqual(['@us', '@eu', undefined]);
  });

  it('given a question naming an actor, then the key variables with that subject count it, the others not', () => {
    const concepts = analyzeQuery('could sanctions on banks come from the eu', index.lexicon, { vocabulary: index.vocabulary, question: true });
    const actors = actorsNamed(concepts);
    expect([...actors]).toEqual(['@eu']);
    expect([0, 1, 2].map((k) => subjectNamed(reader.read(briefing), k, actors))).toEqual([0, 1, 0]);
    expect(subjectNamed(reader.read(briefing), 1, new Set())).toBe(0);
  });

  it('given two siblings with the same words, then ask puts first the one whose subject the question names', () => {
    const results = index.ask('could sanctions on banks come from the eu', { limit: 3 });
    expect(results[0]?.keyVariable.n).toBe(2);
    expect(index.ask('could sanctions on banks come from washington', { limit: 3 })[0]?.keyVariable.n).toBe(1);
  });
});
