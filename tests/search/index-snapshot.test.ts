import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Memory } from 'lowdb';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { SearchService } from '../../src/search/index.js';
import { loadSearchIndex as loadFrom } from '../../src/search/snapshot-loader.js';
import { SnapshotSaver } from '../../src/search/snapshot-saver.js';
import { CacheFile } from '../../src/store/cache-file.js';
import { decodeSnapshot, encodeSnapshot, encodingFingerprint, SNAPSHOT_FORMAT, type Snapshot } from '../../src/search/index-snapshot.js';
import { gazetteerEntities } from '../../src/search/gazetteer.js';
import { createLexicon } from '../../src/search/lexicon.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { getIncoming } from '../support/briefing-factory.js';
import { makeBriefing } from './make-briefing.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const QUERIES = ['japan tarifs', 'turkiye grain', 'shiping insurance', 'sheild', 'rare earth licences', 'erdogan'];
const samples = loadSampleBriefings();
const SVALBARD = { slug: 'svalbard-fisheries', summary: 'Norway and Russia dispute cod quotas around Svalbard.' };

/** A snapshot of `index` with every document stamped `v1`. */
const snapshotOf = (index: BriefingIndex): Snapshot => {
  const state = index.exportState();
  return { state, stamps: state.slugs.map((slug) => (slug === null ? null : 'v1')) };
};
const always = (): boolean => true;
const loadSearchIndex = (archive: LowdbBriefingArchive, file: string, options: { lazy?: boolean } = {}) => loadFrom(archive, new CacheFile(file), options);

/** A sample archive in memory, and a fresh file name in a temporary directory for its snapshot. */
async function sampleArchive(): Promise<{ archive: LowdbBriefingArchive; file: string }> {
  const archive = await LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>());
  await archive.save(samples.map((briefing) => getIncoming(briefing)), T1);
  return { archive, file: join(await mkdtemp(join(tmpdir(), 'lumen-snapshot-')), 'search-index.snapshot') };
}

