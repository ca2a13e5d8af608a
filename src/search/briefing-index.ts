/**
 * The search index of the briefing archive: built once at start-up, updated briefing by briefing
 * on import (`upsert`, `remove`), and queried on every keystroke. It holds three structures:
 * an inverted index over the briefings' fields (search, and context for ask), one over their key
 * variables (ask), and a name index over titles and slugs (autocomplete).
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { askQuestion, type AskOptions, type AskResult } from './ask-question.js';
import { BRIEFING_FIELDS, fieldItems } from './briefing-fields.js';
import { defaultLexicon } from './default-lexicon.js';
import { keyVariableDocsByBriefing, LazyIndexed, type BriefingIndexState, type Indexed, type KeyVariableIndexState, type LazyBriefings } from './briefing-index-state.js';
import { FieldIndex, type Int32Entries } from './field-index.js';
import { stem, type Lexicon } from './lexicon.js';
import { NameIndex, type Choice } from './name-index.js';
import { searchBriefings, type SearchOptions, type SearchResult } from './search-briefings.js';
import { TermDictionary } from './term-dictionary.js';
import { TermVocabulary } from './term-vocabulary.js';

export type { BriefingIndexState, KeyVariableIndexState, LazyBriefings } from './briefing-index-state.js';

/** Options for a {@link BriefingIndex}. */
export interface BriefingIndexOptions {
  /** Word knowledge (aliases, synonyms, stop words); defaults to the data files plus the gazetteer. */
  lexicon?: Lexicon;
  /**
   * Build the key-variable and name indexes on first use of ask / autocomplete instead of up
   * front. For one-shot commands (`lumen search` answers one query and exits); a long-running
   * bot keeps the default, so that no keystroke pays for a build.
   */
  lazy?: boolean;
  /**
   * For {@link BriefingIndex.restore}: re-encode a sample of the state's briefings and refuse it
   * if today's rules disagree (default true). Only a state known to be made by this very code
   * (a snapshot written by the same build) may skip it.
   */
  spotCheck?: boolean;
}

/** What queries read of a field index: scores and statistics, never the means to change it. */
export type FieldIndexReader = Pick<FieldIndex, 'fieldCount' | 'size' | 'idLimit' | 'score' | 'idf' | 'docFrequency' | 'fieldFrequencies' | 'postingOf' | 'fieldLengths' | 'averageLength'>;

/** What queries read of the vocabulary: known words, completions and typo fixes. */
export type VocabularyReader = Pick<TermVocabulary, 'size' | 'count' | 'fuzzy' | 'prefix'>;

/** How many briefings a restored snapshot re-encodes to check that today's code agrees with it. */
const SPOT_CHECKS = 32;

const KEY_VARIABLES_FIELD = BRIEFING_FIELDS.indexOf('keyVariables');

/**
 * The archive's search index. Build it once with {@link BriefingIndex.from}, keep it current with
 * `upsert` and `remove`, and query it with `search`, `autocomplete` and `ask`.
 */
export class BriefingIndex {
  readonly lexicon: Lexicon;
  /**
   * Every word the archive ever used, for typo correction and completion of query words, ranked
   * by how many briefings now use its stem (a word whose briefings were all removed ranks last
   * and matches nothing, which is harmless and saves keeping word lists per briefing).
   */
  readonly #vocabulary: TermVocabulary;
  readonly #dictionary: TermDictionary;
  /** One document per briefing, one field per entry of {@link BRIEFING_FIELDS}. */
  readonly #briefings: FieldIndex;
  /** One document per key variable. */
  readonly #keyVariables: FieldIndex;
  readonly #names = new NameIndex();
  readonly #bySlug = new Map<string, Indexed>();
  // Indexed by document id (ids only grow, so these are dense enough as arrays).
  readonly #slugByDoc: (string | undefined)[] = [];
  /**
   * Key-variable document -> briefing document (-1 when removed): a typed array, because ask
   * reads it for every matched key variable and chasing an object per entry is cache misses.
   */
  #briefingDocByKeyVariable = new Int32Array(1024).fill(-1);
  /** Key-variable document -> the key variable's `n` (with the array above: which key variable it stands for). */
  #numberByKeyVariable = new Int32Array(1024);
  /** Whether the key-variable index is kept (always, unless built lazily and unused yet, and not restored). */
  #keyVariablesKept: boolean;
  /** Whether the name index is kept (always, unless built lazily and unused yet). */
  #namesKept: boolean;

