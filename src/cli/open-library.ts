/**
 * The library for a one-shot verb (search, ask): the index comes from the data directory's
 * snapshot when it matches the archive, else it is built and the snapshot refreshed, and the
 * indexes that only ask and autocomplete need are left until first use.
 */
import { join } from 'node:path';
import { BriefingLibrary } from '../library/briefing-library.js';
import { INDEX_SNAPSHOT_FILE, loadSearchIndex } from '../library/search-index-cache.js';
import type { Opened } from './open-archive.js';

export async function openOneShotLibrary(opened: Extract<Opened, { ok: true }>): Promise<BriefingLibrary> {
  const { index } = await loadSearchIndex(opened.archive, join(opened.config.dataDir, INDEX_SNAPSHOT_FILE), { lazy: true });
  return new BriefingLibrary(opened.archive, { index });
}
