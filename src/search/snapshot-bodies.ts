/**
 * The briefings' texts inside an index snapshot (index-snapshot.ts): each briefing's JSON, one
 * after the other, with per-document offsets and a CRC-32 each, so that a one-shot answer reads
 * and checks only the few briefings it shows.
 */
import { crc32 } from 'node:zlib';

/** The briefings' texts of a decoded snapshot, each checked against its own CRC-32 when read. */
export class SnapshotBodies {
  readonly #read: (offset: number, length: number) => Uint8Array;
  readonly #offsets: Float64Array;
  readonly #crcs: Float64Array;

  /** `read` gives bytes of the texts' region, from its start. */
  constructor(read: (offset: number, length: number) => Uint8Array, offsets: Float64Array, crcs: Float64Array) {
    this.#read = read;
    this.#offsets = offsets;
    this.#crcs = crcs;
  }

  /** The JSON text of document `doc`'s briefing; undefined where there is none or it is damaged. */
  text(doc: number): string | undefined {
    const start = this.#offsets[doc];
    const end = this.#offsets[doc + 1];
    if (start === undefined || end === undefined || !(end > start)) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = this.#read(start, end - start);
    } catch {
      return undefined; // the file ends early, or cannot be read any more
    }
    return crc32(bytes) === this.#crcs[doc] ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : undefined;
  }
}

/** The texts as one byte string, with per-document offsets (one more than documents) and CRC-32s. */
export function encodeBodies(bodies: readonly (string | null)[]): { bytes: Buffer; offsets: Float64Array; crcs: Float64Array } {
  // One buffer written in place: a Buffer per text (10,000 of them) costs more than the encoding.
  const offsets = new Float64Array(bodies.length + 1);
  let at = 0;
  bodies.forEach((body, doc) => {
    offsets[doc] = at;
    at += body === null ? 0 : Buffer.byteLength(body, 'utf8');
  });
  offsets[bodies.length] = at;
  const bytes = Buffer.allocUnsafe(at);
  const crcs = new Float64Array(bodies.length);
  bodies.forEach((body, doc) => {
    const start = offsets[doc] as number;
    if (body !== null) bytes.write(body, start, 'utf8');
    crcs[doc] = crc32(bytes.subarray(start, offsets[doc + 1]));
  });
  return { bytes, offsets, crcs };
}
