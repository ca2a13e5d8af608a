/**
 * Search for a one-shot verb (search, ask). When the data directory's index snapshot was made
 * from archive.json as it is now (same signature, as `lumen import` leaves it), the answer comes
 * from the snapshot alone: archive.json is not read, and only the briefings the answer shows are
 * read and decoded, each checked against its CRC-32. Otherwise (no snapshot, stale, torn, of other rules, or a shown
 * briefing's text damaged) the archive is opened and validated, the index read from the
 * snapshot or built, and the snapshot rewritten, so the next command takes the short path again.
 * The indexes that only autocomplete needs are left until first use.
 */
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { INDEX_SNAPSHOT_FILE, SearchService, SnapshotDamagedError, type ArchiveSource, type IndexOrigin, type SearchView } from '../search/index.js';
import { ARCHIVE_FILE_NAME } from '../store/archive-file-name.js';
import { CacheFile } from '../store/cache-file.js';
import { buildIdentity } from './build-identity.js';
import { fileSignature, MISSING_FILE_SIGNATURE } from '../store/file-signature.js';
import type { CliIo } from './cli-io.js';
import type { Opened } from './open-archive.js';

type OpenedArchive = Extract<Opened, { ok: true }>;


/** The snapshot, stamped with this build when it runs compiled: a snapshot of this build needs no spot check. */
const snapshotIn = (dataDir: string): CacheFile => new CacheFile(join(dataDir, INDEX_SNAPSHOT_FILE), { writer: buildIdentity() });

/** What a one-shot answer is computed from: the read-only view, and the archive it answers about. */
export interface OneShotSearch {
  view: SearchView;
  archive: ArchiveSource;
  /** `snapshot-only`: answered without reading archive.json; `archive`: from the validated archive. */
  path: 'snapshot-only' | 'archive';
}

/** The read-only search view of the opened archive, for one query. */
export async function openOneShotLibrary(opened: OpenedArchive): Promise<SearchView> {
  const service = await SearchService.open(opened.archive, { snapshot: snapshotIn(opened.config.dataDir), lazy: true });
  await service.close(); // one query, no changes to follow
  return service.view;
}

/**
 * Computes `answer` for one query: from the snapshot alone when it vouches for archive.json as it
 * is, else (or when a briefing the answer needs turns out damaged) from the archive. `answer`
 * must not write output: on a damaged snapshot it runs a second time.
 */
export async function answerOneShot<T>(io: CliIo, answer: (search: OneShotSearch) => T): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const opened = loadConfig(io.env, io.cwd);
  if (!opened.ok) return opened;
  const fast = await openSnapshotOnly(opened.config);
  if (fast) {
    try {
      return { ok: true, value: answer({ view: fast.view, archive: fast.archive, path: 'snapshot-only' }) };
    } catch (error) {
      if (!(error instanceof SnapshotDamagedError)) throw error;
      // The archive path below reads the snapshot whole, finds the damage and rewrites it.
    } finally {
      await fast.close();
    }
  }
  // Loaded only now: the short path needs neither lowdb nor the archive's schema.
  const { openArchiveWith } = await import('./open-archive.js');
  const withArchive = await openArchiveWith(opened.config);
  if (!withArchive.ok) return withArchive;
  try {
    return { ok: true, value: answer({ view: await openOneShotLibrary(withArchive), archive: withArchive.archive, path: 'archive' }) };
  } finally {
    await withArchive.archive.close?.();
  }
}

async function openSnapshotOnly(config: Config): Promise<SearchService | undefined> {
  const signature = await fileSignature(join(config.dataDir, ARCHIVE_FILE_NAME));
  if (signature === MISSING_FILE_SIGNATURE) return undefined;
  return SearchService.openSnapshotOnly(snapshotIn(config.dataDir), signature, { lazy: true });
}

/** Brings the data directory's index snapshot up to date with the archive (after an import). */
export function refreshIndexSnapshot(opened: OpenedArchive): Promise<IndexOrigin> {
  return SearchService.refreshSnapshot(opened.archive, snapshotIn(opened.config.dataDir));
}
