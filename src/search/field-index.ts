/**
 * An inverted index over documents with several fields, scored with BM25F: a term's frequencies
 * in the fields are weighted and length-normalised first, then saturated once, so a word repeated
 * in five fields counts as a strong match but not five times over.
 *
 * Postings are plain integer arrays, one entry per (document, field) that holds the term, packed
 * as `doc * 256 + field * 16 + min(tf, 15)`: compact (no object per entry) and, because document
 * ids only grow, always sorted by document, which lets removal and look-ups stay cheap.
 */
import type { QueryConcept } from './analyzer.js';

/** Field weights and length normalisation for one kind of query. */
export interface FieldScoring {
  weights: readonly number[];
  /** BM25 `b` per field: 0 ignores length, 1 fully normalises it. */
  b: readonly number[];
  k1: number;
}

/** A scored document and, per concept, whether it matched (for coverage and highlighting). */
export interface ScoredDoc {
  doc: number;
  score: number;
  /** How many of the query's concepts matched this document. */
  matched: number;
}

const MAX_FIELDS = 16;
const MAX_TF = 15;

export class FieldIndex {
  readonly fieldCount: number;
  readonly #postings = new Map<string, number[]>();
  /** Documents holding each term, in any field. */
  readonly #df = new Map<string, number>();
  readonly #docTerms = new Map<number, string[]>();
  /** Field lengths, `doc * fieldCount + field`. Grown as ids grow. */
  #lengths = new Float64Array(1024);
  readonly #totalLengths: number[];
  #nextId = 0;
  // Scratch space reused by every query: one slot per document id.
  #tfScratch = new Float64Array(1024);
  #altScratch = new Float64Array(1024);
  #conceptScratch = new Float64Array(1024);
  #totalScratch = new Float64Array(1024);
  #matchedScratch = new Uint8Array(1024);

  constructor(fieldCount: number) {
    if (fieldCount > MAX_FIELDS) throw new RangeError(`at most ${MAX_FIELDS} fields`);
    this.fieldCount = fieldCount;
    this.#totalLengths = new Array<number>(fieldCount).fill(0);
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.#docTerms.size;
  }

  /** Adds a document (terms per field, with repeats) and returns its new id. */
  add(fieldTerms: readonly (readonly string[])[]): number {
    const doc = this.#nextId++;
    this.#ensureCapacity(doc + 1);
    const counts = new Map<string, number[]>();
    fieldTerms.forEach((terms, field) => {
      this.#lengths[doc * this.fieldCount + field] = terms.length;
      this.#totalLengths[field] = (this.#totalLengths[field] ?? 0) + terms.length;
      for (const term of terms) {
        let perField = counts.get(term);
        if (!perField) counts.set(term, (perField = new Array<number>(this.fieldCount).fill(0)));
        perField[field] = (perField[field] ?? 0) + 1;
      }
    });
    for (const [term, perField] of counts) {
      let list = this.#postings.get(term);
      if (!list) this.#postings.set(term, (list = []));
      perField.forEach((tf, field) => {
        if (tf > 0) list.push(doc * 256 + field * 16 + Math.min(tf, MAX_TF));
      });
      this.#df.set(term, (this.#df.get(term) ?? 0) + 1);
    }
    this.#docTerms.set(doc, [...counts.keys()]);
    return doc;
  }

