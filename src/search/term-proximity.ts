/**
 * Term proximity for ask: two words the reader wrote next to each other ("Commerce Department",
 * "joint complaint", "chip tariff") are better evidence where a key variable's sentence also has
 * them side by side than where it uses each somewhere. BM25 over key variables counts each of the
 * question's concepts on its own; this counts the pairs of neighbouring concepts of the question
 * that stand within {@link PROXIMITY_WINDOW} index terms of each other in the key variable's own
 * sentence, each pair by the rarer concept's idf.
 *
 * Only the reader's own words count here (exact words and actor names, weight 1): a synonym or a
 * typo fix beside another word is weaker evidence of a phrase, and measured on the dev questions
 * of tests/eval/ask-questions.json, letting them in (or scoring pairs in the briefing's explaining
 * sentences too, shared out as neighbourhoods are) lost more than it won.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { QueryConcept } from './analyzer.js';
import type { BriefingReader } from './briefing-reading.js';

/** Weight of the proximity score beside the key variable's own words and its briefing (1 each). */
export const PROXIMITY_WEIGHT = 1;
/** Most positions apart two terms may stand and still count as close (stop words are not index terms, so they do not count). */
export const PROXIMITY_WINDOW = 2;

/** Two concepts that stand next to each other in the question, and what finding them close is worth. */
interface ConceptPair {
  first: number;
  second: number;
  weight: number;
}

/** Scores one question's neighbouring concept pairs against the sentences of key variables. */
export class ProximityScorer {
  readonly #reader: BriefingReader;
  /** Term -> the concepts it is one of the reader's own words for. */
  readonly #conceptsOf = new Map<string, number[]>();
  readonly #pairs: ConceptPair[] = [];
  readonly #totalWeight: number;
  /** Briefings seen by this question, with the score of each key variable in briefing order. */
  readonly #seen = new Map<Briefing, number[]>();

  /** `idfs[i]`: the rarity of `concepts[i]` (the figures the neighbourhood score uses). */
  constructor(concepts: readonly QueryConcept[], idfs: readonly number[], reader: BriefingReader) {
    this.#reader = reader;
    const termsOf = concepts.map(() => new Set<string>());
    concepts.forEach((concept, i) => {
      for (const alternative of concept.alternatives) {
        // A phrase stands where its first term does; the reader's own words only.
        const term = alternative.terms[0];
        if (term === undefined || alternative.weight < 1) continue;
        termsOf[i]?.add(term);
        const list = this.#conceptsOf.get(term) ?? [];
        if (!list.includes(i)) list.push(i);
        this.#conceptsOf.set(term, list);
      }
    });
    for (let i = 0; i + 1 < concepts.length; i++) {
      const first = termsOf[i] as Set<string>;
      const second = termsOf[i + 1] as Set<string>;
      // Two words of the question for one term ("Moscow", "Russia") are not a pair. A pair with a
      // word that has no exact form (a typo fix) stays in the total: it can only be missed.
      if ([...first].some((t) => second.has(t))) continue;
      const weight = Math.min(idfs[i] ?? 0, idfs[i + 1] ?? 0);
      if (weight > 0) this.#pairs.push({ first: i, second: i + 1, weight });
    }
    this.#totalWeight = this.#pairs.reduce((sum, pair) => sum + pair.weight, 0);
  }

  /** In [0, 1]: the share of the question's neighbouring pairs, by weight, that stand close in key variable `n` of `briefing`. */
  score(briefing: Briefing, n: number): number {
    if (this.#totalWeight === 0) return 0;
    let scores = this.#seen.get(briefing);
    if (!scores) this.#seen.set(briefing, (scores = this.#reader.read(briefing).keyVariableSequences.map((sequence) => this.#pairScore(sequence))));
    return scores[briefing.keyVariables.findIndex((kv) => kv.n === n)] ?? 0;
  }

  /** In [0, 1]: the weighted share of the question's pairs whose concepts stand close in `sequence`. */
  #pairScore(sequence: readonly string[]): number {
    // Where each concept stands.
    const at = new Map<number, number[]>();
    sequence.forEach((term, position) => {
      for (const concept of this.#conceptsOf.get(term) ?? []) {
        const list = at.get(concept);
        if (list) list.push(position);
        else at.set(concept, [position]);
      }
    });
    if (at.size < 2) return 0;
    let found = 0;
    for (const pair of this.#pairs) {
      const firsts = at.get(pair.first);
      const seconds = at.get(pair.second);
      if (firsts && seconds && firsts.some((a) => seconds.some((b) => a !== b && Math.abs(a - b) <= PROXIMITY_WINDOW))) found += pair.weight;
    }
    return found / this.#totalWeight;
  }
}