describe('given a search index saved as a snapshot and read back', () => {
  let built: BriefingIndex;
  let bytes: Buffer;
  beforeAll(() => {
    built = BriefingIndex.from(samples);
    bytes = encodeSnapshot(snapshotOf(built), 'k');
  });
  const restore = (): BriefingIndex => BriefingIndex.restore(decodeSnapshot(bytes, 'k')!.state, samples, always)!.index;

  it('then search, ask and autocomplete answer exactly as the index it was saved from', () => {
    const restored = restore();
    for (const query of QUERIES) expect(restored.search(query)).toEqual(built.search(query));
    const question = 'Is Washington going to revisit car tariffs on Japan?';
    expect(restored.ask(question)).toEqual(built.ask(question));
    expect(restored.autocomplete('japa')).toEqual(built.autocomplete('japa'));
  });

  it('then an import after loading is searchable, and a removed briefing is gone', () => {
    const index = restore();
    index.upsert(makeBriefing(SVALBARD));
    expect(index.search('svalbard cod')[0]?.slug).toBe('svalbard-fisheries');
    index.remove('japan-tariffs');
    expect(index.search('japan tarifs').map((r) => r.slug)).not.toContain('japan-tariffs');
  });

  it('then a file cut short, damaged, of another key or not a snapshot at all is a miss, not an error', () => {
    expect(decodeSnapshot(bytes, 'k')).toBeDefined();
    expect(decodeSnapshot(bytes, 'other key')).toBeUndefined();
    expect(decodeSnapshot(bytes.subarray(0, bytes.length - 100), 'k')).toBeUndefined();
    expect(decodeSnapshot(bytes.subarray(0, 30), 'k')).toBeUndefined();
    expect(decodeSnapshot(Buffer.from('{"version":1}'), 'k')).toBeUndefined();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] as number) ^ 0xff; // one byte of a posting
    expect(decodeSnapshot(flipped, 'k')).toBeUndefined();
  });

  it('then a header of the right format but the wrong shape is a miss, not a crash', () => {
    // Of today's format, with an intact header checksum: only the shape is wrong.
    const shapes = [
      { sections: 7 },
      { sections: [], briefings: null },
      { sections: [{ name: 'order', kind: 'i32', offset: 0, length: 1e12 }] },
      { eagerSize: 8, sections: [{ name: 'briefings.postingEntries', kind: 'i32', offset: 0, length: 2 }] }, // a paged array not marked so
      { sections: [{ name: 'order', kind: 'i32', offset: 0, length: 2, paged: true }] }, // marked paged, but not a paged array
    ];
    for (const shape of shapes) {
      const header = Buffer.from(JSON.stringify({ format: SNAPSHOT_FORMAT, key: 'k', endianness: endianness(), bodiesLength: 0, eagerSize: 0, ...shape }));
      const forged = Buffer.concat([Buffer.from(`LUMENIX${SNAPSHOT_FORMAT}`, 'latin1'), Buffer.alloc(8), header]);
      forged.writeUInt32LE(header.length, 8);
      forged.writeUInt32LE(crc32(header), 12);
      expect(() => decodeSnapshot(forged, 'k')).not.toThrow();
      expect(decodeSnapshot(forged, 'k')).toBeUndefined();
    }
  });

  it("then a snapshot that today's tokenizer would not have made (a spot-checked briefing differs) is refused", () => {
    const state = built.exportState();
    // As if an older tokenizer had dropped the last word of one field: its length no longer agrees.
    state.briefings.lengths[4] = (state.briefings.lengths[4] as number) - 1;
    expect(BriefingIndex.restore(state, samples, always)).toBeUndefined();
  });

  it('then briefings changed, added or gone since the snapshot are re-indexed on restore', () => {
    const japan = samples.find((b) => b.slug === 'japan-tariffs')!;
    const changed = { ...japan, summary: 'Tokyo and Washington now argue about whaling quotas.' };
    const current = [...samples.filter((b) => b.slug !== 'japan-tariffs' && b.slug !== 'red-sea-shipping'), changed, makeBriefing(SVALBARD)];
    const state = built.exportState();
    const restored = BriefingIndex.restore(state, current, (doc) => state.slugs[doc] !== 'japan-tariffs', { lazy: true })!;
    expect(restored.updated).toBe(4); // japan-tariffs out and in, red-sea-shipping out, svalbard in
    expect(restored.index.search('whaling')[0]?.slug).toBe('japan-tariffs');
    expect(restored.index.search('svalbard cod')[0]?.slug).toBe('svalbard-fisheries');
    expect(restored.index.search('houthi red sea').map((r) => r.slug)).not.toContain('red-sea-shipping');
    expect(restored.index.size).toBe(current.length);
  });

  it('then the key changes with the lexicon, so a snapshot made with other word lists is never read', () => {
    const other = createLexicon({ extraEntities: [{ name: 'Svalbard', aliases: ['longyearbyen'] }] });
    expect(encodingFingerprint(other)).not.toBe(encodingFingerprint(createLexicon()));
  });
});

describe('given an archive and its snapshot file', () => {
  it('then the first load builds and saves, the next reads the file, and both answer the same', async () => {
    const { archive, file } = await sampleArchive();
    const first = await loadSearchIndex(archive, file, { lazy: true });
    const second = await loadSearchIndex(archive, file, { lazy: true });
    expect([first.from, first.saved, second.from, second.saved]).toEqual(['build', true, 'snapshot', false]);
    for (const query of QUERIES) expect(second.index.search(query)).toEqual(first.index.search(query));
  });

  it('then an import re-indexes just the new briefing on the next load, which saves the snapshot again', async () => {
    const { archive, file } = await sampleArchive();
    await loadSearchIndex(archive, file);
    await archive.save([getIncoming(SVALBARD)], T1);
    const after = await loadSearchIndex(archive, file);
    expect([after.from, after.updated, after.saved]).toEqual(['updated', 1, true]);
    expect(after.index.search('svalbard cod')[0]?.slug).toBe('svalbard-fisheries');
    expect((await loadSearchIndex(archive, file)).from).toBe('snapshot');
  });

  it('then the live index saved after an update of a briefing is read back with the new text, not the old', async () => {
    const { archive, file } = await sampleArchive();
    const search = await SearchService.open(archive, { snapshot: new CacheFile(file) });
    const japan = samples.find((b) => b.slug === 'japan-tariffs')!;
    await archive.save([getIncoming({ ...japan, summary: 'Tokyo and Washington now argue about whaling quotas.' })], T1);
    expect(search.view.search('whaling')[0]?.slug).toBe('japan-tariffs');
    expect(await search.saveSnapshot()).toBeUndefined();
    const loaded = await loadSearchIndex(archive, file);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.index.search('whaling')[0]?.slug).toBe('japan-tariffs');
    expect(loaded.index.size).toBe(samples.length);
    await search.close();
  });

  it('then a torn snapshot file is rebuilt, said so, and overwritten', async () => {
    const { archive, file } = await sampleArchive();
    await loadSearchIndex(archive, file);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    const loaded = await loadSearchIndex(archive, file);
    expect(loaded.from).toBe('build');
    expect(loaded.problem).toContain(file);
    expect(loaded.index.search('japan tarifs')[0]?.slug).toBe('japan-tariffs');
    expect((await readFile(file)).length).toBe(bytes.length);
  });

  it('then a snapshot that cannot be written still gives a working index, and says why', async () => {
    const { archive } = await sampleArchive();
    const file = join(tmpdir(), 'lumen-no-such-folder', 'nested', 'search-index.snapshot');
    const loaded = await loadSearchIndex(archive, file);
    expect(loaded.saved).toBe(false);
    expect(loaded.problem).toContain(file);
    expect(loaded.index.search('japan tarifs')[0]?.slug).toBe('japan-tariffs');
  });
});

