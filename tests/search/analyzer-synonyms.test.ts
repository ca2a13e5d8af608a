import { describe, expect, it } from 'vitest';
import { analyzeQuery, type QueryConcept } from '../../src/search/analyzer.js';
import { createLexicon } from '../../src/search/lexicon.js';
import { TermVocabulary } from '../../src/search/term-vocabulary.js';

/** Synonym groups reached from a reader's word: as written, or by stem where the word is an inflection. */
describe('synonyms of an inflected word', () => {
  const lexicon = createLexicon({ extraSynonymGroups: [['stockpile', 'reserve'], ['support', 'backing']] });
  const vocabulary = new TermVocabulary();
  for (const w of ['stockpiled', 'exemptions', 'back', 'reserves', 'support']) vocabulary.add(w);
  const synonymsOf = (question: string, label: string): string[] => {
    const concept = analyzeQuery(question, lexicon, { vocabulary, question: true }).find((c: QueryConcept) => c.label === label);
    return (concept?.alternatives ?? []).filter((a) => a.kind === 'synonym').map((a) => a.terms.join(' '));
  };

  it('given "stockpiled", a word no group lists, then the group of "stockpile" lends its synonyms', () => {
    expect(synonymsOf('will they release the stockpiled rice', 'stockpiled')).toContain('reserv');
  });

  it('given "back", a word whose stem is that of "backing", then the support group is not reached: only inflections match by stem', () => {
    expect(synonymsOf('will the bank get back on swift', 'back')).not.toContain('support');
  });

  it('given "backing" as written in a group, then it still reaches that group', () => {
    expect(synonymsOf('is washington backing the deal', 'backing')).toContain('support');
  });
});
