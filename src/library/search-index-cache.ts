/**
 * The archive's search index, read from a snapshot file beside the archive, else built, and the
 * snapshot kept current for the next process. For one-shot commands: at 10,000 briefings
 * `lumen search` spent 1.2 s of its 2 s building the index; reading the snapshot takes about a
 * tenth of that. The archive stays the only source of truth: each document in the snapshot is
 * stamped with its briefing's revision and content hash, so briefings imported or updated since
 * are re-indexed on load (a few upserts), and the file as a whole is only used under the same
 * encoding rules and lexicon (see encodingFingerprint). A missing, torn or foreign file only
 * costs the build it would have saved.
 */
import { readFile } from 'node:fs/promises';
import { BriefingIndex, type BriefingIndexOptions } from '../search/briefing-index.js';
import { defaultLexicon } from '../search/default-lexicon.js';
import { decodeSnapshot, encodeSnapshot, encodingFingerprint } from '../search/index-snapshot.js';
import type { StoredBriefing } from '../store/archive.schema.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import { removeStaleTempFiles, writeFileAtomically } from '../store/write-file-atomically.js';

/** The snapshot's file name in the data directory. */
export const INDEX_SNAPSHOT_FILE = 'search-index.snapshot';

/** Temporary files younger than this may belong to a writer still at work. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** An index and how it was had: what the bot logs, and what the tests and the benchmark tell apart. */
export interface LoadedIndex {
  index: BriefingIndex;
  /** `snapshot`: read as it was; `updated`: read, then `updated` briefings re-indexed; `build`: built. */
  from: 'snapshot' | 'updated' | 'build';
  updated: number;
  /** Whether the snapshot file was (re)written; false on a plain hit and when the write failed. */
  saved: boolean;
  /** Why the snapshot was not used as it was, or could not be saved. */
  problem?: string;
}

/** The index of `archive` from `file`, brought up to date, or built; rewrites `file` unless it was current. */
export async function loadSearchIndex(archive: BriefingArchive, file: string, options: BriefingIndexOptions = {}): Promise<LoadedIndex> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const key = encodingFingerprint(lexicon);
  const stored = archive.list();
  const briefings = stored.map((s) => s.briefing);

  let problem: string | undefined;
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') problem = `could not read ${file}: ${error.message}`;
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
  const saveProblem = await saveSearchIndex(archive, index, file);
  return {
    index,
    from: restored ? 'updated' : 'build',
    updated: restored?.updated ?? briefings.length,
    saved: saveProblem === undefined,
    ...((saveProblem ?? problem) !== undefined && { problem: saveProblem ?? problem }),
  };
}

/**
 * Saves `index`, which must hold exactly the briefings of `archive` (the bot's live index), so
 * that the next one-shot command or restart reads it instead of building. Returns the problem
 * when the file could not be written: the answer is right without it, only the next cold start
 * is slower, so a caller logs it and goes on.
 */
export async function saveSearchIndex(archive: BriefingArchive, index: BriefingIndex, file: string): Promise<string | undefined> {
  const state = index.exportState();
  const stamps = state.slugs.map((slug) => {
    const stored = slug === null ? undefined : archive.get(slug);
    return stored ? stampOf(stored) : null;
  });
  try {
    await writeFileAtomically(file, encodeSnapshot({ state, stamps }, encodingFingerprint(index.lexicon)), { durable: false });
    await removeStaleTempFiles(file, STALE_TEMP_MS);
    return undefined;
  } catch (error) {
    return `could not save the search index to ${file}: ${(error as Error).message}`;
  }
}

/** The version of a stored briefing that a snapshot document must hold to be kept. */
function stampOf(stored: StoredBriefing): string {
  return `${stored.revision}:${stored.contentHash}`;
}

/**
 * Saves the bot's index after archive changes, one save at a time: changes that arrive during a
 * save are covered by one more save after it, so a burst of imports costs two writes, not one
 * each, and two writes never race on the file.
 */
export class SnapshotSaver {
  readonly #save: () => Promise<void>;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(save: () => Promise<void>) {
    this.#save = save;
  }

  /** Asks for a save of the current index. */
  request(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    // After the current turn: the change's other listeners (the library's index) go first, and
    // the import that caused it is answered before the encoding takes the event loop (~0.1 s).
    this.#running = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.#loop())
      .finally(() => (this.#running = undefined));
  }

  /** Resolves once no save is running or asked for. */
  async whenIdle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#save();
    } while (this.#again);
  }
}
