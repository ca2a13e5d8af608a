/**
 * The paged arrays of an index snapshot (issue 13): a one-shot `lumen search` reads the postings
 * and documents' terms page by page as its query needs them, each page checked against its own
 * CRC-32. It must answer exactly as an index read whole, and a damaged page must never give an
 * answer: read whole, the file is a miss; read by pages, the read throws SnapshotDamagedError and
 * the one-shot verb answers from the archive, which rewrites the snapshot.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBriefing } from '../../bench/generate-briefings.js';
import { answerOneShot } from '../../src/cli/open-library.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { decodeSnapshot, decodeSnapshotFrom, encodeSnapshot, rangesOf, type Snapshot } from '../../src/search/index-snapshot.js';
import { INDEX_SNAPSHOT_FILE, SearchService, SnapshotDamagedError } from '../../src/search/index.js';
import { PAGE_ENTRIES, PagedInt32, pageCrcs } from '../../src/search/snapshot-pages.js';
import { CacheFile } from '../../src/store/cache-file.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { getIncoming } from '../support/briefing-factory.js';
import { makeBriefing } from './make-briefing.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const QUERIES = ['japan tarifs', 'turkiye grain', 'shiping insurance', 'sheild', 'rare earth licences', 'erdogan', 'sanctions oil'];
const QUESTION = 'Is Washington going to revisit car tariffs on Japan?';
const samples = loadSampleBriefings();
/** Enough briefings for the postings to fill several pages. */
const briefings = [...samples, ...Array.from({ length: 150 }, (_, i) => generateBriefing(i))];
const always = (): boolean => true;

/** Where section `name` of a snapshot lies in the file, from its header. */
function sectionBytes(bytes: Buffer, name: string): { start: number; length: number } {
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.subarray(16, 16 + headerLength).toString('utf8')) as { sections: { name: string; offset: number; length: number }[] };
  const section = header.sections.find((s) => s.name === name);
  if (!section) throw new Error(`no section ${name}`);
  return { start: Math.ceil((16 + headerLength) / 8) * 8 + section.offset, length: section.length * 4 };
}

/** `bytes` with one bit flipped in every page of section `name`. */
function damagePages(bytes: Buffer, name: string): Buffer {
  const damaged = Buffer.from(bytes);
  const { start, length } = sectionBytes(damaged, name);
  for (let at = start; at < start + length; at += PAGE_ENTRIES * 4) damaged[at] = (damaged[at] as number) ^ 0x01;
  return damaged;
}

describe('given an Int32Array kept in pages with a CRC-32 each', () => {
  const array = Int32Array.from({ length: PAGE_ENTRIES * 3 + 17 }, (_, i) => i * 7 - 1000);
  const bytes = Buffer.from(array.buffer);
  const paged = (read = (offset: number, length: number) => Uint8Array.prototype.slice.call(bytes, offset, offset + length)) =>
    new PagedInt32(read, array.length, pageCrcs(array), { file: 'snap', name: 'briefings.postingEntries' });

  it('then any range, across page boundaries or in the short last page, reads as the array holds it', () => {
    const pages = paged();
    for (const [start, end] of [[0, 1], [PAGE_ENTRIES - 3, PAGE_ENTRIES + 5], [10, PAGE_ENTRIES * 3 + 2], [PAGE_ENTRIES * 3, array.length], [0, array.length], [5, 5]] as const) {
      expect(Array.from(pages.slice(start, end))).toEqual(Array.from(array.subarray(start, end)));
    }
    expect(() => pages.slice(-1, 3)).toThrow(RangeError);
    expect(() => pages.slice(0, array.length + 1)).toThrow(RangeError);
  });

  it('then a damaged page throws SnapshotDamagedError naming the file and the array, and only ranges on that page do', () => {
    const damaged = Buffer.from(bytes);
    damaged[PAGE_ENTRIES * 4 + 9] = (damaged[PAGE_ENTRIES * 4 + 9] as number) ^ 0x10; // in page 1
    const pages = paged((offset, length) => Uint8Array.prototype.slice.call(damaged, offset, offset + length));
    expect(Array.from(pages.slice(0, 100))).toEqual(Array.from(array.subarray(0, 100)));
    expect(() => pages.slice(PAGE_ENTRIES + 1, PAGE_ENTRIES + 2)).toThrow(SnapshotDamagedError);
    expect(() => pages.slice(PAGE_ENTRIES - 1, PAGE_ENTRIES * 2 + 1)).toThrow('snap: page 1 of briefings.postingEntries is damaged');
  });

  it('then a file that ends early or cannot be read any more throws SnapshotDamagedError, not a crash', () => {
    const pages = paged(() => {
      throw new Error('ends at 100');
    });
    expect(() => pages.slice(0, 10)).toThrow(SnapshotDamagedError);
  });
});

