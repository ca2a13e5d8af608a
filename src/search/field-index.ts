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
import type { TermDictionary } from './term-dictionary.js';

/** Field weights and length normalisation for one kind of query. */
export interface FieldScoring {
  weights: readonly number[];
  /** BM25 `b` per field: 0 ignores length, 1 fully normalises it. */
  b: readonly number[];
  k1: number;
}

/**
 * Scored documents as parallel arrays (no object per document: a common query word touches
 * thousands of them). `matched[i]` counts the query concepts that `docs[i]` matched.
 */
export interface ScoredDocs {
  docs: number[];
  scores: number[];
  matched: number[];
}

const MAX_FIELDS = 16;
const MAX_TF = 15;

interface Posting {
  /** `doc * 256 + field * 16 + min(tf, 15)`, sorted by document; the first `length` are used. */
  entries: Int32Array;
  length: number;
  /** Documents holding the term, in any field. */
  df: number;
}

export class FieldIndex {
  readonly fieldCount: number;
  readonly #dictionary: TermDictionary;
  /** By term id. */
  readonly #postings: (Posting | undefined)[] = [];
  readonly #docTerms = new Map<number, Int32Array>();
  /** Term counts of the field being added, by term id (scratch). */
  #counts = new Int32Array(1024);
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

  constructor(fieldCount: number, dictionary: TermDictionary) {
    if (fieldCount > MAX_FIELDS) throw new RangeError(`at most ${MAX_FIELDS} fields`);
    this.fieldCount = fieldCount;
    this.#dictionary = dictionary;
    this.#totalLengths = new Array<number>(fieldCount).fill(0);
  }

  /** One more than the highest document id ever given: the size of an array indexed by id. */
  get idLimit(): number {
    return this.#nextId;
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.#docTerms.size;
  }

  /** Adds a document (term ids per field, with repeats) and returns its new id. */
  add(fieldTerms: readonly (readonly number[])[]): number {
    const doc = this.#nextId++;
    this.#ensureCapacity(doc + 1);
    if (this.#counts.length < this.#dictionary.size) {
      const grown = new Int32Array(Math.max(this.#dictionary.size * 2, 1024));
      this.#counts = grown;
    }
    const counts = this.#counts;
    const unique: number[] = [];
    const fieldUnique: number[] = [];
    for (let field = 0; field < fieldTerms.length && field < this.fieldCount; field++) {
      const terms = fieldTerms[field] ?? [];
      this.#lengths[doc * this.fieldCount + field] = terms.length;
      this.#totalLengths[field] = (this.#totalLengths[field] ?? 0) + terms.length;
      fieldUnique.length = 0;
      for (const term of terms) {
        if (counts[term] === 0) fieldUnique.push(term);
        counts[term] = (counts[term] as number) + 1;
      }
      for (const term of fieldUnique) {
        const tf = counts[term] as number;
        counts[term] = 0;
        let posting = this.#postings[term];
        if (!posting) this.#postings[term] = posting = { entries: new Int32Array(2), length: 0, df: 0 };
        // All entries of one document are appended together, so "seen in this doc" is the last entry.
        if (posting.length === 0 || (posting.entries[posting.length - 1] as number) >> 8 !== doc) {
          posting.df++;
          unique.push(term);
        }
        if (posting.length === posting.entries.length) {
          const grown = new Int32Array(posting.entries.length * 2);
          grown.set(posting.entries);
          posting.entries = grown;
        }
        posting.entries[posting.length++] = doc * 256 + field * 16 + Math.min(tf, MAX_TF);
      }
    }
    this.#docTerms.set(doc, Int32Array.from(unique));
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
      const posting = this.#postings[term];
      if (!posting) continue;
      let kept = 0;
      for (let i = 0; i < posting.length; i++) {
        const entry = posting.entries[i] as number;
        if (entry >> 8 !== doc) posting.entries[kept++] = entry;
      }
      posting.length = kept;
      posting.df--;
      if (posting.df <= 0) this.#postings[term] = undefined;
    }
    this.#docTerms.delete(doc);
  }

  #posting(term: string): Posting | undefined {
    const id = this.#dictionary.find(term);
    return id === undefined ? undefined : this.#postings[id];
  }

