/**
 * The archive's search index, read from a snapshot file beside the archive when the file was made
 * from exactly these briefings, else built and saved for the next process. For one-shot commands:
 * at 10,000 briefings `lumen search` spent 1.2 s of its 2 s building the index; reading the
 * snapshot takes about a tenth of that. The archive stays the only source of truth: the snapshot
 * is keyed by every briefing's slug, revision and content hash and by the lexicon, so any import
 * makes it a miss, and a missing, torn or stale file only costs the build it would have saved.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { BriefingIndex, type BriefingIndexOptions } from '../search/briefing-index.js';
import { defaultLexicon } from '../search/default-lexicon.js';
import { decodeSnapshot, encodeSnapshot } from '../search/index-snapshot.js';
import type { Lexicon } from '../search/lexicon.js';
import type { BriefingArchive } from '../store/briefing-archive.js';

/** The snapshot's file name in the data directory. */
export const INDEX_SNAPSHOT_FILE = 'search-index.snapshot';

/** An index and where it came from (the benchmark and tests tell the two paths apart). */
export interface LoadedIndex {
  index: BriefingIndex;
  from: 'snapshot' | 'build';
}

/** The index of `archive`: from `file` when it matches, else built (and `file` rewritten). */
export async function loadSearchIndex(archive: BriefingArchive, file: string, options: BriefingIndexOptions = {}): Promise<LoadedIndex> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const key = snapshotKey(archive, lexicon);
  const briefings = archive.list().map((s) => s.briefing);

  const bytes = await readFile(file).catch(() => undefined);
  const state = bytes && decodeSnapshot(bytes, key);
  const restored = state && BriefingIndex.restore(state, briefings, { ...options, lexicon });
  if (restored) return { index: restored, from: 'snapshot' };

  const index = BriefingIndex.from(briefings, { ...options, lexicon });
  await saveSnapshot(file, encodeSnapshot(index.exportState(), key));
  return { index, from: 'build' };
}

/**
 * Saves `index`, kept in step with `archive` (the bot's, after imports), so that the next
 * one-shot command or restart reads it instead of building.
 */
export async function saveSearchIndex(archive: BriefingArchive, index: BriefingIndex, file: string): Promise<void> {
  await saveSnapshot(file, encodeSnapshot(index.exportState(), snapshotKey(archive, index.lexicon)));
}

/** What a snapshot is valid for: the lexicon and every briefing's slug, revision and content. */
function snapshotKey(archive: BriefingArchive, lexicon: Lexicon): string {
  const hash = createHash('sha256').update(lexicon.fingerprint);
  for (const s of archive.list()) hash.update(`\n${s.briefing.slug}\t${s.revision}\t${s.contentHash}`);
  return hash.digest('hex');
}

/**
 * Temp file and rename, so a reader sees the old file or the new one, never half of one. No
 * fsync: after a power cut a snapshot may be empty or gone, which is a miss, not an error. A
 * failed write (read-only or full disk) is left silent for the same reason: the answer is right
 * without it, only the next cold start is slower.
 */
async function saveSnapshot(file: string, bytes: Buffer): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}
