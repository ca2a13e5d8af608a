/**
 * What saving one incoming briefing makes of the archive's entry for its slug, the same for every
 * store (lowdb-briefing-archive.ts, postgres/postgres-briefing-archive.ts): unchanged when the
 * content hash is the same; else the next revision, keeping the first import's date when the file
 * has none; else a new entry at archive position `seq`.
 */
import type { StoredBriefing } from './archive.schema.js';
import type { IncomingBriefing, SaveOutcome } from './briefing-archive.js';

export type NextStoredBriefing = { outcome: 'unchanged'; stored: StoredBriefing } | { outcome: Exclude<SaveOutcome, 'unchanged'>; stored: StoredBriefing };

/** `takeSeq` is called only for a briefing new to the archive, so a store hands out a position only when one is used. */
export function nextStoredBriefing(existing: StoredBriefing | undefined, item: IncomingBriefing, stamp: string, takeSeq: () => number): NextStoredBriefing {
  if (existing && existing.contentHash === item.contentHash) return { outcome: 'unchanged', stored: existing };
  if (existing) {
    return {
      outcome: 'updated',
      stored: {
        ...existing,
        briefing: item.dateFromFile ? item.briefing : { ...item.briefing, publishedAt: existing.briefing.publishedAt },
        revision: existing.revision + 1,
        contentHash: item.contentHash,
        updatedAt: stamp,
        source: item.source,
      },
    };
  }
  return {
    outcome: 'imported',
    stored: { briefing: item.briefing, revision: 1, contentHash: item.contentHash, seq: takeSeq(), importedAt: stamp, updatedAt: stamp, source: item.source },
  };
}
