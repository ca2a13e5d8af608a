/**
 * Reading an index snapshot (layout: snapshot-layout.ts): whole, every checksum checked up front,
 * or by ranges, the texts and the paged arrays checked as they are read. Anything that is not a
 * whole, intact snapshot of this format and key decodes to undefined: a cache miss, never an error.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import type { KeyVariableIndexState } from './briefing-index.js';
import { BRIEFING_FIELDS } from './briefing-fields.js';
import type { FieldIndexState, Int32Entries } from './field-index.js';
import { SnapshotBodies } from './snapshot-bodies.js';
import { SnapshotDamagedError } from './snapshot-damaged-error.js';
import { align8, isPaged, MAGIC, PREFIX, SNAPSHOT_FORMAT, type DecodedSnapshot, type FieldIndexHeader, type Header, type Section, type TypedArray } from './snapshot-layout.js';
import { PAGE_ENTRIES, PagedInt32, pagesIntact } from './snapshot-pages.js';

/** How much of a snapshot {@link decodeSnapshot} checks up front. */
export interface DecodeOptions {
  /**
   * `whole` (default): everything is read and checked up front, the texts as one CRC-32 over
   * them all and the paged arrays page by page, so any damage makes the whole file a miss (what
   * a load that has the archive in hand wants: it then rewrites the file). `on-read`: each text
   * only when {@link SnapshotBodies.text} reads it, and the postings and documents' terms page by
   * page as a query needs them ({@link PagedInt32}; a one-shot answer that shows ten briefings
   * need not read or hash the rest). A failed check then throws SnapshotDamagedError when read.
   */
  checkBodies?: 'whole' | 'on-read';
  /** Names the file in a SnapshotDamagedError (`on-read`). */
  file?: string;
}

/**
 * Where a snapshot is decoded from: whole bytes in memory, or an open file read by ranges (so a
 * one-shot answer reads the index but, of the texts, only what it shows). Each read returns
 * fresh bytes of its own.
 */
export interface SnapshotRanges {
  readonly size: number;
  /** `length` bytes from `offset`, copied into a buffer of their own; throws if the file ends first. */
  read(offset: number, length: number): Uint8Array;
}

/** The snapshot in `bytes`, or undefined unless they are a whole, intact snapshot of this format and `key`. */
export function decodeSnapshot(bytes: Uint8Array, key: string, options: DecodeOptions = {}): DecodedSnapshot | undefined {
  return decodeSnapshotFrom(rangesOf(bytes), key, options);
}

/** Bytes in memory as {@link SnapshotRanges}. */
export function rangesOf(bytes: Uint8Array): SnapshotRanges {
  // Uint8Array's slice, which copies: a Buffer's slice would be a view, neither aligned nor our own.
  return { size: bytes.length, read: (offset, length) => Uint8Array.prototype.slice.call(bytes, offset, offset + length) };
}

/** As {@link decodeSnapshot}, reading only the ranges it needs (the texts when asked for, with `checkBodies: 'on-read'`). */
export function decodeSnapshotFrom(ranges: SnapshotRanges, key: string, options: DecodeOptions = {}): DecodedSnapshot | undefined {
  try {
    return decode(ranges, key, options.checkBodies ?? 'whole', options.file ?? 'the index snapshot');
  } catch {
    return undefined; // a header that parses but has the wrong shape, a file that ends early: still just a miss
  }
}

