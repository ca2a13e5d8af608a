import { join } from 'node:path';
import { archiveCatalogFile, readCatalogCache, writeCatalogCache, type CatalogEntry } from './archive-catalog-cache.js';
import { ARCHIVE_FILE_NAME } from './archive-file-name.js';
import { fileSignature } from './file-signature.js';

export type { CatalogEntry } from './archive-catalog-cache.js';

/**
 * The archive's slugs, titles and dates, newest first. From `archive.catalog.json` when it was
 * made from archive.json as it is now; else from archive.json itself (without validating the
 * bodies), which then refreshes the catalog for the next call.
 */
export async function readArchiveCatalog(dataDir: string): Promise<CatalogEntry[]> {
  const file = join(dataDir, ARCHIVE_FILE_NAME);
  const cache = archiveCatalogFile(dataDir);
  const before = await fileSignature(file);
  const cached = await readCatalogCache(cache, before);
  if (cached) return cached;
  // Loaded only on a miss: a list from the catalog needs neither zod nor the archive's schema.
  const [{ ArchiveCatalogSchema, newestFirst }, { ValidatedJsonFile }] = await Promise.all([import('./archive.schema.js'), import('./validated-json-file.js')]);
  const data = await new ValidatedJsonFile(file, ArchiveCatalogSchema).read();
  const entries = (data?.briefings ?? [])
    .sort(newestFirst)
    .map(({ briefing: { slug, title, publishedAt } }) => ({ slug, title, publishedAt }));
  // Only if nothing replaced the file while it was read: else the stamp would not match the data.
  if (data && (await fileSignature(file)) === before) await writeCatalogCache(cache, entries, before);
  return entries;
}
