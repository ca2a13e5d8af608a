/**
 * The briefing archive: what the rest of the program reads and writes briefings through.
 * The lowdb implementation is in lowdb-briefing-archive.ts; tests use it over lowdb's Memory adapter.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { LumenError } from '../domain/errors.js';
import { ArchiveFileSchema, type ArchiveFile, type StoredBriefing } from './archive.schema.js';

/** A parsed briefing on its way into the archive. */
export interface IncomingBriefing {
  briefing: Briefing;
  /** When false, publishedAt is the import time and an update keeps the first import's date. */
  dateFromFile: boolean;
  contentHash: string;
  source: string;
}

export type SaveOutcome = 'imported' | 'updated' | 'unchanged';

export interface SaveResult {
  slug: string;
  outcome: SaveOutcome;
  revision: number;
}

export interface BriefingArchive {
  /** Every briefing, newest published first. */
  list(): readonly StoredBriefing[];
  get(slug: string): StoredBriefing | undefined;
  readonly size: number;
  /** Briefings first imported after archive position `seq`, oldest first. */
  importedAfter(seq: number): StoredBriefing[];
  /** The highest archive position given so far (0 when empty). */
  readonly lastSeq: number;
  /** Stores a batch in one write: all of it lands, or (on a write error) none of it. */
  save(batch: IncomingBriefing[], now: Date): Promise<SaveResult[]>;
  /** Catches up with saves made by another process (`lumen import`, another bot); resolves whether anything changed. */
  refresh(): Promise<boolean>;
  /** Called after each save with the briefings that were imported or updated. */
  onChange(listener: (changed: StoredBriefing[]) => void): () => void;
}

/**
 * An archive that can be refilled as an exact copy of another (`lumen migrate-store`): unlike
 * `save`, which gives new briefings the next positions, `restore` keeps each briefing's seq,
 * revision, content hash and dates, since delivery cursors point at those positions.
 */
export interface RestorableArchive extends BriefingArchive {
  /**
   * Replaces everything the archive holds by exactly `briefings` (unique slugs and seqs, else it
   * throws and nothing changes), in one write; the next import takes the position after the
   * highest seq. Listeners hear of every briefing restored. Meant for a store no bot is using.
   */
  restore(briefings: readonly StoredBriefing[]): Promise<void>;
}

/** The archive file holding exactly `briefings` in seq order; throws LumenError `store.bad-restore` on duplicate slugs or seqs or an invalid entry. */
export function restoredArchiveFile(briefings: readonly StoredBriefing[]): ArchiveFile {
  const sorted = [...briefings].sort((a, b) => a.seq - b.seq);
  const nextSeq = (sorted.at(-1)?.seq ?? 0) + 1;
  const parsed = ArchiveFileSchema.safeParse({ version: 1, nextSeq, briefings: sorted });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LumenError('store.bad-restore', `cannot restore the archive: ${issue?.path.join('.') || 'archive'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