function decode(ranges: SnapshotRanges, key: string, checkBodies: 'whole' | 'on-read', file: string): DecodedSnapshot | undefined {
  if (ranges.size < PREFIX) return undefined;
  const prefix = Buffer.from(ranges.read(0, PREFIX));
  if (!MAGIC.equals(prefix.subarray(0, MAGIC.length))) return undefined;
  const headerLength = prefix.readUInt32LE(MAGIC.length);
  const arraysStart = align8(PREFIX + headerLength);
  if (arraysStart > ranges.size) return undefined;
  const headerBytes = Buffer.from(ranges.read(PREFIX, headerLength));
  if (crc32(headerBytes) !== prefix.readUInt32LE(MAGIC.length + 4)) return undefined; // torn, or edited by hand
  const header = JSON.parse(headerBytes.toString('utf8')) as Header;
  if (header.format !== SNAPSHOT_FORMAT || header.key !== key || header.endianness !== endianness()) return undefined;

  const last = header.sections.at(-1);
  const arraysSize = last ? align8(last.offset + last.length * (last.kind === 'f64' ? 8 : 4)) : 0;
  const bodiesStart = arraysStart + arraysSize;
  if (bodiesStart + header.bodiesLength !== ranges.size) return undefined; // cut short or grown
  const { eagerSize } = header;
  if (!Number.isInteger(eagerSize) || eagerSize < 0 || eagerSize % 8 !== 0 || eagerSize > arraysSize) return undefined;
  // Bytes of our own: 8-byte aligned for the views, and the index edits its postings in place
  // on later imports, which must never write into a buffer someone else holds.
  const eager = ranges.read(arraysStart, eagerSize);
  if (crc32(eager) !== header.arraysCrc) return undefined; // torn or damaged on disk
  if (checkBodies === 'whole' && crc32(ranges.read(bodiesStart, header.bodiesLength)) !== header.bodiesCrc) return undefined;
  // Read whole, the paged arrays are one read, each page checked now.
  const pagedBytes = checkBodies === 'whole' ? ranges.read(arraysStart + eagerSize, arraysSize - eagerSize) : undefined;
  const arrays = new Map<string, TypedArray>();
  const pagedSections: Section[] = [];
  for (const section of header.sections) {
    const { name, kind, offset, length } = section;
    const size = length * (kind === 'f64' ? 8 : 4);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset % 8 !== 0 || offset + size > arraysSize) return undefined;
    if ((section.paged === true) !== isPaged(name) || (section.paged === true ? offset < eagerSize || kind !== 'i32' : offset + size > eagerSize)) return undefined;
    if (section.paged) {
      pagedSections.push(section);
      continue;
    }
    const start = eager.byteOffset + offset;
    arrays.set(name, kind === 'f64' ? new Float64Array(eager.buffer, start, length) : new Int32Array(eager.buffer, start, length));
  }
  const f64 = (name: string): Float64Array | undefined => {
    const a = arrays.get(name);
    return a instanceof Float64Array ? a : undefined;
  };
  const i32 = (name: string): Int32Array | undefined => {
    const a = arrays.get(name);
    return a instanceof Int32Array ? a : undefined;
  };
  const entries = new Map<string, Int32Entries>();
  for (const { name, offset, length } of pagedSections) {
    const crcs = f64(`${name}.pages`);
    if (!crcs || crcs.length !== Math.ceil(length / PAGE_ENTRIES)) return undefined;
    if (pagedBytes) {
      const bytes = pagedBytes.subarray(offset - eagerSize, offset - eagerSize + length * 4);
      if (!pagesIntact(bytes, crcs)) return undefined;
      entries.set(name, new Int32Array(bytes.buffer, bytes.byteOffset, length));
    } else {
      entries.set(name, new PagedInt32((at, size) => ranges.read(arraysStart + offset + at, size), length, crcs, { file, name }));
    }
  }
  const int32Entries = (name: string): Int32Entries | undefined => entries.get(name);
  const { terms, words, slugs, stamps } = header;
  const briefings = fieldIndexState('briefings', header.briefings, BRIEFING_FIELDS.length, terms.length, f64, i32, int32Entries);
  const wordTerms = i32('wordTerms');
  if (!briefings || !wordTerms || wordTerms.length !== words.length) return undefined;
  const nextId = briefings.nextId;
  if (slugs.length !== nextId || typeof stamps !== 'string') return undefined;
  // Read whole, stamps that do not parse make the file a miss; by ranges, a throw when first asked for.
  let parsedStamps = checkBodies === 'whole' ? parseStamps(stamps, nextId) : undefined;
  if (checkBodies === 'whole' && !parsedStamps) return undefined;

  let keyVariables: KeyVariableIndexState<Int32Entries> | undefined;
  if (header.keyVariables) {
    const index = fieldIndexState('keyVariables', header.keyVariables, 1, terms.length, f64, i32, int32Entries);
    const briefingDocs = i32('kv.briefingDocs');
    const numbers = i32('kv.numbers');
    if (!index || !briefingDocs || !numbers || briefingDocs.length !== index.nextId || numbers.length !== index.nextId) return undefined;
    if (briefingDocs.some((doc) => doc >= nextId || doc < -1)) return undefined;
    keyVariables = { index, briefingDocs, numbers };
  }
  const order = i32('order');
  if (order?.some((doc) => doc < 0 || doc >= nextId || slugs[doc] === null)) return undefined;
  const bodyOffsets = f64('bodyOffsets');
  const bodyCrcs = f64('bodyCrcs');
  if ((bodyOffsets === undefined) !== (bodyCrcs === undefined)) return undefined;
  if (bodyOffsets && (bodyOffsets.length !== nextId + 1 || bodyCrcs?.length !== nextId || bodyOffsets[nextId] !== header.bodiesLength)) return undefined;
  return {
    state: { dictionary: { terms, words, wordTerms }, briefings, slugs, ...(keyVariables && { keyVariables }) },
    get stamps(): (string | null)[] {
      parsedStamps ??= parseStamps(stamps, nextId);
      if (!parsedStamps) throw new SnapshotDamagedError(file, 'the stamps');
      return parsedStamps;
    },
    ...(header.archiveSignature !== null && { archiveSignature: header.archiveSignature }),
    ...(typeof header.writer === 'string' && { writer: header.writer }),
    ...(order && { order }),
    ...(bodyOffsets && bodyCrcs && { bodies: new SnapshotBodies((offset, length) => ranges.read(bodiesStart + offset, length), bodyOffsets, bodyCrcs) }),
  };
}

