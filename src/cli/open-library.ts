/**
 * Search for a one-shot verb (search, ask): the index comes from the data directory's snapshot
 * when it matches the archive, else it is built and the snapshot refreshed, and the indexes that
 * only ask and autocomplete need are left until first use. `lumen import` refreshes the snapshot
 * too, so the first search after an import reads it instead of re-indexing.
 */
import { join } from 'node:path';
import { INDEX_SNAPSHOT_FILE, SearchService, type IndexOrigin, type SearchView } from '../search/index.js';
import { CacheFile } from '../store/cache-file.js';
import type { Opened } from './open-archive.js';

type OpenedArchive = Extract<Opened, { ok: true }>;

const snapshotOf = (opened: OpenedArchive): CacheFile => new CacheFile(join(opened.config.dataDir, INDEX_SNAPSHOT_FILE));

/** The read-only search view of the opened archive, for one query. */
export async function openOneShotLibrary(opened: OpenedArchive): Promise<SearchView> {
  const service = await SearchService.open(opened.archive, { snapshot: snapshotOf(opened), lazy: true });
  await service.close(); // one query, no changes to follow
  return service.view;
}

/** Brings the data directory's index snapshot up to date with the archive (after an import). */
export function refreshIndexSnapshot(opened: OpenedArchive): Promise<IndexOrigin> {
  return SearchService.refreshSnapshot(opened.archive, snapshotOf(opened));
}
