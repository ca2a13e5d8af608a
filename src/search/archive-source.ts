/**
 * What the search service needs of the world outside search, as interfaces of its own so that
 * search imports nothing but the domain: the archive it follows (the briefing archive satisfies
 * {@link ArchiveSource} as it is) and the file its snapshot lives in.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { SnapshotRanges } from './index-snapshot.js';

/** A stored version of a briefing: what a snapshot document is stamped with. */
export interface ArchivedBriefing {
  readonly briefing: Briefing;
  readonly revision: number;
  readonly contentHash: string;
}

/** The archive as search reads it: every briefing, one by slug, and word of each change. */
export interface ArchiveSource {
  /** Every briefing, newest published first. */
  list(): readonly ArchivedBriefing[];
  get(slug: string): ArchivedBriefing | undefined;
  readonly size: number;
  /**
   * What identifies the archive file that memory matches (see the store's fileSignature), when
   * the archive has one: a snapshot stamped with it may later answer without the archive.
   */
  readonly signature?: string;
  /** Called after each save with the briefings imported or updated; returns the unsubscribe. */
  onChange(listener: (changed: ArchivedBriefing[]) => void): () => void;
}

/** Where a snapshot is kept: whole bytes in, whole bytes out. */
export interface SnapshotStorage {
  /** Names the file in messages. */
  readonly name: string;
  /** The bytes, or undefined when there is no snapshot yet; rejects on any other read error. */
  read(): Promise<Uint8Array | undefined>;
  /** Replaces the snapshot with `bytes`, atomically (readers see the old bytes or the new). */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * The snapshot opened to be read by ranges (one version of it, even if replaced meanwhile),
   * or undefined when there is none; without it, the snapshot is read whole.
   */
  openRanges?(): OpenSnapshotRanges | undefined;
  /**
   * Identifies the build of lumen that reads and writes this snapshot, when it has one (the
   * compiled CLI). Snapshots are stamped with it, and one written by this very build was made
   * by today's encoding rules, so restoring it skips the spot check that guards against others.
   */
  readonly writer?: string;
}

/** A snapshot file open for reads by range; close it when done. */
export interface OpenSnapshotRanges extends SnapshotRanges {
  close(): void;
}
