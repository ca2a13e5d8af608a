/**
 * A search index as bytes, so a one-shot `lumen search` can load the index instead of building
 * it: at 10,000 briefings the build costs about 1.2 s of a 2 s budget, reading this file ~0.1 s.
 *
 * Layout: the magic `LUMENIX1`, a u32 header length, the header as JSON (format, key, byte
 * order, a CRC-32 of the body, the term and word lists, each document's slug and stamp, and where
 * each array lies), then the typed arrays, each at an offset that is a multiple of 8 so they can
 * be read as views of one aligned copy. Anything that is not a whole, intact snapshot of this format and key decodes
 * to undefined: a cache miss, never an error.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import type { BriefingIndexState } from './briefing-index.js';
import { BRIEFING_FIELDS } from './briefing-fields.js';
import type { Lexicon } from './lexicon.js';
import { TermDictionary } from './term-dictionary.js';

/** Bump when the file layout changes. Changes to the encoding rules are caught by {@link encodingFingerprint}. */
export const SNAPSHOT_FORMAT = 2;
const MAGIC = Buffer.from('LUMENIX1', 'latin1');

/**
 * Text that exercises every encoding rule: case and accent folding, extra folds, abbreviations,
 * possessives, entity aliases (one and several words), stop words, stems, numbers.
 */
const PROBE_TEXT =
  "LUMEN INSIGHT: Türkiye's Erdoğan and the U.S.-Japan talks; Rosselkhozbank's SWIFT reconnection. " +
  'Semiconductors, tariffs, automakers and shipping insurers in the Strait of Hormuz — Abu Dhabi, the Kremlin, ' +
  'Washington, Beijing. Łódź, Ærø, straße, Ørsted. 2026: 33 trillion won, 25% duties, e.g. H20 chips.';

/**
 * What an index's terms depend on besides the briefings: the lexicon, the list of fields, and the
 * rules that turn text into terms (probed by encoding {@link PROBE_TEXT}). A snapshot is only
 * used under the same fingerprint, so a change to the tokenizer or stemmer can never serve an
 * index made by the old one.
 */
export function encodingFingerprint(lexicon: Lexicon): string {
  const dictionary = new TermDictionary(lexicon);
  const ids: number[] = [];
  dictionary.encode(PROBE_TEXT, ids);
  const terms = dictionary.exportState().terms;
  return JSON.stringify([SNAPSHOT_FORMAT, lexicon.fingerprint, BRIEFING_FIELDS, ids.map((id) => terms[id])]);
}

/** A snapshot's contents: the index state and, per document, a stamp of the briefing version it holds. */
export interface Snapshot {
  state: BriefingIndexState;
  /** By document id, like `state.slugs`: the version of the briefing indexed there (null where removed). */
  stamps: (string | null)[];
}

type ArrayName = 'lengths' | 'postingOffsets' | 'postingEntries' | 'postingDf' | 'docIds' | 'docTermOffsets' | 'docTermIds' | 'wordTerms';
interface Section {
  name: ArrayName;
  kind: 'f64' | 'i32';
  offset: number;
  length: number;
}
interface Header {
  format: number;
  key: string;
  endianness: string;
  crc32: number;
  nextId: number;
  totalLengths: number[];
  terms: string[];
  words: string[];
  slugs: (string | null)[];
  stamps: (string | null)[];
  sections: Section[];
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The bytes of a snapshot, stamped with `key` (see {@link encodingFingerprint}). */
export function encodeSnapshot({ state, stamps }: Snapshot, key: string): Buffer {
  const { dictionary, briefings } = state;
  const arrays: Record<ArrayName, Float64Array | Int32Array> = {
    lengths: briefings.lengths,
    postingOffsets: briefings.postingOffsets,
    postingEntries: briefings.postingEntries,
    postingDf: briefings.postingDf,
    docIds: briefings.docIds,
    docTermOffsets: briefings.docTermOffsets,
    docTermIds: briefings.docTermIds,
    wordTerms: dictionary.wordTerms,
  };
  const sections: Section[] = [];
  let size = 0;
  for (const [name, array] of Object.entries(arrays) as [ArrayName, Float64Array | Int32Array][]) {
    sections.push({ name, kind: array instanceof Float64Array ? 'f64' : 'i32', offset: size, length: array.length });
    size = align8(size + array.byteLength);
  }
  const body = new Uint8Array(size);
  for (const section of sections) {
    const array = arrays[section.name];
    body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), section.offset);
  }
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    key,
    endianness: endianness(),
    crc32: crc32(body),
    nextId: briefings.nextId,
    totalLengths: briefings.totalLengths,
    terms: dictionary.terms,
    words: dictionary.words,
    slugs: state.slugs,
    stamps,
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const bodyStart = align8(MAGIC.length + 4 + headerBytes.length);
  const out = Buffer.alloc(bodyStart + size);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  out.set(body, bodyStart);
  return out;
}

