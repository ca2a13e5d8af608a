/**
 * The archive's search index, read from its snapshot, else built, and the snapshot kept current
 * for the next process. At 10,000 briefings building costs about 1.2 s, reading the snapshot
 * about a tenth of that. The archive stays the only source of truth: each document in the
 * snapshot is stamped with its briefing's revision and content hash, so briefings imported or
 * updated since are re-indexed on load (a few upserts), and the file as a whole is only used
 * under the same encoding rules and lexicon (see encodingFingerprint). A missing, torn or foreign
 * file only costs the build it would have saved.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { ArchivedBriefing, ArchiveSource, OpenSnapshotRanges, SnapshotStorage } from './archive-source.js';
import { BriefingIndex, type BriefingIndexOptions } from './briefing-index.js';
import { defaultLexicon } from './default-lexicon.js';
import { decodeSnapshot, decodeSnapshotFrom, encodeSnapshot, encodingFingerprint, rangesOf, type DecodedSnapshot } from './index-snapshot.js';
import { isComplete, SnapshotArchive } from './snapshot-archive.js';

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
    BriefingIndex.restore(snapshot.state, briefings, (doc) => snapshot.stamps[doc] === current.get(snapshot.state.slugs[doc] ?? ''), { ...options, lexicon, spotCheck: !writtenHere(snapshot, storage) });
  if (snapshot && !restored) problem = `${file} disagrees with today's tokenizer; rebuilt it`;
  // Current as it is, and stamped with the archive file as it is now: nothing to write. Else (an
  // older format, or archive.json rewritten with the same briefings) one write lets the next
  // one-shot command answer from the snapshot alone.
  const stampCurrent = archive.signature === undefined || (snapshot?.archiveSignature === archive.signature && isComplete(snapshot));
  if (restored && restored.updated === 0 && stampCurrent) return { index: restored.index, from: 'snapshot', updated: 0, saved: false };

  const index = restored?.index ?? BriefingIndex.from(briefings, { ...options, lexicon });
  const saveProblem = await saveSearchIndex(archive, index, storage);
  return {
    index,
    from: restored ? (restored.updated === 0 ? 'snapshot' : 'updated') : 'build',
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
  // The signature first: should the archive change while this runs, the stamp is the older one,
  // which the file no longer has, so the snapshot is never taken for a newer archive it lacks.
  const archiveSignature = archive.signature;
  const state = index.exportState();
  const held = state.slugs.map((slug) => (slug === null ? undefined : archive.get(slug)));
  const stamps = held.map((stored) => (stored ? stampOf(stored) : null));
  const bodies = held.map((stored) => (stored ? textOf(stored.briefing) : null));
  const order = Int32Array.from(archive.list().flatMap((stored) => index.docOf(stored.briefing.slug) ?? []));
  try {
    const snapshot = { state, stamps, order, bodies, ...(archiveSignature !== undefined && { archiveSignature }), ...(storage.writer !== undefined && { writer: storage.writer }) };
    await storage.write(encodeSnapshot(snapshot, encodingFingerprint(index.lexicon)));
    return undefined;
  } catch (error) {
    return `could not save the search index to ${storage.name}: ${(error as Error).message}`;
  }
}

/**
 * Each briefing's JSON, kept while the briefing object lives: the bot saves the snapshot after
 * every import, and re-serialising 10,000 unchanged briefings each time would hold its event
 * loop for a tenth of a second. Briefings are never mutated in place (an update is a new object).
 */
const texts = new WeakMap<Briefing, string>();

function textOf(briefing: Briefing): string {
  let text = texts.get(briefing);
  if (text === undefined) texts.set(briefing, (text = JSON.stringify(briefing)));
  return text;
}

/**
 * Whether this very build wrote the snapshot: then its terms are today's by construction, and
 * the spot check (32 briefings decoded and encoded again, a sixth of a cold `lumen search`) can
 * prove nothing more. A snapshot of another build, or of none known, is spot-checked.
 */
function writtenHere(snapshot: DecodedSnapshot, storage: SnapshotStorage): boolean {
  return storage.writer !== undefined && snapshot.writer === storage.writer;
}

/** The version of a stored briefing that a snapshot document must hold to be kept. */
function stampOf(stored: ArchivedBriefing): string {
  return `${stored.revision}:${stored.contentHash}`;
}

/** An index answered from the snapshot alone, with the archive as the snapshot holds it. */
export interface SnapshotOnlyIndex {
  index: BriefingIndex;
  archive: SnapshotArchive;
  /** Closes the snapshot file (the archive can read no more texts after). */
  close(): void;
}

/**
 * The index and the briefings from `storage` alone, when the snapshot is whole, of today's
 * encoding, and stamped with `archiveSignature` (the signature archive.json has now); undefined
 * otherwise (the caller opens the archive and {@link loadSearchIndex}, which rewrites it). The
 * index is read; of the briefings' texts, only those a query shows (and the spot check's).
 */
export async function loadSnapshotOnly(storage: SnapshotStorage, archiveSignature: string, options: BriefingIndexOptions = {}): Promise<SnapshotOnlyIndex | undefined> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const key = encodingFingerprint(lexicon);
  let ranges: OpenSnapshotRanges | undefined;
  try {
    if (storage.openRanges) ranges = storage.openRanges();
    else {
      const bytes = await storage.read();
      ranges = bytes && { ...rangesOf(bytes), close: () => undefined };
    }
  } catch {
    return undefined; // unreadable: the archive path says why
  }
  if (!ranges) return undefined;
  const open = ranges;
  const snapshot = decodeSnapshotFrom(open, key, { checkBodies: 'on-read', file: storage.name });
  const miss = (): undefined => {
    open.close();
    return undefined;
  };
  if (!snapshot || snapshot.archiveSignature !== archiveSignature || !isComplete(snapshot)) return miss();
  const archive = new SnapshotArchive(snapshot, storage.name);
  try {
    const restored = BriefingIndex.restore(snapshot.state, archive, () => true, { ...options, lexicon, spotCheck: !writtenHere(snapshot, storage) });
    return restored ? { index: restored.index, archive, close: () => open.close() } : miss();
  } catch {
    return miss(); // a spot-checked briefing's text is damaged: the archive path rewrites the file
  }
}
