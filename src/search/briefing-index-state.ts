/**
 * What a {@link BriefingIndex} is saved as and restored from (briefing-index.ts): its state as
 * flat arrays for the snapshot file, and the briefings a restored index reads only when a query
 * shows them.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { FieldIndexState, Int32Entries } from './field-index.js';
import type { TermDictionaryState } from './term-dictionary.js';

/**
 * The part of an index a snapshot file keeps: the full-text and key-variable indexes, not the
 * name index. `Entries`: see {@link FieldIndexState}.
 */
export interface BriefingIndexState<Entries extends Int32Entries = Int32Array> {
  dictionary: TermDictionaryState;
  briefings: FieldIndexState<Entries>;
  /** The slug of each document id of the full-text index; null where removed. */
  slugs: (string | null)[];
  /** The key-variable index (ask), so a one-shot `lumen ask` need not encode every key variable again. */
  keyVariables?: KeyVariableIndexState<Entries>;
}

/** The key-variable index as flat arrays: the index, and per key-variable document its briefing document and number. */
export interface KeyVariableIndexState<Entries extends Int32Entries = Int32Array> {
  index: FieldIndexState<Entries>;
  /** By key-variable document: the briefing's document id, -1 where removed. */
  briefingDocs: Int32Array;
  /** By key-variable document: the key variable's `n`. */
  numbers: Int32Array;
}

/**
 * Briefings for {@link BriefingIndex.restore} that are read only when a query shows them: every
 * slug, and a way to load one (it may throw, e.g. when the snapshot that holds it is damaged).
 */
export interface LazyBriefings {
  readonly slugs: readonly string[];
  load(slug: string): Briefing;
}

/** A briefing as the index holds it: its document and its key variables' documents. */
export interface Indexed {
  readonly briefing: Briefing;
  doc: number;
  keyVariableDocs: number[];
}

/** An indexed briefing whose text is loaded on first use, once. */
export class LazyIndexed implements Indexed {
  #briefing: Briefing | undefined;
  readonly #load: () => Briefing;
  keyVariableDocs: number[] = [];

  constructor(
    readonly doc: number,
    load: () => Briefing,
  ) {
    this.#load = load;
  }

  get briefing(): Briefing {
    return (this.#briefing ??= this.#load());
  }
}

/**
 * Each briefing document's key-variable documents, from the key-variable -> briefing array of a
 * state. Ids only grow, so each briefing's key variables come out in the order they were added.
 */
export function keyVariableDocsByBriefing(briefingDocs: Int32Array): Map<number, number[]> {
  const byDoc = new Map<number, number[]>();
  let previous = -1;
  let docs: number[] = [];
  for (let kvDoc = 0; kvDoc < briefingDocs.length; kvDoc++) {
    const doc = briefingDocs[kvDoc] as number;
    if (doc < 0) continue;
    if (doc !== previous) {
      docs = byDoc.get(doc) ?? [];
      if (docs.length === 0) byDoc.set(doc, docs);
      previous = doc;
    }
    docs.push(kvDoc);
  }
  return byDoc;
}
