/**
 * The archive's search index, read from its snapshot, else built, and the snapshot kept current
 * for the next process. At 10,000 briefings building costs about 1.2 s, reading the snapshot
 * about a tenth of that. The archive stays the only source of truth: each document in the
 * snapshot is stamped with its briefing's revision and content hash, so briefings imported or
 * updated since are re-indexed on load (a few upserts), and the file as a whole is only used
 * under the same encoding rules and lexicon (see encodingFingerprint). A missing, torn or foreign
 * file only costs the build it would have saved.
 */
import type { ArchivedBriefing, ArchiveSource, SnapshotStorage } from './archive-source.js';
import { BriefingIndex, type BriefingIndexOptions } from './briefing-index.js';
import { defaultLexicon } from './default-lexicon.js';
import { decodeSnapshot, encodeSnapshot, encodingFingerprint } from './index-snapshot.js';

/** The snapshot's file name in the data directory. */
export const INDEX_SNAPSHOT_FILE = 'search-index.snapshot';

/** An index and how it was had: what the bot logs, and what the tests and the benchmark tell apart. */
export interface LoadedIndex {
  index: BriefingIndex;
  /** `snapshot`: read as it was; `updated`: read, then `updated` briefings re-indexed; `build`: built. */
  from: 'snapshot' | 'updated' | 'build';
  updated: number;
  /** Whether the snapshot was (re)written; false on a plain hit and when the write failed. */
  saved: boolean;
  /** Why the snapshot was not used as it was, or could not be saved. */
  problem?: string;
}

/** The index of `archive` from `storage`, brought up to date, or built; rewrites the snapshot unless it was current. */
export async function loadSearchIndex(archive: ArchiveSource, storage: SnapshotStorage, options: BriefingIndexOptions = {}): Promise<LoadedIndex> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const key = encodingFingerprint(lexicon);
  const stored = archive.list();
  const briefings = stored.map((s) => s.briefing);
  const file = storage.name;

  let problem: string | undefined;
  const bytes = await storage.read().catch((error: Error) => {
    problem = `could not read ${file}: ${error.message}`;
    return undefined;
  });
  const snapshot = bytes && decodeSnapshot(bytes, key);
  if (bytes && !snapshot) problem = `${file} is from another version or damaged; rebuilt it`;
  const current = new Map(stored.map((s) => [s.briefing.slug, stampOf(s)]));
  const restored =
    snapshot &&
    BriefingIndex.restore(snapshot.state, briefings, (doc) => snapshot.stamps[doc] === current.get(snapshot.state.slugs[doc] ?? ''), { ...options, lexicon });
  if (snapshot && !restored) problem = `${file} disagrees with today's tokenizer; rebuilt it`;
  if (restored && restored.updated === 0) return { index: restored.index, from: 'snapshot', updated: 0, saved: false };

  const index = restored?.index ?? BriefingIndex.from(briefings, { ...options, lexicon });
  const saveProblem = await saveSearchIndex(archive, index, storage);
  return {
    index,
    from: restored ? 'updated' : 'build',
    updated: restored?.updated ?? briefings.length,
    saved: saveProblem === undefined,
    ...((saveProblem ?? problem) !== undefined && { problem: saveProblem ?? problem }),
  };
}

/**
 * Saves `index`, which must hold exactly the briefings of `archive`, so that the next one-shot
 * command or restart reads it instead of building. Returns the problem when it could not be
 * written: answers are right without it, only the next cold start is slower, so a caller logs
 * it and goes on.
 */
export async function saveSearchIndex(archive: ArchiveSource, index: BriefingIndex, storage: SnapshotStorage): Promise<string | undefined> {
  const state = index.exportState();
  const stamps = state.slugs.map((slug) => {
    const stored = slug === null ? undefined : archive.get(slug);
    return stored ? stampOf(stored) : null;
  });
  try {
    await storage.write(encodeSnapshot({ state, stamps }, encodingFingerprint(index.lexicon)));
    return undefined;
  } catch (error) {
    return `could not save the search index to ${storage.name}: ${(error as Error).message}`;
  }
}

/** The version of a stored briefing that a snapshot document must hold to be kept. */
function stampOf(stored: ArchivedBriefing): string {
  return `${stored.revision}:${stored.contentHash}`;
}
