/**
 * BM25F scoring over a FieldIndex: a term's frequencies in the fields are weighted and
 * length-normalised first, then saturated once, so a word repeated in five fields counts as a
 * strong match but not five times over. A query is a list of concepts; a concept scores as its
 * best alternative (its own word, a synonym, a typo fix...), and concepts add up.
 */
import type { QueryConcept } from './analyzer.js';

/** Most fields an index may have (4 bits of a posting entry). */
export const MAX_FIELDS = 16;

/** Field weights and length normalisation for one kind of query. */
export interface FieldScoring {
  weights: readonly number[];
  /** BM25 `b` per field: 0 ignores length, 1 fully normalises it. */
  b: readonly number[];
  k1: number;
}

/**
 * Scored documents as parallel arrays (no object per document: a common query word touches
 * thousands of them). `matched[i]` counts the query concepts that `docs[i]` matched. The arrays
 * are views of the scorer's scratch space, so that a question allocates none of that size: they
 * hold until the same index scores again (a caller may change `scores` in place meanwhile).
 */
export interface ScoredDocs {
  docs: Int32Array;
  scores: Float64Array;
  matched: Uint8Array;
}

/** One term's postings. */
export interface Posting {
  /** `doc * 256 + field * 16 + min(tf, 15)`, sorted by document; the first `length` are used. */
  entries: Int32Array;
  length: number;
  /** Documents holding the term, in any field. */
  df: number;
}

/** What the scorer reads from an index. */
export interface ScoringSource {
  readonly fieldCount: number;
  readonly size: number;
  postingOf(term: string): Readonly<Posting> | undefined;
  /** Field lengths by `doc * fieldCount + field` (read only). */
  readonly fieldLengths: Float64Array;
  averageLength(field: number): number;
}

/** Below this many documents every concept is scanned: exact scores, and cheap anyway. */
const PROBE_MIN_DOCS = 2000;
/** A concept is common when it is in more than about 1 document in 20. */
const COMMON_IDF = Math.log(20);
/** Probing a candidate costs about this many scanned entries (a binary search). */
const PROBE_COST = 16;

/** Entries to scan for a concept: the sum of its terms' postings. */
function postingsCost(index: ScoringSource, concept: QueryConcept): number {
  let cost = 0;
  for (const alternative of concept.alternatives) for (const term of alternative.terms) cost += index.postingOf(term)?.length ?? 0;
  return cost;
}

/** First position in `entries[0..count)` whose document is `doc` or later. */
function lowerBound(entries: Int32Array, count: number, doc: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as number) >> 8 < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scores concepts against an index, reusing per-document scratch arrays between queries. */
export class Bm25fScorer {
  // Scratch space reused by every query: one slot per document id, always left zeroed.
  #alt = new Float64Array(1024);
  #altTerms = new Uint8Array(1024);
  #concept = new Float64Array(1024);
  #total = new Float64Array(1024);
  #matched = new Uint8Array(1024);
  /** Documents of the alternative and of the concept being scored (the first few slots used). */
  #altDocs = new Int32Array(1024);
  #conceptDocs = new Int32Array(1024);
  /** Documents with a score so far, in the order first scored; then the output's scores and match counts. */
  #touched = new Int32Array(1024);
  #outScores = new Float64Array(1024);
  #outMatched = new Uint8Array(1024);
  readonly #weights = new Float64Array(MAX_FIELDS);
  readonly #b = new Float64Array(MAX_FIELDS);
  readonly #invAvg = new Float64Array(MAX_FIELDS);

