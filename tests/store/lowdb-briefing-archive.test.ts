import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_CATALOG_FILE_NAME } from '../../src/store/archive-catalog-cache.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { LowdbBriefingArchive, ARCHIVE_FILE_NAME } from '../../src/store/lowdb-briefing-archive.js';
import { StoreCorruptError } from '../../src/store/store-errors.js';
import { getIncoming } from '../support/briefing-factory.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const T2 = new Date('2026-11-25T09:00:00.000Z');
const memoryArchive = () => LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>());

describe('given an empty archive', () => {
  it('then a new briefing is imported at revision 1 with the first archive position', async () => {
    const archive = await memoryArchive();
    const results = await archive.save([getIncoming({ slug: 'a' })], T1);
    expect(results).toEqual([{ slug: 'a', outcome: 'imported', revision: 1 }]);
    expect(archive.get('a')).toMatchObject({ revision: 1, seq: 1, importedAt: T1.toISOString() });
    expect(archive.lastSeq).toBe(1);
  });

  it('then re-importing the same content is unchanged and changed content is an update, never a duplicate', async () => {
    const archive = await memoryArchive();
    const first = getIncoming({ slug: 'a' });
    await archive.save([first], T1);
    expect(await archive.save([first], T2)).toEqual([{ slug: 'a', outcome: 'unchanged', revision: 1 }]);
    const changed = { ...first, briefing: { ...first.briefing, summary: 'New summary.' }, contentHash: 'f'.repeat(64) };
    expect(await archive.save([changed], T2)).toEqual([{ slug: 'a', outcome: 'updated', revision: 2 }]);
    expect(archive.size).toBe(1);
    expect(archive.get('a')).toMatchObject({ revision: 2, seq: 1, updatedAt: T2.toISOString() });
    expect(archive.get('a')?.briefing.summary).toBe('New summary.');
  });

  it('then an update without a date in the file keeps the first publication date', async () => {
    const archive = await memoryArchive();
    await archive.save([getIncoming({ slug: 'a', publishedAt: T1.toISOString() }, false)], T1);
    await archive.save([{ ...getIncoming({ slug: 'a', publishedAt: T2.toISOString() }, false), contentHash: 'e'.repeat(64) }], T2);
    expect(archive.get('a')?.briefing.publishedAt).toBe(T1.toISOString());
  });

  it('then list is newest published first and importedAfter follows archive order', async () => {
    const archive = await memoryArchive();
    await archive.save(
      [getIncoming({ slug: 'old', publishedAt: '2026-01-01T00:00:00.000Z' }), getIncoming({ slug: 'new', publishedAt: '2026-06-01T00:00:00.000Z' })],
      T1,
    );
    await archive.save([getIncoming({ slug: 'middle', publishedAt: '2026-03-01T00:00:00.000Z' })], T2);
    expect(archive.list().map((b) => b.briefing.slug)).toEqual(['new', 'middle', 'old']);
    expect(archive.importedAfter(1).map((b) => b.briefing.slug)).toEqual(['new', 'middle']);
  });

  it('then listeners hear about imported and updated briefings, not unchanged ones', async () => {
    const archive = await memoryArchive();
    const heard: string[][] = [];
    archive.onChange((changed) => heard.push(changed.map((c) => c.briefing.slug)));
    const a = getIncoming({ slug: 'a' });
    await archive.save([a], T1);
    await archive.save([a, getIncoming({ slug: 'b' })], T2);
    expect(heard).toEqual([['a'], ['b']]);
  });
});

describe('given an archive on disk', () => {
  it('then it survives a reopen with the same content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-archive-'));
    const archive = await LowdbBriefingArchive.open(dir);
    await archive.save([getIncoming({ slug: 'a' }), getIncoming({ slug: 'b' })], T1);
    const reopened = await LowdbBriefingArchive.open(dir);
    expect(reopened.list()).toEqual(archive.list());
    expect(reopened.lastSeq).toBe(2);
  });

  it('then a hand-broken file is refused with an error naming it, and is never overwritten', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-archive-'));
    const file = join(dir, ARCHIVE_FILE_NAME);
    await writeFile(file, '{"version":1,"nextSeq":1,"briefings":[{"oops"');
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(StoreCorruptError);
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(`${file}: is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"nextSeq":1,"briefings":[{"oops"');
  });

  it('then valid JSON of the wrong shape is refused naming the path of the problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-archive-'));
    await writeFile(join(dir, ARCHIVE_FILE_NAME), JSON.stringify({ version: 1, nextSeq: 2, briefings: [{ revision: 1 }] }));
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(/does not match the expected shape at briefings\.0\.briefing/);
  });

  it('then a failed write leaves memory as it was, so what is served matches the file', async () => {
    class FailingDisk extends Memory<ArchiveFile> {
      failNext = false;
      override async write(data: ArchiveFile): Promise<void> {
        if (this.failNext) throw new Error('ENOSPC: no space left on device');
        return super.write(data);
      }
    }
    const disk = new FailingDisk();
    const archive = await LowdbBriefingArchive.fromAdapter(disk);
    await archive.save([getIncoming({ slug: 'a' })], T1);
    disk.failNext = true;
    await expect(archive.save([getIncoming({ slug: 'b' })], T2)).rejects.toThrow('ENOSPC');
    expect(archive.get('b')).toBeUndefined();
    expect(archive.lastSeq).toBe(1);
    expect(archive.list().map((b) => b.briefing.slug)).toEqual(['a']);
  });

  it('then files are written only inside the data directory, with no temp file left behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-archive-'));
    const archive = await LowdbBriefingArchive.open(dir);
    await archive.save([getIncoming({ slug: 'a' })], T1);
    // The archive and its list cache (issue 13), each renamed into place: no temp file stays.
    expect((await readdir(dir)).sort()).toEqual([ARCHIVE_CATALOG_FILE_NAME, ARCHIVE_FILE_NAME].sort());
  });
});
