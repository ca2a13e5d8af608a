import { join } from 'node:path';
import { ArchiveCatalogSchema, newestFirst } from './archive.schema.js';
import { ARCHIVE_FILE_NAME } from './lowdb-briefing-archive.js';
import { ValidatedJsonFile } from './validated-json-file.js';

export interface CatalogEntry {
  slug: string;
  title: string;
  publishedAt: string;
}

/** The archive's slugs, titles and dates, newest first, read without loading the bodies' validation. */
export async function readArchiveCatalog(dataDir: string): Promise<CatalogEntry[]> {
  const data = await new ValidatedJsonFile(join(dataDir, ARCHIVE_FILE_NAME), ArchiveCatalogSchema).read();
  return (data?.briefings ?? [])
    .sort(newestFirst)
    .map(({ briefing: { slug, title, publishedAt } }) => ({ slug, title, publishedAt }));
}