describe('given changes arriving while the snapshot is being saved', () => {
  it('then they are covered by one more save after it, never by saves running at once', async () => {
    let running = 0;
    let most = 0;
    let saves = 0;
    const failures: unknown[] = [];
    const saver = new SnapshotSaver(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      saves++;
      running--;
    }, (error) => failures.push(error));
    saver.request();
    await new Promise((resolve) => setTimeout(resolve, 5));
    saver.request();
    saver.request();
    saver.request();
    await saver.whenIdle();
    expect([saves, most, failures]).toEqual([2, 1, []]);
  });

  it('reports a save that throws and keeps saving after it, its own promise never rejecting', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const saver = new SnapshotSaver(async () => {
      calls++;
      if (calls === 1) throw new Error('disk full');
    }, (error) => errors.push(error));
    saver.request();
    await saver.whenIdle();
    saver.request();
    await saver.whenIdle();
    expect([calls, errors.map((e) => (e as Error).message)]).toEqual([2, ['disk full']]);
  });

  it('keeps saving when the reporter of a failed save throws too', async () => {
    let calls = 0;
    const saver = new SnapshotSaver(async () => {
      calls++;
      if (calls === 1) throw new Error('disk full');
    }, () => {
      throw new Error('logger closed');
    });
    saver.request();
    await saver.whenIdle();
    saver.request();
    await saver.whenIdle();
    expect(calls).toBe(2);
  });
});

describe('given snapshots stamped with the build that wrote them', () => {
  /** A snapshot whose terms today's rules would not make (one field one term short), as another build might have written it. */
  async function foreignSnapshot(writer: string | undefined): Promise<{ archive: LowdbBriefingArchive; file: string }> {
    const { archive, file } = await sampleArchive();
    const state = BriefingIndex.from(samples).exportState();
    state.briefings.lengths[4] = (state.briefings.lengths[4] as number) - 1;
    const stamps = state.slugs.map((slug) => {
      const stored = slug === null ? undefined : archive.get(slug);
      return stored ? `${stored.revision}:${stored.contentHash}` : null;
    });
    const snapshot: Snapshot = { state, stamps, ...(writer !== undefined && { writer }) };
    await writeFile(file, encodeSnapshot(snapshot, encodingFingerprint(createLexicon({ extraEntities: gazetteerEntities() }))));
    return { archive, file };
  }

  it('then one of another build, or of no known build, is spot-checked and rebuilt; one of this build is trusted as it is', async () => {
    for (const [wrote, reads, from] of [
      ['build A', 'build B', 'build'],
      [undefined, 'build B', 'build'],
      ['build A', undefined, 'build'],
      ['build B', 'build B', 'snapshot'],
    ] as const) {
      const { archive, file } = await foreignSnapshot(wrote);
      const loaded = await loadFrom(archive, new CacheFile(file, { writer: reads }), { lazy: true });
      expect([wrote, reads, loaded.from]).toEqual([wrote, reads, from]);
    }
  });

  it('then a snapshot saved through a storage with a writer carries it, and the next load of that build takes it as it is', async () => {
    const { archive, file } = await sampleArchive();
    const storage = new CacheFile(file, { writer: 'build C' });
    expect((await loadFrom(archive, storage, { lazy: true })).from).toBe('build');
    expect(decodeSnapshot(await readFile(file), encodingFingerprint(createLexicon({ extraEntities: gazetteerEntities() })))?.writer).toBe('build C');
    expect((await loadFrom(archive, storage, { lazy: true })).from).toBe('snapshot');
  });
});
