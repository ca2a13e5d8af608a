/**
 * `archive.catalog.json`: slug, title and date of every briefing, newest first, so `lumen list`
 * need not read and parse the whole archive (41 MB at 10,000 briefings). It is a cache, never a
 * source of truth: it is stamped with the signature (inode, size, mtime) of the `archive.json`
 * it was made from and trusted only while archive.json still has that signature, so a hand edit
 * or an older lumen that rewrites the archive without it simply makes it stale. Deleting it is
 * always safe; a torn or invalid one is ignored.
 */
import { join } from 'node:path';
import { CacheFile } from './cache-file.js';
import { MISSING_FILE_SIGNATURE } from './file-signature.js';

export const ARCHIVE_CATALOG_FILE_NAME = 'archive.catalog.json';

/** One row of `lumen list`. */
export interface CatalogEntry {
  slug: string;
  title: string;
  publishedAt: string;
}

/**
 * The catalog's entries if `value` is a catalog of this version stamped with `archiveSignature`:
 * `{ version: 1, archiveSignature, entries: [{ slug, title, publishedAt }] }`, nothing more.
 * Plain strings, not the briefing's slug and date rules: the entries were validated when the
 * archive they come from was, and the stamp vouches for that. Checked by hand rather than with
 * a zod schema: `lumen list` would otherwise load zod (a tenth of a second) and run a cold
 * schema over 10,000 entries (another) only to read its own cache. The shape still refuses a
 * hand-made mess: any other key, type or an empty slug or date makes the whole file a miss.
 */
function catalogEntries(value: unknown, archiveSignature: string): CatalogEntry[] | undefined {
  if (!isPlainObject(value) || !hasOnlyKeys(value, CATALOG_KEYS)) return undefined;
  const { version, archiveSignature: stamp, entries } = value;
  if (version !== 1 || typeof stamp !== 'string' || stamp.length === 0 || stamp !== archiveSignature || !Array.isArray(entries)) return undefined;
  for (const entry of entries as unknown[]) {
    if (!isPlainObject(entry) || !hasOnlyKeys(entry, ENTRY_KEYS)) return undefined;
    const { slug, title, publishedAt } = entry;
    if (typeof slug !== 'string' || slug.length === 0 || typeof title !== 'string' || typeof publishedAt !== 'string' || publishedAt.length === 0) return undefined;
  }
  return entries as CatalogEntry[];
}

const CATALOG_KEYS = ['version', 'archiveSignature', 'entries'];
const ENTRY_KEYS = ['slug', 'title', 'publishedAt'];

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every key of `value` is one of `keys`, and each of `keys` is there (the strictness zod's strictObject gave). */
function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!keys.includes(key)) return false;
    count++;
  }
  return count === keys.length;
}

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
    return catalogEntries(JSON.parse(Buffer.from(bytes).toString('utf8')), archiveSignature);
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
