/**
 * A search index as bytes, so a one-shot `lumen search` can load the index instead of building
 * it: at 10,000 briefings the build costs about 1.2 s of a 2 s budget, reading this file ~0.1 s.
 *
 * Layout: the magic `LUMENIX1`, a u32 header length, the header as JSON (format, key, the term
 * and word lists, slugs, and where each array lies), then the typed arrays, each at an offset
 * that is a multiple of 8 so they are read as views without copying. A file that is cut short,
 * from another format or for another key decodes to undefined: a cache miss, never an error.
 */
import type { BriefingIndexState } from './briefing-index.js';

/** Bump when the encoding rules change (tokens, stems, fields); restore also spot-checks them. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = Buffer.from('LUMENIX1', 'latin1');

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
  nextId: number;
  totalLengths: number[];
  terms: string[];
  words: string[];
  slugs: (string | null)[];
  sections: Section[];
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The bytes of an index state, stamped with `key` (what the index was built from). */
export function encodeSnapshot(state: BriefingIndexState, key: string): Buffer {
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
  let offset = 0;
  for (const [name, array] of Object.entries(arrays) as [ArrayName, Float64Array | Int32Array][]) {
    sections.push({ name, kind: array instanceof Float64Array ? 'f64' : 'i32', offset, length: array.length });
    offset = align8(offset + array.byteLength);
  }
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    key,
    nextId: briefings.nextId,
    totalLengths: briefings.totalLengths,
    terms: dictionary.terms,
    words: dictionary.words,
    slugs: state.slugs,
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const bodyStart = align8(MAGIC.length + 4 + headerBytes.length);
  const out = Buffer.alloc(bodyStart + offset);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  for (const section of sections) {
    const array = arrays[section.name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + section.offset);
  }
  return out;
}

/** The index state in `bytes`, or undefined if they are not a whole snapshot of this format and `key`. */
export function decodeSnapshot(bytes: Uint8Array, key: string): BriefingIndexState | undefined {
  if (bytes.length < MAGIC.length + 4 || !MAGIC.equals(bytes.subarray(0, MAGIC.length))) return undefined;
  const headerLength = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + headerLength > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 4, headerLength).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== SNAPSHOT_FORMAT || header.key !== key) return undefined;

  // One aligned copy of the body, so every array can be a view of it.
  const bodyStart = align8(MAGIC.length + 4 + headerLength);
  const body = new Uint8Array(bytes.length - bodyStart);
  body.set(bytes.subarray(bodyStart));
  const arrays = new Map<ArrayName, Float64Array | Int32Array>();
  for (const { name, kind, offset, length } of header.sections) {
    const size = length * (kind === 'f64' ? 8 : 4);
    if (offset % 8 !== 0 || offset + size > body.length) return undefined;
    arrays.set(name, kind === 'f64' ? new Float64Array(body.buffer, offset, length) : new Int32Array(body.buffer, offset, length));
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
  if (postingOffsets.length !== header.terms.length + 1 || wordTerms.length !== header.words.length || header.slugs.length !== header.nextId) return undefined;
  return {
    dictionary: { terms: header.terms, words: header.words, wordTerms },
    briefings: { nextId: header.nextId, totalLengths: header.totalLengths, lengths, postingOffsets, postingEntries, postingDf, docIds, docTermOffsets, docTermIds },
    slugs: header.slugs,
  };
}
