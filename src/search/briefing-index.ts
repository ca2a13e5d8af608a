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
import { FieldIndex, type FieldIndexState } from './field-index.js';
import { stem, type Lexicon } from './lexicon.js';
import { NameIndex, type Choice } from './name-index.js';
import { searchBriefings, type SearchOptions, type SearchResult } from './search-briefings.js';
import { TermDictionary, type TermDictionaryState } from './term-dictionary.js';
import { TermVocabulary } from './term-vocabulary.js';

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
}

/** The part of an index a snapshot file keeps: the full-text index, not the lazily built ones. */
export interface BriefingIndexState {
  dictionary: TermDictionaryState;
  briefings: FieldIndexState;
  /** The slug of each document id of the full-text index; null where removed. */
  slugs: (string | null)[];
}

/** What queries read of a field index: scores and statistics, never the means to change it. */
export type FieldIndexReader = Pick<FieldIndex, 'fieldCount' | 'size' | 'idLimit' | 'score' | 'idf' | 'docFrequency' | 'fieldFrequencies' | 'postingOf' | 'fieldLengths' | 'averageLength'>;

/** What queries read of the vocabulary: known words, completions and typo fixes. */
export type VocabularyReader = Pick<TermVocabulary, 'size' | 'count' | 'fuzzy' | 'prefix'>;

/** How many briefings a restored snapshot re-encodes to check that today's code agrees with it. */
const SPOT_CHECKS = 32;

interface Indexed {
  briefing: Briefing;
  doc: number;
  keyVariableDocs: number[];
}

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
  readonly #keyVariableByDoc: ({ slug: string; n: number } | undefined)[] = [];
  /**
   * Key-variable document -> briefing document (-1 when removed): a typed array, because ask
   * reads it for every matched key variable and chasing an object per entry is cache misses.
   */
  #briefingDocByKeyVariable = new Int32Array(1024).fill(-1);
  /** Whether the key-variable and name indexes are kept (always, unless built lazily and unused yet). */
  #secondary: boolean;

  constructor(options: BriefingIndexOptions = {}) {
    this.#secondary = options.lazy !== true;
    this.lexicon = options.lexicon ?? defaultLexicon();
    this.#vocabulary = new TermVocabulary({ rank: (word) => this.#briefings.docFrequency(stem(word)) });
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

  /** The full-text index as plain arrays, for a snapshot file (index-snapshot.ts). */
  exportState(): BriefingIndexState {
    const slugs = Array.from({ length: this.#briefings.idLimit }, (_, doc) => this.#slugByDoc[doc] ?? null);
    return { dictionary: this.#dictionary.exportState(), briefings: this.#briefings.exportState(), slugs };
  }

  /**
   * An index from a state of {@link exportState}, brought up to date with `briefings`: a document
   * is kept where `isCurrent(doc)` says it still holds its briefing's version, removed otherwise,
   * and briefings the state lacks are added, so an import since the snapshot costs a few upserts,
   * not a build. Undefined when a spot check of kept briefings, re-encoded with today's rules,
   * disagrees with the state. `updated` counts the documents removed or added.
   */
  static restore(
    state: BriefingIndexState,
    briefings: readonly Briefing[],
    isCurrent: (doc: number) => boolean,
    options: BriefingIndexOptions = {},
  ): { index: BriefingIndex; updated: number } | undefined {
    const bySlug = new Map(briefings.map((b) => [b.slug, b]));
    const index = new BriefingIndex({ ...options, lazy: true });
    index.#dictionary.restoreState(state.dictionary);
    index.#briefings.restoreState(state.briefings);
    const stale: number[] = [];
    for (const [doc, slug] of state.slugs.entries()) {
      if (slug === null) continue;
      const briefing = bySlug.get(slug);
      if (!briefing || index.#bySlug.has(slug) || !isCurrent(doc)) {
        stale.push(doc);
        continue;
      }
      index.#bySlug.set(slug, { briefing, doc, keyVariableDocs: [] });
      index.#slugByDoc[doc] = slug;
    }
    const kept = [...index.#bySlug.values()];
    const step = Math.max(1, Math.floor(kept.length / SPOT_CHECKS));
    for (let i = 0; i < kept.length; i += step) {
      const { briefing, doc } = kept[i] as Indexed;
      if (!index.#briefings.holdsExactly(doc, index.#encodeFields(briefing).fields)) return undefined;
    }
    for (const doc of stale) index.#briefings.remove(doc);
    let added = 0;
    for (const briefing of bySlug.values()) {
      if (index.#bySlug.has(briefing.slug)) continue;
      index.upsert(briefing);
      added++;
    }
    if (options.lazy !== true) index.#ensureSecondary();
    return { index, updated: stale.length + added };
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
    if (this.#secondary) this.#addSecondary(indexed, kvTerms);
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
    for (const kvDoc of indexed.keyVariableDocs) {
      this.#keyVariables.remove(kvDoc);
      this.#keyVariableByDoc[kvDoc] = undefined;
      this.#briefingDocByKeyVariable[kvDoc] = -1;
    }
    this.#names.remove(slug);
    this.#bySlug.delete(slug);
    return true;
  }

  /** Each key variable as a document of its own (with terms already computed), and the name. */
  #addSecondary(indexed: Indexed, kvTerms: number[][]): void {
    const { briefing, doc } = indexed;
    indexed.keyVariableDocs = kvTerms.map((terms, k) => {
      const kvDoc = this.#keyVariables.add([terms]);
      this.#keyVariableByDoc[kvDoc] = { slug: briefing.slug, n: briefing.keyVariables[k]?.n ?? k + 1 };
      if (kvDoc >= this.#briefingDocByKeyVariable.length) {
        const grown = new Int32Array(this.#briefingDocByKeyVariable.length * 2).fill(-1);
        grown.set(this.#briefingDocByKeyVariable);
        this.#briefingDocByKeyVariable = grown;
      }
      this.#briefingDocByKeyVariable[kvDoc] = doc;
      return kvDoc;
    });
    this.#names.upsert(briefing.slug, briefing.title, briefing.publishedAt);
  }

  /** Builds the key-variable and name indexes if they were left for first use. */
  #ensureSecondary(): void {
    if (this.#secondary) return;
    this.#secondary = true;
    for (const indexed of this.#bySlug.values()) {
      const kvTerms = indexed.briefing.keyVariables.map((kv) => {
        const terms: number[] = [];
        this.#dictionary.encode(kv.text, terms);
        return terms;
      });
      this.#addSecondary(indexed, kvTerms);
    }
  }

  /** Full-text fuzzy search over every field; best first. */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    return searchBriefings(this, query, options);
  }

  /** Discord autocomplete choices for a partly typed briefing name; newest first when empty. */
  autocomplete(partial: string, options: { limit?: number } = {}): Choice[] {
    this.#ensureSecondary();
    return this.#names.suggest(partial, options.limit);
  }

  /** The key variables a free-text question is about, with related trends and positions. */
  ask(question: string, options: AskOptions = {}): AskResult[] {
    this.#ensureSecondary();
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
    const ref = this.#keyVariableByDoc[kvDoc];
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
