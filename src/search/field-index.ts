/**
 * An inverted index over documents with several fields, scored with BM25F: a term's frequencies
 * in the fields are weighted and length-normalised first, then saturated once, so a word repeated
 * in five fields counts as a strong match but not five times over.
 *
 * This file keeps the postings; bm25f-scorer.ts scores them. Postings are integer arrays, one entry per (document, field) that holds the term, packed
 * as `doc * 256 + field * 16 + min(tf, 15)`: compact (no object per entry) and, because document
 * ids only grow, always sorted by document, which lets removal and look-ups stay cheap.
 */
import type { QueryConcept } from './analyzer.js';
import { Bm25fScorer, MAX_FIELDS, type FieldScoring, type Posting, type ScoredDocs } from './bm25f-scorer.js';
import type { TermDictionary } from './term-dictionary.js';

export type { FieldScoring, ScoredDocs } from './bm25f-scorer.js';

const MAX_TF = 15;

/**
 * Int32 entries still in a snapshot file, read a range at a time (snapshot-pages.ts); `slice`
 * throws when the range's bytes are damaged.
 */
export interface Int32Pages {
  readonly length: number;
  slice(start: number, end: number): Int32Array;
}

/** The large arrays of a restored state: in memory, or left in the snapshot file until a query needs them. */
export type Int32Entries = Int32Array | Int32Pages;

/** The entries `start` to `end` of `entries`: a view when in memory, else read. */
const rangeOf = (entries: Int32Entries, start: number, end: number): Int32Array => (entries instanceof Int32Array ? entries.subarray(start, end) : entries.slice(start, end));

/**
 * A {@link FieldIndex} as flat arrays, for a snapshot file. Restored from a snapshot read by
 * ranges, the postings and the documents' terms may be {@link Int32Pages} (`Entries`).
 */
export interface FieldIndexState<Entries extends Int32Entries = Int32Array> {
  nextId: number;
  totalLengths: number[];
  /** `doc * fieldCount + field`, for ids below `nextId`. */
  lengths: Float64Array;
  /** Term `t`'s entries are `postingEntries[postingOffsets[t] .. postingOffsets[t + 1]]`. */
  postingOffsets: Int32Array;
  postingEntries: Entries;
  postingDf: Int32Array;
  /** Live documents; document `docIds[i]` holds `docTermIds[docTermOffsets[i] .. docTermOffsets[i + 1]]`. */
  docIds: Int32Array;
  docTermOffsets: Int32Array;
  docTermIds: Entries;
}

