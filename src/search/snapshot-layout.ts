/**
 * The layout of an index snapshot file (index-snapshot.ts writes it, snapshot-decode.ts reads
 * it): what it holds, its header, and which arrays are kept in pages.
 */
import type { BriefingIndexState } from './briefing-index.js';
import type { Int32Entries } from './field-index.js';
import type { SnapshotBodies } from './snapshot-bodies.js';

/** Bump when the file layout changes. Changes to the encoding rules are caught by encodingFingerprint (index-snapshot.ts). */
export const SNAPSHOT_FORMAT = 4;
export const MAGIC = Buffer.from('LUMENIX4', 'latin1');
export const PREFIX = MAGIC.length + 8;

/** A snapshot's contents, as saved: the index state, per document a stamp of the briefing version it holds, and what answers need. */
export interface Snapshot {
  state: BriefingIndexState;
  /** By document id, like `state.slugs`: the version of the briefing indexed there (null where removed). */
  stamps: (string | null)[];
  /** The signature of the archive file the state and texts were made from, when there is one. */
  archiveSignature?: string;
  /** Document ids of the live briefings, newest published first (the archive's order). */
  order?: Int32Array;
  /** By document id: the briefing as JSON (null where removed). */
  bodies?: (string | null)[];
  /** The build that wrote it ({@link SnapshotStorage.writer}), when known. */
  writer?: string;
}

/**
 * A snapshot as read back: the texts stay bytes until asked for, and, decoded with
 * `checkBodies: 'on-read'`, so do the postings and the documents' terms (pages read on demand).
 */
export interface DecodedSnapshot extends Omit<Snapshot, 'bodies' | 'state'> {
  state: BriefingIndexState<Int32Entries>;
  bodies?: SnapshotBodies;
}

export interface Section {
  name: string;
  kind: 'f64' | 'i32';
  offset: number;
  length: number;
  /** Kept in pages with a CRC-32 each (in the section `<name>.pages`), after the other arrays. */
  paged?: true;
}
export interface FieldIndexHeader {
  nextId: number;
  totalLengths: number[];
}
export interface Header {
  format: number;
  key: string;
  endianness: string;
  archiveSignature: string | null;
  writer: string | null;
  /** CRC-32 of the arrays that are not paged, which come first: `eagerSize` bytes. */
  arraysCrc: number;
  eagerSize: number;
  bodiesCrc: number;
  bodiesLength: number;
  briefings: FieldIndexHeader;
  keyVariables: FieldIndexHeader | null;
  terms: string[];
  words: string[];
  slugs: (string | null)[];
  /**
   * The stamps' JSON as one string: read as one string, and parsed only when asked for (a
   * one-shot search never is; 10,000 stamps are half the header).
   */
  stamps: string;
  sections: Section[];
}

export type TypedArray = Float64Array | Int32Array;

export const align8 = (n: number): number => Math.ceil(n / 8) * 8;

export const FIELD_INDEX_ARRAYS = ['lengths', 'postingOffsets', 'postingEntries', 'postingDf', 'docIds', 'docTermOffsets', 'docTermIds'] as const;
/** The large arrays (20 MB of 24 at 10,000 briefings), of which a query needs a few terms' worth. */
const PAGED_ARRAYS: ReadonlySet<string> = new Set(['postingEntries', 'docTermIds']);
export const isPaged = (name: string): boolean => PAGED_ARRAYS.has(name.slice(name.indexOf('.') + 1));