/** The snapshot in `bytes`, or undefined unless they are a whole, intact snapshot of this format and `key`. */
export function decodeSnapshot(bytes: Uint8Array, key: string): Snapshot | undefined {
  try {
    return decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), key);
  } catch {
    return undefined; // a header that parses but has the wrong shape: still just a miss
  }
}

function decode(bytes: Buffer, key: string): Snapshot | undefined {
  if (bytes.length < MAGIC.length + 4 || !MAGIC.equals(bytes.subarray(0, MAGIC.length))) return undefined;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const bodyStart = align8(MAGIC.length + 4 + headerLength);
  if (bodyStart > bytes.length) return undefined;
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  if (header.format !== SNAPSHOT_FORMAT || header.key !== key || header.endianness !== endianness()) return undefined;

  const stored = bytes.subarray(bodyStart);
  if (crc32(stored) !== header.crc32) return undefined; // torn or damaged on disk
  // A copy of our own (a few ms at 10,000 briefings): it is 8-byte aligned for the views, and the
  // index edits its postings in place on later imports, which must never write into `bytes`.
  const body = new Uint8Array(stored.length);
  body.set(stored);
  const arrays = new Map<ArrayName, Float64Array | Int32Array>();
  for (const { name, kind, offset, length } of header.sections) {
    const size = length * (kind === 'f64' ? 8 : 4);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset % 8 !== 0 || offset + size > body.length) return undefined;
    const start = body.byteOffset + offset;
    arrays.set(name, kind === 'f64' ? new Float64Array(body.buffer, start, length) : new Int32Array(body.buffer, start, length));
  }
  const f64 = (name: ArrayName): Float64Array | undefined => {
    const a = arrays.get(name);
    return a instanceof Float64Array ? a : undefined;
  };
  const i32 = (name: ArrayName): Int32Array | undefined => {
    const a = arrays.get(name);
    return a instanceof Int32Array ? a : undefined;
  };
  const lengths = f64('lengths');
  const postingOffsets = i32('postingOffsets');
  const postingEntries = i32('postingEntries');
  const postingDf = i32('postingDf');
  const docIds = i32('docIds');
  const docTermOffsets = i32('docTermOffsets');
  const docTermIds = i32('docTermIds');
  const wordTerms = i32('wordTerms');
  if (!lengths || !postingOffsets || !postingEntries || !postingDf || !docIds || !docTermOffsets || !docTermIds || !wordTerms) return undefined;
  const { terms, words, slugs, stamps, nextId, totalLengths } = header;
  const consistent =
    postingOffsets.length === terms.length + 1 &&
    postingDf.length === terms.length &&
    postingOffsets[terms.length] === postingEntries.length &&
    wordTerms.length === words.length &&
    slugs.length === nextId &&
    stamps.length === nextId &&
    totalLengths.length === BRIEFING_FIELDS.length &&
    lengths.length === nextId * BRIEFING_FIELDS.length &&
    docTermOffsets.length === docIds.length + 1 &&
    docTermOffsets[docIds.length] === docTermIds.length;
  if (!consistent) return undefined;
  return {
    state: {
      dictionary: { terms, words, wordTerms },
      briefings: { nextId, totalLengths, lengths, postingOffsets, postingEntries, postingDf, docIds, docTermOffsets, docTermIds },
      slugs,
    },
    stamps,
  };
}