/** Postings of the terms of documents with several fields; ids only grow, so postings stay sorted. */
export class FieldIndex {
  readonly fieldCount: number;
  readonly #dictionary: TermDictionary;
  /** By term id. */
  readonly #postings: (Posting | undefined)[] = [];
  readonly #docTerms = new Map<number, Int32Array>();
  /**
   * The documents' terms of a restored state, until something needs them as the map above: a
   * one-shot query never does, and making a view per document (50,000 with the key variables
   * at 10,000 briefings) was a tenth of a cold `lumen ask`.
   */
  #restoredDocTerms: Pick<FieldIndexState<Int32Entries>, 'docIds' | 'docTermOffsets' | 'docTermIds'> | undefined;
  /**
   * The postings of a state restored with its entries left in the snapshot file: each term's
   * are read on first use (a one-shot query reads a handful of the 10,000 terms), all of them
   * before any change to the index.
   */
  #pagedPostings: Pick<FieldIndexState<Int32Pages>, 'postingOffsets' | 'postingEntries' | 'postingDf'> | undefined;
  /** Term counts of the field being added, by term id (scratch). */
  #counts = new Int32Array(1024);
  /** Field lengths, `doc * fieldCount + field`. Grown as ids grow. */
  #lengths = new Float64Array(1024);
  readonly #totalLengths: number[];
  #nextId = 0;
  readonly #scorer = new Bm25fScorer();

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
    return this.#restoredDocTerms?.docIds.length ?? this.#docTerms.size;
  }

  /** The terms of every document, as a map (made from a restored state on first need). */
  #docTermsMap(): Map<number, Int32Array> {
    const restored = this.#restoredDocTerms;
    if (restored) {
      this.#restoredDocTerms = undefined;
      const all = rangeOf(restored.docTermIds, 0, restored.docTermIds.length);
      restored.docIds.forEach((doc, i) => this.#docTerms.set(doc, all.subarray(restored.docTermOffsets[i], restored.docTermOffsets[i + 1])));
    }
    return this.#docTerms;
  }

  /** Adds a document (term ids per field, with repeats) and returns its new id. */
  add(fieldTerms: readonly (readonly number[])[]): number {
    this.#readAllPostings();
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
    this.#docTermsMap().set(doc, Int32Array.from(unique));
    return doc;
  }

  /** Removes a document; its id is never reused. */
  remove(doc: number): void {
    const terms = this.#docTermsMap().get(doc);
    if (!terms) return;
    this.#readAllPostings();
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
    return id === undefined ? undefined : (this.#postings[id] ?? this.#readPosting(id));
  }

  /** Term `id`'s postings from the snapshot file, once (undefined when it has none or they are all read). */
  #readPosting(id: number): Posting | undefined {
    const paged = this.#pagedPostings;
    if (!paged || id >= paged.postingDf.length) return undefined;
    const start = paged.postingOffsets[id] as number;
    const end = paged.postingOffsets[id + 1] as number;
    if (!(end > start)) return undefined;
    const posting = { entries: paged.postingEntries.slice(start, end), length: end - start, df: paged.postingDf[id] as number };
    this.#postings[id] = posting;
    return posting;
  }

  /** Reads every term's postings still in the snapshot file: before the index changes, or is exported. */
  #readAllPostings(): void {
    const paged = this.#pagedPostings;
    if (!paged) return;
    const all = paged.postingEntries.slice(0, paged.postingEntries.length);
    this.#pagedPostings = undefined;
    this.#restorePostings({ ...paged, postingEntries: all }, (term) => this.#postings[term] === undefined);
  }

  /** Documents holding `term`. */
  docFrequency(term: string): number {
    const paged = this.#pagedPostings;
    const id = paged && this.#dictionary.find(term);
    // Read from the counts alone: ranking typo fixes asks this of words whose postings no query reads.
    if (paged && id !== undefined && this.#postings[id] === undefined) {
      return (paged.postingOffsets[id + 1] ?? 0) > (paged.postingOffsets[id] ?? 0) ? (paged.postingDf[id] ?? 0) : 0;
    }
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
   * Scores every document matching at least one concept (BM25F; see bm25f-scorer.ts).
   * `only`, when given, restricts scoring to those documents.
   */
  score(concepts: readonly QueryConcept[], scoring: FieldScoring, only?: ReadonlySet<number>): ScoredDocs {
    this.#scorer.ensureCapacity(this.#nextId);
    return this.#scorer.score(this, concepts, scoring, only);
  }

  /** The postings of `term`, read-only: for the scorer. */
  postingOf(term: string): Readonly<Posting> | undefined {
    return this.#posting(term);
  }

  /** Field lengths in terms, by `doc * fieldCount + field`: for the scorer, read only. */
  get fieldLengths(): Float64Array {
    return this.#lengths;
  }

  /** Mean length of `field` over the documents (1 when empty). */
  averageLength(field: number): number {
    const total = this.#totalLengths[field] ?? 0;
    return this.size > 0 && total > 0 ? total / this.size : 1;
  }

  /** Everything the index holds, as flat arrays: what a snapshot file stores (index-snapshot.ts). */
  exportState(): FieldIndexState {
    this.#readAllPostings();
    const termCount = this.#dictionary.size;
    const postingOffsets = new Int32Array(termCount + 1);
    const postingDf = new Int32Array(termCount);
    let total = 0;
    for (let term = 0; term < termCount; term++) {
      postingOffsets[term] = total;
      total += this.#postings[term]?.length ?? 0;
    }
    postingOffsets[termCount] = total;
    const postingEntries = new Int32Array(total);
    for (let term = 0; term < termCount; term++) {
      const posting = this.#postings[term];
      if (!posting) continue;
      postingEntries.set(posting.entries.subarray(0, posting.length), postingOffsets[term]);
      postingDf[term] = posting.df;
    }
    const docTerms = this.#docTermsMap();
    const docIds = Int32Array.from(docTerms.keys());
    const docTermOffsets = new Int32Array(docIds.length + 1);
    let termTotal = 0;
    docIds.forEach((doc, i) => {
      docTermOffsets[i] = termTotal;
      termTotal += docTerms.get(doc)?.length ?? 0;
    });
    docTermOffsets[docIds.length] = termTotal;
    const docTermIds = new Int32Array(termTotal);
    docIds.forEach((doc, i) => docTermIds.set(docTerms.get(doc) ?? [], docTermOffsets[i]));
    return {
      nextId: this.#nextId,
      totalLengths: [...this.#totalLengths],
      lengths: this.#lengths.slice(0, this.#nextId * this.fieldCount),
      postingOffsets,
      postingEntries,
      postingDf,
      docIds,
      docTermOffsets,
      docTermIds,
    };
  }

  /**
   * Takes over a state from {@link exportState}, on an empty index whose dictionary was restored
   * to the same terms. The arrays are used in place (each posting a view of `postingEntries`).
   */
  restoreState(state: FieldIndexState<Int32Entries>): void {
    if (this.#nextId !== 0) throw new Error('restoreState needs an empty index');
    this.#nextId = state.nextId;
    this.#ensureCapacity(state.nextId);
    this.#lengths.set(state.lengths);
    state.totalLengths.forEach((total, field) => (this.#totalLengths[field] = total));
    const { postingOffsets, postingEntries, postingDf } = state;
    if (postingEntries instanceof Int32Array) this.#restorePostings({ postingOffsets, postingEntries, postingDf }, () => true);
    else {
      this.#pagedPostings = { postingOffsets, postingEntries, postingDf };
      // Every slot there from the start: filling a few far apart in an empty array would turn it
      // into a dictionary, and every posting look-up of the scorer would pay for that.
      for (let term = this.#postings.length; term < postingDf.length; term++) this.#postings.push(undefined);
    }
    this.#restoredDocTerms = { docIds: state.docIds, docTermOffsets: state.docTermOffsets, docTermIds: state.docTermIds };
  }

  /** Each term's postings as a view of `postingEntries`, for the terms `wanted` says. */
  #restorePostings(state: Pick<FieldIndexState, 'postingOffsets' | 'postingEntries' | 'postingDf'>, wanted: (term: number) => boolean): void {
    for (let term = 0; term < state.postingDf.length; term++) {
      const start = state.postingOffsets[term] as number;
      const end = state.postingOffsets[term + 1] as number;
      if (end > start && wanted(term)) this.#postings[term] = { entries: state.postingEntries.subarray(start, end), length: end - start, df: state.postingDf[term] as number };
    }
  }

  /**
   * Whether document `doc` holds exactly these terms, field by field (lengths and distinct terms):
   * how a restored snapshot is checked against what today's code makes of the same briefing.
   */
  holdsExactly(doc: number, fieldTerms: readonly (readonly number[])[]): boolean {
    const restored = this.#restoredDocTerms;
    const at = restored?.docIds.indexOf(doc) ?? -1;
    const stored = restored ? (at < 0 ? undefined : rangeOf(restored.docTermIds, restored.docTermOffsets[at] as number, restored.docTermOffsets[at + 1] as number)) : this.#docTerms.get(doc);
    if (!stored || fieldTerms.length !== this.fieldCount) return false;
    const distinct = new Set<number>();
    for (let field = 0; field < this.fieldCount; field++) {
      const terms = fieldTerms[field] ?? [];
      if (this.#lengths[doc * this.fieldCount + field] !== terms.length) return false;
      for (const term of terms) distinct.add(term);
    }
    return distinct.size === stored.length && stored.every((term) => distinct.has(term));
  }

  #ensureCapacity(docs: number): void {
    if (this.#lengths.length >= docs * this.fieldCount) return;
    const grown = new Float64Array(Math.max(docs * 2, 1024) * this.fieldCount);
    grown.set(this.#lengths);
    this.#lengths = grown;
  }
}
