/**
 * The vocabulary's typo look-ups (issue 13): a one-shot command leaves the typo index for first
 * use and scans the words for its first look-ups instead. Whichever way it answers, a typo
 * look-up must give exactly the words and the order the index gives.
 */
import { describe, expect, it } from 'vitest';
import { generateBriefing } from '../../bench/generate-briefings.js';
import { words } from '../../src/search/normalize-text.js';
import { TermVocabulary } from '../../src/search/term-vocabulary.js';
import { loadSampleBriefings } from '../eval/load-samples.js';

/** Every word of the samples and of 200 generated briefings, with repeats (as documents add them). */
const corpus = [...loadSampleBriefings(), ...Array.from({ length: 200 }, (_, i) => generateBriefing(i))].flatMap((b) => words(JSON.stringify(b)));

/** Misspellings of every kind one edit makes, and words too short, unknown or exact. */
function probes(known: string[]): string[] {
  const out = ['tarifs', 'shiping', 'sheild', 'erdgan', 'japn', 'turkiye', 'zzzzzz', 'tar', 'chips'];
  for (const [i, w] of known.entries()) {
    if (i % 37 !== 0 || w.length < 4) continue;
    out.push(w.slice(1), `${w}s`, `${w.slice(0, 2)}x${w.slice(3)}`, `${w.slice(0, 1)}${w[2]}${w[1]}${w.slice(3)}`, w);
  }
  return out;
}

function vocabularies(): { eager: TermVocabulary; lazy: TermVocabulary } {
  const eager = new TermVocabulary();
  const lazy = new TermVocabulary({ typoIndex: 'on-first-use' });
  for (const w of corpus) {
    eager.add(w);
    lazy.add(w);
  }
  return { eager, lazy };
}

describe('given a vocabulary whose typo index is left for first use', () => {
  it('then its first look-ups (a scan) and the later ones (the index it then builds) answer exactly as an eager index', () => {
    const { eager, lazy } = vocabularies();
    const known = [...new Set(corpus)];
    const all = probes(known);
    expect(all.length).toBeGreaterThan(100);
    for (const word of all) expect([word, lazy.fuzzy(word, 4)]).toEqual([word, eager.fuzzy(word, 4)]);
    expect(all.filter((w) => eager.fuzzy(w, 4).length > 0).length).toBeGreaterThan(50); // the probes do find typos
  });

  it('then words removed or added before the index is built are answered as the eager index answers them', () => {
    const { eager, lazy } = vocabularies();
    const known = [...new Set(corpus)].filter((w) => w.length >= 5);
    const gone = known.filter((_, i) => i % 5 === 0);
    for (const vocabulary of [eager, lazy]) {
      for (const w of gone) while (vocabulary.count(w) > 0) vocabulary.remove(w);
      vocabulary.add('tariffz');
    }
    const all = [...probes(known), ...gone.map((w) => `${w}x`), 'tariffs', 'tariff'];
    for (const word of all) expect([word, lazy.fuzzy(word, 6)]).toEqual([word, eager.fuzzy(word, 6)]);
    lazy.prepareTypoIndex();
    lazy.add('tarifss');
    eager.add('tarifss');
    for (const word of ['tarifs', 'tarifsss', 'tariffz']) expect(lazy.fuzzy(word, 6)).toEqual(eager.fuzzy(word, 6));
  });
});