describe('given a snapshot decoded page by page (on-read)', () => {
  let built: BriefingIndex;
  let bytes: Buffer;
  beforeAll(() => {
    built = BriefingIndex.from(briefings);
    const state = built.exportState();
    const snapshot: Snapshot = { state, stamps: state.slugs.map((slug) => (slug === null ? null : 'v1')) };
    bytes = encodeSnapshot(snapshot, 'k');
  });
  const onRead = (file: Buffer = bytes) => decodeSnapshotFrom(rangesOf(file), 'k', { checkBodies: 'on-read', file: 'snap' });

  it('then the postings and documents stay in the file, and search and ask answer exactly as the index it was saved from', () => {
    const decoded = onRead()!;
    expect(decoded.state.briefings.postingEntries).toBeInstanceOf(PagedInt32);
    expect(decoded.state.keyVariables?.index.docTermIds).toBeInstanceOf(PagedInt32);
    expect(decodeSnapshot(bytes, 'k')!.state.briefings.postingEntries).toBeInstanceOf(Int32Array); // read whole: in memory
    const restored = BriefingIndex.restore(decoded.state, briefings, always)!.index;
    for (const query of QUERIES) expect(restored.search(query)).toEqual(built.search(query));
    expect(restored.ask(QUESTION)).toEqual(built.ask(QUESTION));
  });

  it('then importing and removing after it reads every page first, and answers as an index read whole does', () => {
    const paged = BriefingIndex.restore(onRead()!.state, briefings, always)!.index;
    const whole = BriefingIndex.restore(decodeSnapshot(bytes, 'k')!.state, briefings, always)!.index;
    for (const index of [paged, whole]) {
      index.search('japan tarifs'); // some postings read before the change, the rest with it
      index.upsert(makeBriefing({ slug: 'svalbard-fisheries', summary: 'Norway and Russia dispute cod quotas around Svalbard.' }));
      index.remove('japan-tariffs');
    }
    for (const query of [...QUERIES, 'svalbard cod']) expect(paged.search(query)).toEqual(whole.search(query));
    expect(paged.ask(QUESTION)).toEqual(whole.ask(QUESTION));
    expect(paged.exportState()).toEqual(whole.exportState());
  });

  it('then a damaged page of postings makes the file a miss read whole, and a query that reads it throws SnapshotDamagedError', () => {
    const damaged = damagePages(bytes, 'briefings.postingEntries');
    expect(decodeSnapshot(damaged, 'k')).toBeUndefined();
    const decoded = onRead(damaged);
    expect(decoded).toBeDefined(); // the header and the small arrays are intact
    const restored = BriefingIndex.restore(decoded!.state, briefings, always)!.index; // the spot check reads no postings
    expect(() => restored.search('japan tarifs')).toThrow(SnapshotDamagedError);
  });

  it('then stamps that are not what the writer made (under an intact header checksum) make the file a miss read whole, and throw when first asked for by ranges', () => {
    const forged = Buffer.from(bytes);
    const headerLength = forged.readUInt32LE(8);
    const at = forged.indexOf('\\"v1\\"', 16);
    expect(at).toBeGreaterThan(16);
    forged.write('123456', at, 'latin1'); // a number where a stamp belongs; same length, so the layout stays
    forged.writeUInt32LE(crc32(forged.subarray(16, 16 + headerLength)), 12);
    expect(decodeSnapshot(forged, 'k')).toBeUndefined();
    const decoded = onRead(forged)!;
    expect(decoded.state.slugs.length).toBeGreaterThan(100);
    expect(() => decoded.stamps).toThrow(SnapshotDamagedError);
    expect(onRead()!.stamps).toEqual(decodeSnapshot(bytes, 'k')!.stamps);
  });

  it("then a damaged page of the documents' terms is caught by the spot check on restore", () => {
    const damaged = damagePages(bytes, 'briefings.docTermIds');
    expect(decodeSnapshot(damaged, 'k')).toBeUndefined();
    expect(() => BriefingIndex.restore(onRead(damaged)!.state, briefings, always)).toThrow(SnapshotDamagedError);
  });
});

describe('given a data directory whose snapshot has damaged postings', () => {
  it("then a one-shot search and ask give the archive's answers, and the snapshot is rewritten so the next one takes the short path", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-snapshot-pages-'));
    const archive = await LowdbBriefingArchive.open(dir);
    await archive.save(briefings.map((b) => getIncoming(b)), T1);
    const snapshot = new CacheFile(join(dir, INDEX_SNAPSHOT_FILE));
    await (await SearchService.open(archive, { snapshot, lazy: true })).close();
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: { LUMEN_DATA_DIR: dir }, cwd: dir, now: () => new Date() };
    const answer = () => answerOneShot(io, ({ view, path }) => ({ path, search: QUERIES.map((q) => view.search(q)), ask: view.ask(QUESTION) }));
    const intact = await answer();
    expect(intact.ok && intact.value.path).toBe('snapshot-only');

    for (const name of ['briefings.postingEntries', 'keyVariables.postingEntries']) {
      const bytes = damagePages(await readFile(snapshot.name), name);
      await writeFile(snapshot.name, bytes);
      const damaged = await answer();
      expect(damaged.ok && damaged.value.path).toBe('archive');
      expect(damaged.ok && { ...damaged.value, path: 'snapshot-only' }).toEqual(intact.ok && intact.value);
      expect((await readFile(snapshot.name)).equals(bytes)).toBe(false);
      const next = await answer();
      expect(next.ok && next.value).toEqual(intact.ok && intact.value);
    }
  });
});
