import { LumenError } from '../domain/errors.js';

/**
 * Part of an index snapshot read on demand (a briefing's text, a page of postings) failed its
 * CRC-32 or could not be read: the one-shot caller answers again from the archive instead, which
 * reads the snapshot whole, finds the damage and rewrites the file.
 */
export class SnapshotDamagedError extends LumenError {
  /** `what` names the part, e.g. "the stored text of japan-tariffs". */
  constructor(file: string, what: string) {
    super('search.snapshot-damaged', `${file}: ${what} is damaged`);
  }
}
