import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { INDEX_SNAPSHOT_FILE, SearchService } from '../../src/search/index.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { CacheFile } from '../../src/store/cache-file.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { getIncoming } from '../support/briefing-factory.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { SEED_PATH } from '../support/seed.js';
import { makeBriefing } from './make-briefing.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const samples = loadSampleBriefings();

async function sampleArchive(): Promise<{ archive: LowdbBriefingArchive; snapshot: CacheFile }> {
  const archive = await LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>());
  await archive.save(samples.map((briefing) => getIncoming(briefing)), T1);
  return { archive, snapshot: new CacheFile(join(await mkdtemp(join(tmpdir(), 'lumen-service-')), INDEX_SNAPSHOT_FILE)) };
}

describe('given the search service on an archive', () => {
  it('then a briefing saved to the archive is found at once, and the snapshot saved after it holds it for the next process', async () => {
    const { archive, snapshot } = await sampleArchive();
    // A listener added before the service must not matter: the service updates the index itself, then saves.
    let heardFirst = 0;
    archive.onChange(() => heardFirst++);
    const service = await SearchService.open(archive, { snapshot, saveOnChange: true });
    await archive.save([getIncoming(makeBriefing({ slug: 'svalbard-cod', summary: 'Norway and Russia dispute cod quotas around Svalbard.' }))], T1);
    expect(service.view.search('svalbard cod')[0]?.slug).toBe('svalbard-cod');
    await service.whenIdle();
    const next = await SearchService.open(archive, { snapshot, lazy: true });
    expect([heardFirst, next.origin.from]).toEqual([1, 'snapshot']);
    expect(next.view.search('svalbard cod')[0]?.slug).toBe('svalbard-cod');
    await Promise.all([service.close(), next.close()]);
  });

  it('then a topic subscription sees a briefing imported after its first check (the topic cache follows changes)', async () => {
    const { archive } = await sampleArchive();
    const service = await SearchService.open(archive);
    const cod = makeBriefing({ slug: 'svalbard-cod', summary: 'Norway and Russia dispute cod quotas around Svalbard.' });
    expect(service.view.matchesTopic(cod, 'svalbard')).toBe(false);
    await archive.save([getIncoming(cod)], T1);
    expect(service.view.matchesTopic(cod, 'svalbard')).toBe(true);
    await service.close();
  });

  it('then after close it no longer follows the archive', async () => {
    const { archive } = await sampleArchive();
    const service = await SearchService.open(archive);
    await service.close();
    await archive.save([getIncoming(makeBriefing({ slug: 'svalbard-cod', summary: 'Svalbard cod.' }))], T1);
    expect(service.view.search('svalbard')).toEqual([]);
  });
});

describe('given lumen import', () => {
  it('then it leaves the index snapshot current, so the next lumen search reads it without re-indexing', async () => {
    const dataDir = await tempDataDir();
    expect((await runLumen(['import', SEED_PATH], { dataDir })).code).toBe(0);
    const archive = await LowdbBriefingArchive.open(dataDir);
    const service = await SearchService.open(archive, { snapshot: new CacheFile(join(dataDir, INDEX_SNAPSHOT_FILE)), lazy: true });
    expect(service.origin).toMatchObject({ from: 'snapshot', updated: 0 });
    await service.close();
  });
});
