/**
 * A search index as bytes, so a one-shot `lumen search` or `lumen ask` can load the index instead
 * of building it, and, when the snapshot was made from archive.json as it is now, answer without
 * reading archive.json at all: the snapshot then also holds the text of every briefing, and only
 * the few a query shows are decoded.
 *
 * Layout (snapshot-layout.ts): the magic `LUMENIX4`, a u32 header length, a u32 CRC-32 of the
 * header, the header as JSON (format, key, byte order, the archive's signature, the writing
 * build, CRC-32s of the small arrays and of the texts, the term and word lists, each document's
 * slug, the stamps as one JSON string, and where each array lies), then the small typed arrays,
 * each at an offset that is a multiple of 8 so they can be read as views of one aligned copy,
 * then the large ones (postings, documents' terms) in 16 KiB pages with a CRC-32 each
 * (snapshot-pages.ts), then the briefings' texts as UTF-8 JSON, each with a CRC-32 of its own.
 * Reading it: snapshot-decode.ts.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { BRIEFING_FIELDS } from './briefing-fields.js';
import type { FieldIndexState } from './field-index.js';
import type { Lexicon } from './lexicon.js';
import { encodeBodies } from './snapshot-bodies.js';
import { align8, FIELD_INDEX_ARRAYS, isPaged, MAGIC, PREFIX, SNAPSHOT_FORMAT, type Header, type Section, type Snapshot, type TypedArray } from './snapshot-layout.js';
import { pageCrcs } from './snapshot-pages.js';
import { TermDictionary } from './term-dictionary.js';

export { SNAPSHOT_FORMAT, type DecodedSnapshot, type Snapshot } from './snapshot-layout.js';
export { decodeSnapshot, decodeSnapshotFrom, rangesOf, type DecodeOptions, type SnapshotRanges } from './snapshot-decode.js';

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

function fieldIndexArrays(prefix: string, state: FieldIndexState): [string, TypedArray][] {
  return FIELD_INDEX_ARRAYS.map((name) => [`${prefix}.${name}`, state[name]]);
}

/** The bytes of a snapshot, stamped with `key` (see {@link encodingFingerprint}). */
export function encodeSnapshot({ state, stamps, archiveSignature, order, bodies, writer }: Snapshot, key: string): Buffer {
  const { dictionary, briefings, keyVariables } = state;
  const texts = bodies ? encodeBodies(bodies) : undefined;
  const arrays: [string, TypedArray][] = [...fieldIndexArrays('briefings', briefings), ['wordTerms', dictionary.wordTerms]];
  if (keyVariables) {
    arrays.push(...fieldIndexArrays('keyVariables', keyVariables.index), ['kv.briefingDocs', keyVariables.briefingDocs], ['kv.numbers', keyVariables.numbers]);
  }
  if (order) arrays.push(['order', order]);
  if (texts) arrays.push(['bodyOffsets', texts.offsets], ['bodyCrcs', texts.crcs]);
  // The paged arrays last, each with its pages' CRCs among the arrays read up front.
  const paged = arrays.filter(([name]) => isPaged(name));
  const eager = arrays.filter(([name]) => !isPaged(name));
  for (const [name, array] of paged) eager.push([`${name}.pages`, pageCrcs(array as Int32Array)]);
  const sections: Section[] = [];
  let size = 0;
  let eagerSize = 0;
  for (const [name, array] of [...eager, ...paged]) {
    sections.push({ name, kind: array instanceof Float64Array ? 'f64' : 'i32', offset: size, length: array.length, ...(isPaged(name) && { paged: true as const }) });
    size = align8(size + array.byteLength);
    if (!isPaged(name)) eagerSize = size;
  }
  const ordered = [...eager, ...paged];
  const body = new Uint8Array(size);
  ordered.forEach(([, array], i) => body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), sections[i]?.offset));
  const bodiesBytes = texts?.bytes ?? Buffer.alloc(0);
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    key,
    endianness: endianness(),
    archiveSignature: archiveSignature ?? null,
    writer: writer ?? null,
    arraysCrc: crc32(body.subarray(0, eagerSize)),
    eagerSize,
    bodiesCrc: crc32(bodiesBytes),
    bodiesLength: bodiesBytes.length,
    briefings: { nextId: briefings.nextId, totalLengths: briefings.totalLengths },
    keyVariables: keyVariables ? { nextId: keyVariables.index.nextId, totalLengths: keyVariables.index.totalLengths } : null,
    terms: dictionary.terms,
    words: dictionary.words,
    slugs: state.slugs,
    stamps: JSON.stringify(stamps),
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const arraysStart = align8(PREFIX + headerBytes.length);
  const out = Buffer.alloc(arraysStart + size + bodiesBytes.length);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  out.writeUInt32LE(crc32(headerBytes), MAGIC.length + 4);
  headerBytes.copy(out, PREFIX);
  out.set(body, arraysStart);
  out.set(bodiesBytes, arraysStart + size);
  return out;
}