  /** Removes a document; its id is never reused. */
  remove(doc: number): void {
    const terms = this.#docTerms.get(doc);
    if (!terms) return;
    for (let field = 0; field < this.fieldCount; field++) {
      this.#totalLengths[field] = (this.#totalLengths[field] ?? 0) - (this.#lengths[doc * this.fieldCount + field] ?? 0);
    }
    for (const term of terms) {
      const list = this.#postings.get(term) ?? [];
      const kept = list.filter((entry) => entry >> 8 !== doc);
      if (kept.length > 0) this.#postings.set(term, kept);
      else this.#postings.delete(term);
      const df = (this.#df.get(term) ?? 1) - 1;
      if (df > 0) this.#df.set(term, df);
      else this.#df.delete(term);
    }
    this.#docTerms.delete(doc);
  }

  /** Documents holding `term`. */
  docFrequency(term: string): number {
    return this.#df.get(term) ?? 0;
  }

  /** BM25 inverse document frequency, never negative. */
  idf(term: string): number {
    const n = this.size;
    const df = this.docFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Frequency of `term` in each field of `doc` (zeros when absent). */
  fieldFrequencies(term: string, doc: number): number[] {
    const tf = new Array<number>(this.fieldCount).fill(0);
    const list = this.#postings.get(term);
    if (!list) return tf;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] ?? 0) >> 8 < doc) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && (list[i] ?? 0) >> 8 === doc; i++) {
      const entry = list[i] ?? 0;
      tf[(entry >> 4) & 15] = entry & 15;
    }
    return tf;
  }

  /**
   * Scores every document matching at least one concept. A concept scores as its best
   * alternative (weight x BM25F, averaged over an alternative's terms); concepts add up.
   * `only`, when given, restricts scoring to those documents.
   */
  score(concepts: readonly QueryConcept[], scoring: FieldScoring, only?: ReadonlySet<number>): ScoredDoc[] {
    const F = this.fieldCount;
    const norm = scoring.weights.map((w, f) => ({
      w,
      b: scoring.b[f] ?? 0.75,
      avg: (this.size > 0 ? (this.#totalLengths[f] ?? 0) / this.size : 1) || 1,
    }));
    const { k1 } = scoring;
    const tf = this.#tfScratch;
    const altSum = this.#altScratch;
    const best = this.#conceptScratch;
    const total = this.#totalScratch;
    const matched = this.#matchedScratch;
    const touched: number[] = [];

    for (const concept of concepts) {
      const conceptDocs: number[] = [];
      for (const alternative of concept.alternatives) {
        const share = alternative.weight / alternative.terms.length;
        const altDocs: number[] = [];
        for (const term of alternative.terms) {
          const list = this.#postings.get(term);
          if (!list) continue;
          const idf = this.idf(term);
          const termDocs: number[] = [];
          for (const entry of list) {
            const doc = entry >> 8;
            if (only && !only.has(doc)) continue;
            const n = norm[(entry >> 4) & 15];
            if (!n || n.w === 0) continue;
            const length = this.#lengths[doc * F + ((entry >> 4) & 15)] ?? 0;
            if (tf[doc] === 0) termDocs.push(doc);
            tf[doc] = (tf[doc] ?? 0) + (n.w * (entry & 15)) / (1 - n.b + (n.b * length) / n.avg);
          }
          for (const doc of termDocs) {
            const t = tf[doc] ?? 0;
            tf[doc] = 0;
            if (altSum[doc] === 0) altDocs.push(doc);
            altSum[doc] = (altSum[doc] ?? 0) + (share * idf * t * (k1 + 1)) / (t + k1);
          }
        }
        // Alternatives of one concept compete: `tariff` and its synonym `duty` never add up.
        for (const doc of altDocs) {
          const s = altSum[doc] ?? 0;
          altSum[doc] = 0;
          if (best[doc] === 0) conceptDocs.push(doc);
          if (s > (best[doc] ?? 0)) best[doc] = s;
        }
      }
      for (const doc of conceptDocs) {
        if (total[doc] === 0) touched.push(doc);
        total[doc] = (total[doc] ?? 0) + (best[doc] ?? 0);
        best[doc] = 0;
        matched[doc] = (matched[doc] ?? 0) + 1;
      }
    }

    const results: ScoredDoc[] = touched.map((doc) => ({ doc, score: total[doc] ?? 0, matched: matched[doc] ?? 0 }));
    for (const doc of touched) {
      total[doc] = 0;
      matched[doc] = 0;
    }
    return results;
  }

  #ensureCapacity(docs: number): void {
    if (this.#tfScratch.length >= docs && this.#lengths.length >= docs * this.fieldCount) return;
    const size = Math.max(docs * 2, 1024);
    const grow = <T extends Float64Array | Uint8Array>(old: T, n: number, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.#lengths = grow(this.#lengths, size * this.fieldCount, (n) => new Float64Array(n));
    this.#tfScratch = grow(this.#tfScratch, size, (n) => new Float64Array(n));
    this.#conceptScratch = grow(this.#conceptScratch, size, (n) => new Float64Array(n));
    this.#totalScratch = grow(this.#totalScratch, size, (n) => new Float64Array(n));
    this.#matchedScratch = grow(this.#matchedScratch, size, (n) => new Uint8Array(n));
    this.#altScratch = grow(this.#altScratch, size, (n) => new Float64Array(n));
  }
}
