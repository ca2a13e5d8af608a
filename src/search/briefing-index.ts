/**
 * The search index of the briefing archive: built once at start-up, updated briefing by briefing
 * on import (`upsert`, `remove`), and queried on every keystroke. It holds three structures:
 * an inverted index over the briefings' fields (search, and context for ask), one over their key
 * variables (ask), and a name index over titles and slugs (autocomplete).
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { indexTerms } from './analyzer.js';
import { askQuestion, type AskOptions, type AskResult } from './ask-question.js';
import { BRIEFING_FIELDS, fieldItems } from './briefing-fields.js';
import { defaultLexicon } from './default-lexicon.js';
import { FieldIndex } from './field-index.js';
import type { Lexicon } from './lexicon.js';
import { NameIndex, type Choice } from './name-index.js';
import { searchBriefings, type SearchOptions, type SearchResult } from './search-briefings.js';
import { TermVocabulary } from './term-vocabulary.js';

/** Options for a {@link BriefingIndex}. */
export interface BriefingIndexOptions {
  /** Word knowledge (aliases, synonyms, stop words); defaults to the data files plus the gazetteer. */
  lexicon?: Lexicon;
}

interface Indexed {
  briefing: Briefing;
  doc: number;
  keyVariableDocs: number[];
  surfaces: Set<string>;
}

export class BriefingIndex {
  readonly lexicon: Lexicon;
  /** Every word of the archive, for typo correction and completion of query words. */
  readonly vocabulary = new TermVocabulary();
  /** One document per briefing, one field per entry of {@link BRIEFING_FIELDS}. */
  readonly briefings = new FieldIndex(BRIEFING_FIELDS.length);
  /** One document per key variable. */
  readonly keyVariables = new FieldIndex(1);
  readonly names = new NameIndex();
  readonly #bySlug = new Map<string, Indexed>();
  readonly #slugByDoc = new Map<number, string>();
  readonly #keyVariableByDoc = new Map<number, { slug: string; n: number }>();

  constructor(options: BriefingIndexOptions = {}) {
    this.lexicon = options.lexicon ?? defaultLexicon();
  }

  /** Builds an index of `briefings` (later ones win on a repeated slug). */
  static from(briefings: Iterable<Briefing>, options: BriefingIndexOptions = {}): BriefingIndex {
    const index = new BriefingIndex(options);
    for (const briefing of briefings) index.upsert(briefing);
    return index;
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
    const surfaces = new Set<string>();
    const fields = fieldItems(briefing).map((items) => {
      const terms: string[] = [];
      for (const item of items) indexTerms(item, this.lexicon, terms, surfaces);
      return terms;
    });
    const doc = this.briefings.add(fields);
    const keyVariableDocs = briefing.keyVariables.map((kv) => {
      const terms: string[] = [];
      indexTerms(kv.text, this.lexicon, terms);
      const kvDoc = this.keyVariables.add([terms]);
      this.#keyVariableByDoc.set(kvDoc, { slug: briefing.slug, n: kv.n });
      return kvDoc;
    });
    for (const w of surfaces) this.vocabulary.add(w);
    this.names.upsert(briefing.slug, briefing.title, briefing.publishedAt);
    this.#bySlug.set(briefing.slug, { briefing, doc, keyVariableDocs, surfaces });
    this.#slugByDoc.set(doc, briefing.slug);
  }

  /** Removes a briefing; returns whether it was there. */
  remove(slug: string): boolean {
    const indexed = this.#bySlug.get(slug);
    if (!indexed) return false;
    this.briefings.remove(indexed.doc);
    this.#slugByDoc.delete(indexed.doc);
    for (const kvDoc of indexed.keyVariableDocs) {
      this.keyVariables.remove(kvDoc);
      this.#keyVariableByDoc.delete(kvDoc);
    }
    for (const w of indexed.surfaces) this.vocabulary.remove(w);
    this.names.remove(slug);
    this.#bySlug.delete(slug);
    return true;
  }

  /** Full-text fuzzy search over every field; best first. */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    return searchBriefings(this, query, options);
  }

  /** Discord autocomplete choices for a partly typed briefing name; newest first when empty. */
  autocomplete(partial: string, options: { limit?: number } = {}): Choice[] {
    return this.names.suggest(partial, options.limit);
  }

  /** The key variables a free-text question is about, with related trends and positions. */
  ask(question: string, options: AskOptions = {}): AskResult[] {
    return askQuestion(this, question, options);
  }

  /** The briefing behind a document id of {@link briefings}. */
  briefingOfDoc(doc: number): Briefing | undefined {
    const slug = this.#slugByDoc.get(doc);
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

  /** Which briefing and key variable a document id of {@link keyVariables} stands for. */
  keyVariableOfDoc(doc: number): { slug: string; n: number } | undefined {
    return this.#keyVariableByDoc.get(doc);
  }
}
