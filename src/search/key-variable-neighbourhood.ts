/**
 * Key-variable neighbourhoods: document expansion for ask. A key variable is one sentence and
 * names things by their proper names ("reconnect Rosselkhozbank to SWIFT"), while a reader asks
 * in the words that the briefing uses elsewhere to explain them ("Russia's state agricultural
 * bank", "the SWIFT payment network"). So a key variable also owns part of its briefing's text.
 *
 * Each sentence of the briefing (summary, incident, motivations, table cells, trends, structural
 * summary, and each item of the summary's list of key variables) is shared out among the key
 * variables whose distinctive terms it uses, in proportion to how many it uses. A distinctive
 * term is one that a key variable has and none of its siblings has, so neighbourhoods tell
 * siblings apart: the sentence naming Rosselkhozbank, SWIFT and the European Union goes mostly to
 * the key variable about the EU and SWIFT, though it also says "agricultural bank" like a sibling
 * about Washington. A term's weight in a neighbourhood is the largest share it gets from a
 * sentence it is in. (Sharing matters: given whole to every key variable it shares a distinctive
 * term with, a sentence lands in most neighbourhoods of a long briefing, whose key variables then
 * outrank those of a short one; on the dev questions that lost more than it won.)
 *
 * Neighbourhoods are computed at query time, for the few briefings whose key variables are
 * candidates and for the question's terms only, so the index build is as fast as before. They
 * are not cached across questions: a pass over a briefing costs about 0.1 ms, while a cache that
 * questions about random briefings keep refilling raised peak memory by about 100 MB at 10,000
 * briefings. Within one question, a BriefingReader (briefing-reading.ts) reads each briefing once.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { QueryConcept } from './analyzer.js';
import { conceptIdf } from './bm25f-scorer.js';
import type { BriefingIndex } from './briefing-index.js';
import { BriefingReader, type BriefingReading } from './briefing-reading.js';

/** Weight of the neighbourhood score beside the key variable's own words and its briefing (1 each). */
export const NEIGHBOURHOOD_WEIGHT = 0.5;

/** For each key variable, in briefing order: term -> weight in its neighbourhood, in (0, 1]. */
export type Neighbourhoods = readonly ReadonlyMap<string, number>[];

/**
 * The neighbourhood of each key variable of a briefing, in briefing order; restricted to the
 * terms of `only` when given (a question needs no others).
 */
export function keyVariableNeighbourhoods(reading: BriefingReading, only?: ReadonlySet<string>): Neighbourhoods {
  const own = reading.keyVariableTerms;
  // A distinctive term has a single owner among the key variables, by definition.
  const ownerOf = new Map<string, number>();
  own.forEach((terms, k) => {
    for (const t of terms) if (!own.some((other, j) => j !== k && other.has(t))) ownerOf.set(t, k);
  });
  const neighbourhoods = own.map(() => new Map<string, number>());
  const links = new Array<number>(own.length);
  for (const terms of reading.unitTerms) {
    links.fill(0);
    let total = 0;
    for (const t of terms) {
      const owner = ownerOf.get(t);
      if (owner === undefined) continue;
      links[owner] = (links[owner] as number) + 1;
      total++;
    }
    if (total === 0) continue;
    for (const t of terms) {
      if (only && !only.has(t)) continue;
      for (let k = 0; k < links.length; k++) {
        const link = links[k] as number;
        if (link === 0) continue;
        const share = link / total;
        const neighbourhood = neighbourhoods[k] as Map<string, number>;
        if (share > (neighbourhood.get(t) ?? 0)) neighbourhood.set(t, share);
      }
    }
  }
  return neighbourhoods;
}

/** The full neighbourhoods of a briefing's key variables, computed once per reader. */
export function neighbourhoodsOf(reader: BriefingReader, briefing: Briefing): Neighbourhoods {
  const reading = reader.read(briefing);
  let neighbourhoods = reader.derived.get(reading) as Neighbourhoods | undefined;
  if (!neighbourhoods) reader.derived.set(reading, (neighbourhoods = keyVariableNeighbourhoods(reading)));
  return neighbourhoods;
}

/** Scores one question against the neighbourhoods of key variables. */
export class NeighbourhoodScorer {
  readonly #reader: BriefingReader;
  readonly #concepts: readonly QueryConcept[];
  readonly #terms: ReadonlySet<string>;
  /** Each concept's idf over the briefings, and their sum: a score is a share of that sum. */
  readonly #idfs: number[];
  readonly #totalIdf: number;
  /** Briefings seen by this question: siblings share one pass over their briefing's text. */
  readonly #seen = new Map<Briefing, Neighbourhoods>();

  constructor(index: BriefingIndex, concepts: readonly QueryConcept[], reader = new BriefingReader(index.lexicon)) {
    this.#reader = reader;
    this.#concepts = concepts;
    this.#terms = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
    this.#idfs = concepts.map((c) => conceptIdf(index.briefings, c));
    this.#totalIdf = this.#idfs.reduce((sum, idf) => sum + idf, 0);
  }

  /**
   * In [0, 1]: the question's concepts found in the neighbourhood of key variable `n` of
   * `briefing`, each by its idf, its best alternative's weight and the term's weight there.
   */
  score(briefing: Briefing, n: number): number {
    let neighbourhoods = this.#seen.get(briefing);
    if (!neighbourhoods) this.#seen.set(briefing, (neighbourhoods = keyVariableNeighbourhoods(this.#reader.read(briefing), this.#terms)));
    const neighbourhood = neighbourhoods[briefing.keyVariables.findIndex((kv) => kv.n === n)];
    if (!neighbourhood || this.#totalIdf === 0) return 0;
    let found = 0;
    this.#concepts.forEach((concept, i) => {
      let best = 0;
      for (const alternative of concept.alternatives) {
        // A phrase counts as its least-attached word.
        let weight = Infinity;
        for (const term of alternative.terms) weight = Math.min(weight, neighbourhood.get(term) ?? 0);
        if (weight !== Infinity) best = Math.max(best, alternative.weight * weight);
      }
      found += best * (this.#idfs[i] as number);
    });
    return found / this.#totalIdf;
  }
}
