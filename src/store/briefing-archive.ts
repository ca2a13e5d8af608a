/**
 * The briefing archive: what the rest of the program reads and writes briefings through.
 * The lowdb implementation is in lowdb-briefing-archive.ts; tests use it over lowdb's Memory adapter.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { StoredBriefing } from './archive.schema.js';

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
