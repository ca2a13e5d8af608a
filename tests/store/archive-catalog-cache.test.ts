/**
 * Issue 13: `archive.catalog.json`, the small cache `lumen list` reads instead of the whole
 * archive. It lists exactly what the archive holds, is trusted only while archive.json is the
 * file it was made from, and a missing, torn or invalid one costs a full read, never a wrong list.
 */
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_CATALOG_FILE_NAME } from '../../src/store/archive-catalog-cache.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { fileSignature } from '../../src/store/file-signature.js';
import { ARCHIVE_FILE_NAME, LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { readArchiveCatalog } from '../../src/store/read-archive-catalog.js';
import { writeFileAtomically } from '../../src/store/write-file-atomically.js';
import { getIncoming } from '../support/briefing-factory.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const T2 = new Date('2026-11-25T09:00:00.000Z');

interface CatalogOnDisk {
  version: number;
  archiveSignature: string;
  entries: { slug: string; title: string; publishedAt: string }[];
}

/** A data directory whose archive was written by lumen: three briefings, then one updated. */
async function savedArchive(): Promise<{ dir: string; archive: LowdbBriefingArchive }> {
  const dir = await mkdtemp(join(tmpdir(), 'lumen-catalog-'));
  const archive = await LowdbBriefingArchive.open(dir);
  await archive.save(
    [
      getIncoming({ slug: 'old', title: 'Old', publishedAt: '2026-01-01T00:00:00.000Z' }),
      getIncoming({ slug: 'new', title: 'New', publishedAt: '2026-06-01T00:00:00.000Z' }),
    ],
    T1,
  );
  await archive.save([getIncoming({ slug: 'middle', title: 'Middle', publishedAt: '2026-03-01T00:00:00.000Z' }), getIncoming({ slug: 'old', title: 'Old, revised', publishedAt: '2026-01-01T00:00:00.000Z' })], T2);
  return { dir, archive };
}

const rowsOf = (archive: LowdbBriefingArchive) => archive.list().map(({ briefing: { slug, title, publishedAt } }) => ({ slug, title, publishedAt }));
const catalogPath = (dir: string) => join(dir, ARCHIVE_CATALOG_FILE_NAME);
const readCatalog = async (dir: string) => JSON.parse(await readFile(catalogPath(dir), 'utf8')) as CatalogOnDisk;
const readArchive = async (dir: string) => JSON.parse(await readFile(join(dir, ARCHIVE_FILE_NAME), 'utf8')) as ArchiveFile;

describe('given an archive written by lumen (imports and updates)', () => {
  it('then the catalog beside it lists exactly what the archive holds, newest first, stamped with the file it was made from', async () => {
    const { dir, archive } = await savedArchive();
    const catalog = await readCatalog(dir);
    expect(catalog.entries).toEqual(rowsOf(archive));
    expect(catalog.entries.map((e) => e.title)).toEqual(['New', 'Middle', 'Old, revised']);
    expect(catalog.archiveSignature).toBe(await fileSignature(join(dir, ARCHIVE_FILE_NAME)));
    expect(await readArchiveCatalog(dir)).toEqual(rowsOf(archive));
  });

  it('then list reads the catalog, not the archive, while its stamp matches', async () => {
    const { dir } = await savedArchive();
    const catalog = await readCatalog(dir);
    // Only a catalog that is really used can change what list prints.
    await writeFile(catalogPath(dir), JSON.stringify({ ...catalog, entries: [{ slug: 'from-catalog', title: 'From the catalog', publishedAt: T1.toISOString() }] }));
    expect((await readArchiveCatalog(dir)).map((e) => e.slug)).toEqual(['from-catalog']);
  });
});

describe('given archive.json changed behind the catalog', () => {
  it('then a hand edit of another size is listed (full read), and the catalog is refreshed to it', async () => {
    const { dir } = await savedArchive();
    const data = await readArchive(dir);
    (data.briefings[0] as ArchiveFile['briefings'][number]).briefing.title = 'Edited by hand, longer than before';
    await writeFile(join(dir, ARCHIVE_FILE_NAME), JSON.stringify(data));
    const rows = await readArchiveCatalog(dir);
    expect(rows.find((r) => r.slug === data.briefings[0]?.briefing.slug)?.title).toBe('Edited by hand, longer than before');
    const catalog = await readCatalog(dir);
    expect(catalog.entries).toEqual(rows);
    expect(catalog.archiveSignature).toBe(await fileSignature(join(dir, ARCHIVE_FILE_NAME)));
  });

  it('then an edit in place of the same size is caught by the modification time', async () => {
    const { dir } = await savedArchive();
    const file = join(dir, ARCHIVE_FILE_NAME);
    const text = await readFile(file, 'utf8');
    const edited = text.replace('"title":"Middle"', '"title":"Muddle"');
    expect(edited.length).toBe(text.length);
    await writeFile(file, edited);
    // A later mtime, as any editor leaves, whatever the file system's timestamp granularity.
    await utimes(file, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    expect((await readArchiveCatalog(dir)).map((r) => r.title)).toEqual(['New', 'Muddle', 'Old, revised']);
  });

  it('then a rewrite by an older lumen that knows no catalog (atomic, one more briefing) is listed', async () => {
    const { dir } = await savedArchive();
    const data = await readArchive(dir);
    const extra = structuredClone(data.briefings[0] as ArchiveFile['briefings'][number]);
    extra.briefing = { ...extra.briefing, slug: 'added-elsewhere', title: 'Added elsewhere', publishedAt: '2026-12-01T00:00:00.000Z' };
    extra.seq = data.nextSeq++;
    data.briefings.push(extra);
    await writeFileAtomically(join(dir, ARCHIVE_FILE_NAME), JSON.stringify(data), { durable: false });
    expect((await readArchiveCatalog(dir)).map((r) => r.slug)).toEqual(['added-elsewhere', 'new', 'middle', 'old']);
  });
});

/** The catalog's text with its last entry changed by `edit`. */
function editEntries(text: string, edit: (entry: CatalogOnDisk['entries'][number]) => Record<string, unknown>): string {
  const catalog = JSON.parse(text) as CatalogOnDisk;
  const entries: unknown[] = [...catalog.entries];
  entries[entries.length - 1] = edit(catalog.entries[catalog.entries.length - 1] as CatalogOnDisk['entries'][number]);
  return JSON.stringify({ ...catalog, entries });
}

describe('given a catalog that cannot be trusted', () => {
  it.each([
    { what: 'torn (cut off mid-write)', damage: (text: string) => text.slice(0, Math.floor(text.length / 2)) },
    { what: 'valid JSON of the wrong shape', damage: (text: string) => JSON.stringify({ ...(JSON.parse(text) as CatalogOnDisk), entries: [{ slug: 42 }] }) },
    { what: 'empty', damage: () => '' },
    { what: 'an entry with a key more', damage: (text: string) => editEntries(text, (e) => ({ ...e, extra: 1 })) },
    { what: 'an entry without its date', damage: (text: string) => editEntries(text, ({ slug, title }) => ({ slug, title })) },
    { what: 'an entry with an empty slug', damage: (text: string) => editEntries(text, (e) => ({ ...e, slug: '' })) },
    { what: 'an entry whose title is not a string', damage: (text: string) => editEntries(text, (e) => ({ ...e, title: null })) },
    { what: 'a catalog with a key more', damage: (text: string) => JSON.stringify({ ...(JSON.parse(text) as CatalogOnDisk), extra: true }) },
    { what: 'a catalog of another version', damage: (text: string) => JSON.stringify({ ...(JSON.parse(text) as CatalogOnDisk), version: 2 }) },
    { what: 'a catalog whose entries are not a list', damage: (text: string) => JSON.stringify({ ...(JSON.parse(text) as CatalogOnDisk), entries: {} }) },
    { what: 'an entry with an own __proto__ key', damage: (text: string) => text.replace('{"slug":', '{"__proto__":{},"slug":') },
  ])('then a $what catalog is ignored and list reads the archive', async ({ damage }) => {
    const { dir, archive } = await savedArchive();
    await writeFile(catalogPath(dir), damage(await readFile(catalogPath(dir), 'utf8')));
    expect(await readArchiveCatalog(dir)).toEqual(rowsOf(archive));
  });

  it('then deleting it is safe: list reads the archive and leaves a fresh catalog, and opening the archive writes one too', async () => {
    const { dir, archive } = await savedArchive();
    await rm(catalogPath(dir));
    expect(await readArchiveCatalog(dir)).toEqual(rowsOf(archive));
    expect((await readCatalog(dir)).entries).toEqual(rowsOf(archive));
    await rm(catalogPath(dir));
    const reopened = await LowdbBriefingArchive.open(dir);
    expect((await readCatalog(dir)).entries).toEqual(rowsOf(reopened));
  });

  it('then a catalog that cannot be written (a directory in its place) never fails the save, and list still reads the archive', async () => {
    const { dir, archive } = await savedArchive();
    await rm(catalogPath(dir));
    await mkdir(catalogPath(dir));
    await expect(archive.save([getIncoming({ slug: 'latest', publishedAt: '2026-12-24T00:00:00.000Z' })], T2)).resolves.toEqual([{ slug: 'latest', outcome: 'imported', revision: 1 }]);
    expect((await readArchiveCatalog(dir)).map((r) => r.slug)).toEqual(['latest', 'new', 'middle', 'old']);
  });
});

describe('given no archive yet', () => {
  it('then list is empty and no catalog is made for a file that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-catalog-'));
    expect(await readArchiveCatalog(dir)).toEqual([]);
    await expect(readFile(catalogPath(dir))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