/** The stamps of `nextId` documents from their JSON, or undefined if it is not that. */
function parseStamps(json: string, nextId: number): (string | null)[] | undefined {
  try {
    const stamps: unknown = JSON.parse(json);
    return Array.isArray(stamps) && stamps.length === nextId && stamps.every((s) => s === null || typeof s === 'string') ? (stamps as (string | null)[]) : undefined;
  } catch {
    return undefined;
  }
}

/** One field index's state from its sections, or undefined where they disagree with each other. */
function fieldIndexState(
  prefix: string,
  header: FieldIndexHeader,
  fieldCount: number,
  termCount: number,
  f64: (name: string) => Float64Array | undefined,
  i32: (name: string) => Int32Array | undefined,
  paged: (name: string) => Int32Entries | undefined,
): FieldIndexState<Int32Entries> | undefined {
  const lengths = f64(`${prefix}.lengths`);
  const [postingOffsets, postingDf, docIds, docTermOffsets] = (['postingOffsets', 'postingDf', 'docIds', 'docTermOffsets'] as const).map((name) => i32(`${prefix}.${name}`));
  const postingEntries = paged(`${prefix}.postingEntries`);
  const docTermIds = paged(`${prefix}.docTermIds`);
  if (!lengths || !postingOffsets || !postingEntries || !postingDf || !docIds || !docTermOffsets || !docTermIds) return undefined;
  const { nextId, totalLengths } = header;
  const consistent =
    Number.isInteger(nextId) &&
    Array.isArray(totalLengths) &&
    postingOffsets.length === termCount + 1 &&
    postingDf.length === termCount &&
    postingOffsets[termCount] === postingEntries.length &&
    totalLengths.length === fieldCount &&
    lengths.length === nextId * fieldCount &&
    docTermOffsets.length === docIds.length + 1 &&
    docTermOffsets[docIds.length] === docTermIds.length;
  return consistent ? { nextId, totalLengths, lengths, postingOffsets, postingEntries, postingDf, docIds, docTermOffsets, docTermIds } : undefined;
}
