/**
 * The large integer arrays of an index snapshot (index-snapshot.ts), kept in pages with a CRC-32
 * each, so that a one-shot `lumen search` reads and checks only the pages holding the postings
 * its query terms need, not the 20 MB of every term's postings and every document's terms.
 */
import { crc32 } from 'node:zlib';
import { SnapshotDamagedError } from './snapshot-damaged-error.js';

/** Entries per page: 16 KiB, a few postings of common terms or many of rare ones. */
export const PAGE_ENTRIES = 4096;
const PAGE_BYTES = PAGE_ENTRIES * 4;

/** The CRC-32 of each page of `array`'s bytes (the last page may be short). */
export function pageCrcs(array: Int32Array): Float64Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const crcs = new Float64Array(Math.ceil(array.length / PAGE_ENTRIES));
  for (let page = 0; page < crcs.length; page++) crcs[page] = crc32(bytes.subarray(page * PAGE_BYTES, (page + 1) * PAGE_BYTES));
  return crcs;
}

/** Whether every page of `bytes` (a whole paged array) matches its CRC-32. */
export function pagesIntact(bytes: Uint8Array, crcs: Float64Array): boolean {
  if (crcs.length !== Math.ceil(bytes.length / PAGE_BYTES)) return false;
  for (let page = 0; page < crcs.length; page++) {
    if (crc32(bytes.subarray(page * PAGE_BYTES, (page + 1) * PAGE_BYTES)) !== crcs[page]) return false;
  }
  return true;
}

/**
 * An Int32Array left in the snapshot file: ranges of it are read on demand, each page checked
 * against its CRC-32 when read. A read that fails throws {@link SnapshotDamagedError}.
 */
export class PagedInt32 {
  readonly length: number;
  readonly #read: (offset: number, length: number) => Uint8Array;
  readonly #crcs: Float64Array;
  readonly #file: string;
  readonly #name: string;

  /**
   * `read` gives fresh bytes of the array's region from its start; `file` and `name` say in
   * errors which file and which array was damaged. `crcs` must hold one CRC per page.
   */
  constructor(read: (offset: number, length: number) => Uint8Array, length: number, crcs: Float64Array, where: { file: string; name: string }) {
    this.#read = read;
    this.length = length;
    this.#crcs = crcs;
    this.#file = where.file;
    this.#name = where.name;
  }

  /** Entries `start` to `end` (exclusive), as an array of their own; throws SnapshotDamagedError when their pages are. */
  slice(start: number, end: number): Int32Array {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= this.length)) throw new RangeError(`entries ${start} to ${end} of ${this.length}`);
    if (start === end) return new Int32Array(0);
    const first = Math.floor(start / PAGE_ENTRIES);
    const last = Math.ceil(end / PAGE_ENTRIES);
    const from = first * PAGE_BYTES;
    const to = Math.min(last * PAGE_ENTRIES, this.length) * 4;
    let bytes: Uint8Array;
    try {
      bytes = this.#read(from, to - from);
    } catch {
      throw this.#damaged(first); // the file ends early, or cannot be read any more
    }
    for (let page = first; page < last; page++) {
      const at = (page - first) * PAGE_BYTES;
      if (crc32(bytes.subarray(at, at + PAGE_BYTES)) !== this.#crcs[page]) throw this.#damaged(page);
    }
    // Fresh bytes are 8-byte aligned (their own buffer); copy if a reader ever hands back a view.
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    return new Int32Array(bytes.buffer, bytes.byteOffset + (start - first * PAGE_ENTRIES) * 4, end - start);
  }

  #damaged(page: number): SnapshotDamagedError {
    return new SnapshotDamagedError(this.#file, `page ${page} of ${this.#name}`);
  }
}