  /** Makes room for document ids below `docs`. */
  ensureCapacity(docs: number): void {
    if (this.#alt.length >= docs) return;
    const size = Math.max(docs * 2, 1024);
    this.#alt = new Float64Array(size);
    this.#altTerms = new Uint8Array(size);
    this.#concept = new Float64Array(size);
    this.#total = new Float64Array(size);
    this.#matched = new Uint8Array(size);
    this.#altDocs = new Int32Array(size);
    this.#conceptDocs = new Int32Array(size);
    this.#touched = new Int32Array(size);
    this.#outScores = new Float64Array(size);
    this.#outMatched = new Uint8Array(size);
  }

  /**
   * Scores every document matching at least one concept. A concept scores as its best
   * alternative (weight x BM25F, averaged over an alternative's terms); concepts add up.
   * `only`, when given, restricts scoring to those documents.
   */
  score(index: ScoringSource, concepts: readonly QueryConcept[], scoring: FieldScoring, only?: ReadonlySet<number>): ScoredDocs {
    const F = index.fieldCount;
    const weights = this.#weights;
    const b = this.#b;
    const invAvg = this.#invAvg;
    for (let f = 0; f < F; f++) {
      weights[f] = scoring.weights[f] ?? 0;
      b[f] = scoring.b[f] ?? 0.75;
      invAvg[f] = 1 / index.averageLength(f);
    }
    const k1 = scoring.k1;
    const lengths = index.fieldLengths;
    const altSum = this.#alt;
    const altTerms = this.#altTerms;
    const best = this.#concept;
    const total = this.#total;
    const matched = this.#matched;
    const touched = this.#touched;
    let touchedCount = 0;
    const altDocs = this.#altDocs;
    const conceptDocs = this.#conceptDocs;
    // With `only`, its few documents are looked up in each posting instead of scanning it whole;
    // in document order, as a scan would meet them, so that results come in the same order.
    const onlyDocs = only === undefined ? undefined : [...only].sort((x, y) => x - y);

    // Rarest concepts first, so that common ones can refine what the rare ones found.
    const ordered = concepts
      .map((concept) => ({ concept, idf: conceptIdf(index, concept), cost: postingsCost(index, concept) }))
      .sort((x, y) => y.idf - x.idf);

    for (const { concept, idf, cost } of ordered) {
      let conceptCount = 0;
      // A common concept in a large index only refines the documents rarer concepts found:
      // look those up in its postings instead of scanning tens of thousands of entries. A
      // document matching nothing but common words would rank low anyway.
      const probe = index.size >= PROBE_MIN_DOCS && touchedCount > 0 && idf < COMMON_IDF && touchedCount * PROBE_COST < cost;
      // (A probed concept adds no document to `touched`: its candidates are all there already.)
      const candidates: ArrayLike<number> | undefined = probe ? touched.subarray(0, touchedCount) : onlyDocs;
      for (const alternative of concept.alternatives) {
        const share = alternative.weight / alternative.terms.length;
        const factor = share * idf * (k1 + 1);
        const needed = distinctCount(alternative.terms);
        let altCount = 0;
        for (const term of alternative.terms) {
          const posting = index.postingOf(term);
          if (!posting) continue;
          const entries = posting.entries;
          const count = posting.length;
          // One document's entries are consecutive (one per field): sum its weighted, length-
          // normalised frequencies, then saturate once, when the next document starts.
          let doc = -1;
          let tf = 0;
          let from = 0;
          let next = 0;
          let to = count;
          for (;;) {
            if (candidates !== undefined) {
              if (next === candidates.length) break;
              const candidate = candidates[next++] as number;
              if (only !== undefined && !only.has(candidate)) continue;
              from = lowerBound(entries, count, candidate);
              to = from;
              while (to < count && (entries[to] as number) >> 8 === candidate) to++;
              if (from === to) continue;
            } else if (next++ > 0) break;
            for (let i = from; i < to; i++) {
              const entry = entries[i] as number;
              const field = (entry >> 4) & 15;
              const w = weights[field] as number;
              if (w === 0) continue;
              const d = entry >> 8;
              if (d !== doc) {
                if (tf > 0) altCount = this.#addTerm(doc, factor, tf, k1, altCount);
                doc = d;
                tf = 0;
              }
              const bf = b[field] as number;
              const norm = 1 - bf + bf * (lengths[d * F + field] as number) * (invAvg[field] as number);
              tf += (w * (entry & 15)) / norm;
            }
          }
          if (tf > 0) altCount = this.#addTerm(doc, factor, tf, k1, altCount);
        }
        // Alternatives of one concept compete: `tariff` and its synonym `duty` never add up.
        // A phrase (`black sea`, `rare earth`) counts only where all its words are.
        for (let i = 0; i < altCount; i++) {
          const d = altDocs[i] as number;
          const sum = altSum[d] as number;
          const complete = (altTerms[d] as number) >= needed;
          altSum[d] = 0;
          altTerms[d] = 0;
          if (!complete) continue;
          if (best[d] === 0) conceptDocs[conceptCount++] = d;
          if (sum > (best[d] as number)) best[d] = sum;
        }
      }
      for (let i = 0; i < conceptCount; i++) {
        const d = conceptDocs[i] as number;
        if (total[d] === 0) touched[touchedCount++] = d;
        total[d] = (total[d] as number) + (best[d] as number);
        best[d] = 0;
        matched[d] = (matched[d] as number) + 1;
      }
    }

    const scores = this.#outScores;
    const matchedCounts = this.#outMatched;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i] as number;
      scores[i] = total[doc] as number;
      matchedCounts[i] = matched[doc] as number;
      total[doc] = 0;
      matched[doc] = 0;
    }
    return { docs: touched.subarray(0, touchedCount), scores: scores.subarray(0, touchedCount), matched: matchedCounts.subarray(0, touchedCount) };
  }

  /** Adds one term's saturated frequency `tf` in `doc` to the alternative being scored; returns the alternative's new document count. */
  #addTerm(doc: number, factor: number, tf: number, k1: number, altCount: number): number {
    const altSum = this.#alt;
    let count = altCount;
    if (altSum[doc] === 0) this.#altDocs[count++] = doc;
    altSum[doc] = (altSum[doc] as number) + (factor * tf) / (tf + k1);
    this.#altTerms[doc] = (this.#altTerms[doc] as number) + 1;
    return count;
  }
}

/** How many different terms a list holds (a phrase may repeat a word). */
function distinctCount(terms: readonly string[]): number {
  if (terms.length === 1) return 1;
  return new Set(terms).size;
}

/**
 * One idf for all the ways of matching a concept, from its most common alternative (as
 * Lucene's SynonymQuery does): otherwise a rare synonym (`minerals` for `rare earths`) would
 * be worth more than the reader's own, commoner word, and the synonym's briefing would win.
 */
export function conceptIdf(index: ScoringSource, concept: QueryConcept): number {
  let df = 0;
  for (const alternative of concept.alternatives) {
    let altDf = Infinity;
    for (const term of alternative.terms) altDf = Math.min(altDf, index.postingOf(term)?.df ?? 0);
    if (altDf !== Infinity && altDf > df) df = altDf;
  }
  const n = index.size;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