  /** Documents holding `term`. */
  docFrequency(term: string): number {
    return this.#posting(term)?.df ?? 0;
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
    const posting = this.#posting(term);
    if (!posting) return tf;
    const list = posting.entries;
    let lo = 0;
    let hi = posting.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] ?? 0) >> 8 < doc) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < posting.length && (list[i] ?? 0) >> 8 === doc; i++) {
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
  score(concepts: readonly QueryConcept[], scoring: FieldScoring, only?: ReadonlySet<number>): ScoredDocs {
    const F = this.fieldCount;
    const n = this.size;
    const weights = new Float64Array(MAX_FIELDS);
    const b = new Float64Array(MAX_FIELDS);
    const invAvg = new Float64Array(MAX_FIELDS);
    for (let f = 0; f < F; f++) {
      weights[f] = scoring.weights[f] ?? 0;
      b[f] = scoring.b[f] ?? 0.75;
      invAvg[f] = n > 0 && (this.#totalLengths[f] ?? 0) > 0 ? n / (this.#totalLengths[f] ?? 1) : 1;
    }
    const k1 = scoring.k1;
    const lengths = this.#lengths;
    const tf = this.#tfScratch;
    const altSum = this.#altScratch;
    const best = this.#conceptScratch;
    const total = this.#totalScratch;
    const matched = this.#matchedScratch;
    const touched: number[] = [];
    const termDocs: number[] = [];
    const altDocs: number[] = [];
    const conceptDocs: number[] = [];

    for (const concept of concepts) {
      conceptDocs.length = 0;
      const idf = this.#conceptIdf(concept);
      for (const alternative of concept.alternatives) {
        const share = alternative.weight / alternative.terms.length;
        altDocs.length = 0;
        for (const term of alternative.terms) {
          const posting = this.#posting(term);
          if (!posting) continue;
          const entries = posting.entries;
          const count = posting.length;
          termDocs.length = 0;
          for (let i = 0; i < count; i++) {
            const entry = entries[i] as number;
            const doc = entry >> 8;
            const field = (entry >> 4) & 15;
            const w = weights[field] as number;
            if (w === 0 || (only !== undefined && !only.has(doc))) continue;
            const bf = b[field] as number;
            const norm = 1 - bf + bf * (lengths[doc * F + field] as number) * (invAvg[field] as number);
            if (tf[doc] === 0) termDocs.push(doc);
            tf[doc] = (tf[doc] as number) + (w * (entry & 15)) / norm;
          }
          const factor = share * idf * (k1 + 1);
          for (const doc of termDocs) {
            const t = tf[doc] as number;
            tf[doc] = 0;
            if (altSum[doc] === 0) altDocs.push(doc);
            altSum[doc] = (altSum[doc] as number) + (factor * t) / (t + k1);
          }
        }
        // Alternatives of one concept compete: `tariff` and its synonym `duty` never add up.
        for (const doc of altDocs) {
          const s = altSum[doc] as number;
          altSum[doc] = 0;
          if (best[doc] === 0) conceptDocs.push(doc);
          if (s > (best[doc] as number)) best[doc] = s;
        }
      }
      for (const doc of conceptDocs) {
        if (total[doc] === 0) touched.push(doc);
        total[doc] = (total[doc] as number) + (best[doc] as number);
        best[doc] = 0;
        matched[doc] = (matched[doc] as number) + 1;
      }
    }

    const scores = new Array<number>(touched.length);
    const matchedCounts = new Array<number>(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i] as number;
      scores[i] = total[doc] as number;
      matchedCounts[i] = matched[doc] as number;
      total[doc] = 0;
      matched[doc] = 0;
    }
    return { docs: touched, scores, matched: matchedCounts };
  }

  /**
   * One idf for all the ways of matching a concept, from its most common alternative (as
   * Lucene's SynonymQuery does): otherwise a rare synonym (`minerals` for `rare earths`) would
   * be worth more than the reader's own, commoner word, and the synonym's briefing would win.
   */
  #conceptIdf(concept: QueryConcept): number {
    let df = 0;
    for (const alternative of concept.alternatives) {
      let altDf = Infinity;
      for (const term of alternative.terms) altDf = Math.min(altDf, this.docFrequency(term));
      if (altDf !== Infinity && altDf > df) df = altDf;
    }
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
