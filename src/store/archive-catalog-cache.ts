/**
 * `archive.catalog.json`: slug, title and date of every briefing, newest first, so `lumen list`
 * need not read and parse the whole archive (41 MB at 10,000 briefings). It is a cache, never a
 * source of truth: it is stamped with the signature (inode, size, mtime) of the `archive.json`
 * it was made from and trusted only while archive.json still has that signature, so a hand edit
 * or an older lumen that rewrites the archive without it simply makes it stale. Deleting it is
 * always safe; a torn or invalid one is ignored.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { CacheFile } from './cache-file.js';
import { MISSING_FILE_SIGNATURE } from './file-signature.js';

export const ARCHIVE_CATALOG_FILE_NAME = 'archive.catalog.json';

/** One row of `lumen list`. */
export interface CatalogEntry {
  slug: string;
  title: string;
  publishedAt: string;
}

const ArchiveCatalogCacheSchema = z.strictObject({
  version: z.literal(1),
  /** The fileSignature of archive.json when this catalog was made from it. */
  archiveSignature: z.string().min(1),
  // Plain strings, not the briefing's slug and date rules: the entries were validated when the
  // archive they come from was, and the stamp vouches for that; re-checking 10,000 dates and
  // slugs here would cost list a tenth of its time. The shape still refuses a hand-made mess.
  entries: z.array(z.strictObject({ slug: z.string().min(1), title: z.string(), publishedAt: z.string().min(1) })),
});

/** The catalog file beside the archive in `dataDir`. */
export function archiveCatalogFile(dataDir: string): CacheFile {
  return new CacheFile(join(dataDir, ARCHIVE_CATALOG_FILE_NAME));
}

/**
 * The catalog's entries if it was made from the archive whose signature is `archiveSignature`;
 * undefined when it is absent, unreadable, torn, invalid or stale (the caller reads the archive).
 */
export async function readCatalogCache(cache: CacheFile, archiveSignature: string): Promise<CatalogEntry[] | undefined> {
  if (archiveSignature === MISSING_FILE_SIGNATURE) return undefined;
  try {
    const bytes = await cache.read();
    if (!bytes) return undefined;
    const parsed = ArchiveCatalogCacheSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    if (!parsed.success || parsed.data.archiveSignature !== archiveSignature) return undefined;
    return parsed.data.entries;
  } catch {
    // Unreadable or not JSON (a torn write, a hand edit): a cache that cannot be read is a miss.
    return undefined;
  }
}

/**
 * Replaces the catalog with `entries` (newest first), stamped with `archiveSignature`. Never
 * rejects: failing to write a cache must not fail the save or the listing that wrote it.
 */
export async function writeCatalogCache(cache: CacheFile, entries: readonly CatalogEntry[], archiveSignature: string): Promise<boolean> {
  if (archiveSignature === MISSING_FILE_SIGNATURE) return false;
  const json = JSON.stringify({ version: 1, archiveSignature, entries: entries.map(({ slug, title, publishedAt }) => ({ slug, title, publishedAt })) });
  return cache.write(Buffer.from(json, 'utf8')).then(
    () => true,
    // A full disk or a read-only data directory: the next list reads the archive instead.
    () => false,
  );
}
