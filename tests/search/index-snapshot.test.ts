import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Memory } from 'lowdb';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSearchIndex } from '../../src/library/search-index-cache.js';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/search/index-snapshot.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { getIncoming } from '../support/briefing-factory.js';
import { makeBriefing } from './make-briefing.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const QUERIES = ['japan tarifs', 'turkiye grain', 'shiping insurance', 'sheild', 'rare earth licences', 'erdogan'];
const samples = loadSampleBriefings();

/** A sample archive in memory, and a fresh file name in a temporary directory for its snapshot. */
async function sampleArchive(): Promise<{ archive: LowdbBriefingArchive; file: string }> {
  const archive = await LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>());
  await archive.save(samples.map((briefing) => getIncoming(briefing)), T1);
  return { archive, file: join(await mkdtemp(join(tmpdir(), 'lumen-snapshot-')), 'search-index.snapshot') };
}

describe('given a search index saved as a snapshot and read back', () => {
  let built: BriefingIndex;
  let restored: BriefingIndex;
  beforeAll(() => {
    built = BriefingIndex.from(samples);
    const state = decodeSnapshot(encodeSnapshot(built.exportState(), 'k'), 'k');
    restored = BriefingIndex.restore(state!, samples) as BriefingIndex;
  });

  it('then search, ask and autocomplete answer exactly as the index it was saved from', () => {
    expect(restored).toBeDefined();
    for (const query of QUERIES) expect(restored.search(query)).toEqual(built.search(query));
    expect(restored.ask('Is Washington going to revisit car tariffs on Japan?')).toEqual(built.ask('Is Washington going to revisit car tariffs on Japan?'));
    expect(restored.autocomplete('japa')).toEqual(built.autocomplete('japa'));
  });

  it('then an import after loading is searchable, and a removed briefing is gone', () => {
    const index = BriefingIndex.restore(decodeSnapshot(encodeSnapshot(built.exportState(), 'k'), 'k')!, samples)!;
    index.upsert(makeBriefing({ slug: 'svalbard-fisheries', summary: 'Norway and Russia dispute cod quotas around Svalbard.' }));
    expect(index.search('svalbard cod')[0]?.slug).toBe('svalbard-fisheries');
    index.remove('japan-tariffs');
    expect(index.search('japan tarifs').map((r) => r.slug)).not.toContain('japan-tariffs');
  });

  it('then a file cut short, of another key, or not a snapshot at all is a miss, not an error', () => {
    const bytes = encodeSnapshot(built.exportState(), 'k');
    expect(decodeSnapshot(bytes, 'other key')).toBeUndefined();
    expect(decodeSnapshot(bytes.subarray(0, bytes.length - 100), 'k')).toBeUndefined();
    expect(decodeSnapshot(bytes.subarray(0, 30), 'k')).toBeUndefined();
    expect(decodeSnapshot(Buffer.from('{"version":1}'), 'k')).toBeUndefined();
  });

  it('then a snapshot that today\'s tokenizer would not have made (a spot-checked briefing differs) is refused', () => {
    const state = built.exportState();
    // As if an older tokenizer had dropped the last word of one field: its length no longer agrees.
    state.briefings.lengths[4] = (state.briefings.lengths[4] as number) - 1;
    expect(BriefingIndex.restore(state, samples)).toBeUndefined();
  });

  it('then a snapshot for other briefings is refused', () => {
    const state = built.exportState();
    expect(BriefingIndex.restore(state, samples.slice(1))).toBeUndefined();
    expect(BriefingIndex.restore(state, [...samples.slice(1), makeBriefing({ slug: 'another' })])).toBeUndefined();
  });
});

describe('given an archive and its snapshot file', () => {
  it('then the first load builds and saves, the next reads the file, and both answer the same', async () => {
    const { archive, file } = await sampleArchive();
    const first = await loadSearchIndex(archive, file, { lazy: true });
    const second = await loadSearchIndex(archive, file, { lazy: true });
    expect([first.from, second.from]).toEqual(['build', 'snapshot']);
    for (const query of QUERIES) expect(second.index.search(query)).toEqual(first.index.search(query));
  });

  it('then an import makes the snapshot stale, and the new briefing is found', async () => {
    const { archive, file } = await sampleArchive();
    await loadSearchIndex(archive, file);
    await archive.save([getIncoming({ slug: 'svalbard-fisheries', summary: 'Norway and Russia dispute cod quotas around Svalbard.' })], T1);
    const after = await loadSearchIndex(archive, file);
    expect(after.from).toBe('build');
    expect(after.index.search('svalbard cod')[0]?.slug).toBe('svalbard-fisheries');
    expect((await loadSearchIndex(archive, file)).from).toBe('snapshot');
  });

  it('then a torn snapshot file is rebuilt and overwritten', async () => {
    const { archive, file } = await sampleArchive();
    await loadSearchIndex(archive, file);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    const loaded = await loadSearchIndex(archive, file);
    expect(loaded.from).toBe('build');
    expect(loaded.index.search('japan tarifs')[0]?.slug).toBe('japan-tariffs');
    expect((await readFile(file)).length).toBe(bytes.length);
  });

  it('then a snapshot that cannot be written (its folder is missing) still gives a working index', async () => {
    const { archive } = await sampleArchive();
    const loaded = await loadSearchIndex(archive, join(tmpdir(), 'lumen-no-such-folder', 'nested', 'search-index.snapshot'));
    expect(loaded.index.search('japan tarifs')[0]?.slug).toBe('japan-tariffs');
  });
});
