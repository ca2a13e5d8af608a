import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyzer.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { BriefingReader } from '../../src/search/briefing-reading.js';
import { predicateNamed, predicateOf, subjectNamed, subjectOf, termsNamed } from '../../src/search/key-variable-subject.js';
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

  it("given key variables, then the predicate is the terms after the subject, without actors or the subject's own alias", () => {
    const sequences = reader.read(briefing).keyVariableSequences;
    expect(predicateOf(sequences[1] as string[], index.lexicon.entityStems)).toEqual(['impos', 'sanction', 'bank']);
    expect(predicateOf(sequences[2] as string[], index.lexicon.entityStems)).toEqual(['bank', 'outlast', 'war']);
    expect(predicateOf([], index.lexicon.entityStems)).toEqual([]);
  });

  it('given a question naming a word of the predicate, then the key variable counts it; a word further on counts nothing', () => {
    const named = (question: string): Map<string, number> => termsNamed(analyzeQuery(question, index.lexicon, { vocabulary: index.vocabulary, question: true }));
    expect(predicateNamed(reader.read(briefing), 2, named('will it outlast them'), index.lexicon.entityStems)).toBe(1);
    expect(predicateNamed(reader.read(briefing), 1, named('who protects them'), index.lexicon.entityStems)).toBe(0);
  });

  it('given two siblings with the same words, then ask puts first the one whose predicate has the word the question asks about', () => {
    const talks = makeBriefing({
      slug: 'steel-talks',
      keyVariables: [
        { n: 1, text: 'Will the EU hold talks on steel while mines close?' },
        { n: 2, text: 'Will the EU hold talks on mines while steel closes?' },
      ],
    });
    expect(BriefingIndex.from([talks]).ask('what about the mines', { limit: 2 }).map((r) => r.keyVariable.n)).toEqual([2, 1]);
  });
});