  constructor(options: BriefingIndexOptions = {}) {
    this.#keyVariablesKept = options.lazy !== true;
    this.#namesKept = options.lazy !== true;
    this.lexicon = options.lexicon ?? defaultLexicon();
    // A lazy (one-shot) index looks up a typo or two at most: no need to build the typo index up front.
    this.#vocabulary = new TermVocabulary({ rank: (word) => this.#briefings.docFrequency(stem(word)), typoIndex: options.lazy === true ? 'on-first-use' : 'eager' });
    this.#dictionary = new TermDictionary(this.lexicon, (word) => this.#vocabulary.add(word));
    this.#briefings = new FieldIndex(BRIEFING_FIELDS.length, this.#dictionary);
    this.#keyVariables = new FieldIndex(1, this.#dictionary);
  }

  /** Builds an index of `briefings` (later ones win on a repeated slug). */
  static from(briefings: Iterable<Briefing>, options: BriefingIndexOptions = {}): BriefingIndex {
    const index = new BriefingIndex(options);
    for (const briefing of briefings) index.upsert(briefing);
    return index;
  }

  /**
   * The full-text and key-variable indexes as plain arrays, for a snapshot file (index-snapshot.ts).
   * A lazily built index builds its key-variable index first: the snapshot is what lets the next
   * `lumen ask` skip that build.
   */
  exportState(): BriefingIndexState {
    this.#ensureKeyVariables();
    const slugs = Array.from({ length: this.#briefings.idLimit }, (_, doc) => this.#slugByDoc[doc] ?? null);
    const kvCount = this.#keyVariables.idLimit;
    const briefingDocs = this.#briefingDocByKeyVariable.slice(0, kvCount);
    const numbers = this.#numberByKeyVariable.slice(0, kvCount);
    const keyVariables = { index: this.#keyVariables.exportState(), briefingDocs, numbers };
    return { dictionary: this.#dictionary.exportState(), briefings: this.#briefings.exportState(), slugs, keyVariables };
  }

  /**
   * An index from a state of {@link exportState}, brought up to date with `briefings`: a document
   * is kept where `isCurrent(doc)` says it still holds its briefing's version, removed otherwise,
   * and briefings the state lacks are added, so an import since the snapshot costs a few upserts,
   * not a build. `briefings` may be {@link LazyBriefings}, read only as queries show them (all
   * of the state's documents must then be current). Undefined when a spot check of kept
   * briefings, re-encoded with today's rules, disagrees with the state. `updated` counts the
   * documents removed or added.
   */
  static restore(
    state: BriefingIndexState<Int32Entries>,
    briefings: readonly Briefing[] | LazyBriefings,
    isCurrent: (doc: number) => boolean,
    options: BriefingIndexOptions = {},
  ): { index: BriefingIndex; updated: number } | undefined {
    const lazy = 'load' in briefings ? briefings : undefined;
    const bySlug = lazy ? undefined : new Map((briefings as readonly Briefing[]).map((b) => [b.slug, b]));
    const known = lazy ? new Set(lazy.slugs) : undefined;
    const index = new BriefingIndex({ ...options, lazy: true });
    index.#dictionary.restoreState(state.dictionary);
    index.#briefings.restoreState(state.briefings);
    const kvDocsByDoc = state.keyVariables ? index.#restoreKeyVariables(state.keyVariables) : undefined;
    const stale: number[] = [];
    for (const [doc, slug] of state.slugs.entries()) {
      if (slug === null) continue;
      const briefing = bySlug?.get(slug);
      const present = lazy ? known?.has(slug) === true : briefing !== undefined;
      if (!present || index.#bySlug.has(slug) || !isCurrent(doc)) {
        stale.push(doc);
        continue;
      }
      const indexed: Indexed = briefing ? { briefing, doc, keyVariableDocs: [] } : new LazyIndexed(doc, () => (lazy as LazyBriefings).load(slug));
      indexed.keyVariableDocs = kvDocsByDoc?.get(doc) ?? [];
      index.#bySlug.set(slug, indexed);
      index.#slugByDoc[doc] = slug;
    }
    if (lazy && stale.length > 0) return undefined; // a lazy source cannot fill in what is stale
    if (options.spotCheck !== false && !index.#spotCheck()) return undefined;
    for (const doc of stale) {
      index.#briefings.remove(doc);
      for (const kvDoc of kvDocsByDoc?.get(doc) ?? []) index.#removeKeyVariable(kvDoc);
    }
    let added = 0;
    for (const briefing of bySlug?.values() ?? []) {
      if (index.#bySlug.has(briefing.slug)) continue;
      index.upsert(briefing);
      added++;
    }
    if (options.lazy !== true) {
      index.#ensureKeyVariables();
      index.#ensureNames();
      index.#vocabulary.prepareTypoIndex();
    }
    return { index, updated: stale.length + added };
  }

  /** Takes over a key-variable state; returns each briefing document's key-variable documents. */
  #restoreKeyVariables(state: KeyVariableIndexState<Int32Entries>): Map<number, number[]> {
    this.#keyVariables.restoreState(state.index);
    this.#keyVariablesKept = true;
    this.#briefingDocByKeyVariable = new Int32Array(Math.max(1024, state.briefingDocs.length * 2)).fill(-1);
    this.#briefingDocByKeyVariable.set(state.briefingDocs);
    this.#numberByKeyVariable = new Int32Array(this.#briefingDocByKeyVariable.length);
    this.#numberByKeyVariable.set(state.numbers);
    return keyVariableDocsByBriefing(state.briefingDocs);
  }

  /**
   * Re-encodes a sample of the kept briefings with today's rules and compares with what the
   * state holds, the key variables included: a snapshot made by other rules is refused.
   */
  #spotCheck(): boolean {
    const kept = [...this.#bySlug.values()];
    const step = Math.max(1, Math.floor(kept.length / SPOT_CHECKS));
    for (let i = 0; i < kept.length; i += step) {
      const { briefing, doc, keyVariableDocs } = kept[i] as Indexed;
      const { fields, kvTerms } = this.#encodeFields(briefing);
      if (!this.#briefings.holdsExactly(doc, fields)) return false;
      if (!this.#keyVariablesKept) continue;
      if (keyVariableDocs.length !== kvTerms.length) return false;
      for (const [k, kvDoc] of keyVariableDocs.entries()) {
        if (!this.#keyVariables.holdsExactly(kvDoc, [kvTerms[k] ?? []])) return false;
      }
    }
    return true;
  }

  /** Number of briefings indexed. */
  get size(): number {
    return this.#bySlug.size;
  }

  /** The indexed briefing with this slug. */
  get(slug: string): Briefing | undefined {
    return this.#bySlug.get(slug)?.briefing;
  }

  /** Adds a briefing, or replaces the one with the same slug. */
  upsert(briefing: Briefing): void {
    this.remove(briefing.slug);
    const { fields, kvTerms } = this.#encodeFields(briefing);
    const doc = this.#briefings.add(fields);
    const indexed: Indexed = { briefing, doc, keyVariableDocs: [] };
    this.#bySlug.set(briefing.slug, indexed);
    this.#slugByDoc[doc] = briefing.slug;
    if (this.#keyVariablesKept) this.#addKeyVariables(indexed, kvTerms);
    if (this.#namesKept) this.#names.upsert(briefing.slug, briefing.title, briefing.publishedAt);
  }

  /** The term ids of each field of a briefing, and of each key variable on its own. */
  #encodeFields(briefing: Briefing): { fields: number[][]; kvTerms: number[][] } {
    const kvTerms: number[][] = [];
    const fields = fieldItems(briefing).map((items, field) => {
      const terms: number[] = [];
      for (const item of items) {
        const start = terms.length;
        this.#dictionary.encode(item, terms);
        if (field === KEY_VARIABLES_FIELD) kvTerms.push(terms.slice(start));
      }
      return terms;
    });
    return { fields, kvTerms };
  }

  /** Removes a briefing; returns whether it was there. */
  remove(slug: string): boolean {
    const indexed = this.#bySlug.get(slug);
    if (!indexed) return false;
    this.#briefings.remove(indexed.doc);
    this.#slugByDoc[indexed.doc] = undefined;
    for (const kvDoc of indexed.keyVariableDocs) this.#removeKeyVariable(kvDoc);
    this.#names.remove(slug);
    this.#bySlug.delete(slug);
    return true;
  }

  #removeKeyVariable(kvDoc: number): void {
    this.#keyVariables.remove(kvDoc);
    this.#briefingDocByKeyVariable[kvDoc] = -1;
  }

  /** Each key variable as a document of its own (with terms already computed). */
  #addKeyVariables(indexed: Indexed, kvTerms: number[][]): void {
    const { briefing, doc } = indexed;
    indexed.keyVariableDocs = kvTerms.map((terms, k) => {
      const kvDoc = this.#keyVariables.add([terms]);
      if (kvDoc >= this.#briefingDocByKeyVariable.length) {
        const grown = new Int32Array(this.#briefingDocByKeyVariable.length * 2).fill(-1);
        grown.set(this.#briefingDocByKeyVariable);
        this.#briefingDocByKeyVariable = grown;
        const numbers = new Int32Array(grown.length);
        numbers.set(this.#numberByKeyVariable);
        this.#numberByKeyVariable = numbers;
      }
      this.#briefingDocByKeyVariable[kvDoc] = doc;
      this.#numberByKeyVariable[kvDoc] = briefing.keyVariables[k]?.n ?? k + 1;
      return kvDoc;
    });
  }

  /** Builds the key-variable index if it was left for first use (and not restored). */
  #ensureKeyVariables(): void {
    if (this.#keyVariablesKept) return;
    this.#keyVariablesKept = true;
    for (const indexed of this.#bySlug.values()) {
      const kvTerms = indexed.briefing.keyVariables.map((kv) => {
        const terms: number[] = [];
        this.#dictionary.encode(kv.text, terms);
        return terms;
      });
      this.#addKeyVariables(indexed, kvTerms);
    }
  }

  /** Builds the name index if it was left for first use (it reads every briefing's title). */
  #ensureNames(): void {
    if (this.#namesKept) return;
    this.#namesKept = true;
    for (const { briefing } of this.#bySlug.values()) this.#names.upsert(briefing.slug, briefing.title, briefing.publishedAt);
  }

  /** Full-text fuzzy search over every field; best first. */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    return searchBriefings(this, query, options);
  }

  /** Discord autocomplete choices for a partly typed briefing name; newest first when empty. */
  autocomplete(partial: string, options: { limit?: number } = {}): Choice[] {
    this.#ensureNames();
    return this.#names.suggest(partial, options.limit);
  }

  /** The key variables a free-text question is about, with related trends and positions. */
  ask(question: string, options: AskOptions = {}): AskResult[] {
    this.#ensureKeyVariables();
    return askQuestion(this, question, options);
  }

  /** The briefing behind a document id of {@link briefings}. */
  briefingOfDoc(doc: number): Briefing | undefined {
    const slug = this.#slugByDoc[doc];
    return slug === undefined ? undefined : this.#bySlug.get(slug)?.briefing;
  }

  /** The document id of a briefing in {@link briefings}. */
  docOf(slug: string): number | undefined {
    return this.#bySlug.get(slug)?.doc;
  }

  /** The key variable documents of a briefing. */
  keyVariableDocsOf(slug: string): readonly number[] {
    return this.#bySlug.get(slug)?.keyVariableDocs ?? [];
  }

  /** The key variable documents of the briefing with document id `doc`. */
  keyVariableDocsOfDoc(doc: number): readonly number[] {
    const slug = this.#slugByDoc[doc];
    return slug === undefined ? [] : this.keyVariableDocsOf(slug);
  }

  /** Which briefing and key variable a document id of {@link keyVariables} stands for. */
  keyVariableOfDoc(kvDoc: number): { slug: string; n: number } | undefined {
    const doc = this.#briefingDocByKeyVariable[kvDoc] ?? -1;
    const slug = doc < 0 ? undefined : this.#slugByDoc[doc];
    const ref = slug === undefined ? undefined : { slug, n: this.#numberByKeyVariable[kvDoc] as number };
    return ref && { slug: ref.slug, n: ref.n };
  }

  /** The briefing document id of key variable document `kvDoc` (-1 when removed). */
  briefingDocOfKeyVariable(kvDoc: number): number {
    return this.#briefingDocByKeyVariable[kvDoc] ?? -1;
  }

  /** The full-text index over the briefings' fields, to score and read statistics from. */
  get briefings(): FieldIndexReader {
    return this.#briefings;
  }

  /** The index of key variables, one document each, to score. */
  get keyVariables(): FieldIndexReader {
    return this.#keyVariables;
  }

  /** Known words, for typo fixes and completion of query words. */
  get vocabulary(): VocabularyReader {
    return this.#vocabulary;
  }
}
