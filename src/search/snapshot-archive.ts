/**
 * The archive as an index snapshot holds it: what a one-shot `lumen search` or `lumen ask`
 * answers from when the snapshot was made from archive.json as it is now (its signature
 * matches), so that the 41 MB archive is neither read nor validated. Each briefing's text is
 * read, checked against its CRC-32 and decoded only when an answer shows it; a text that fails throws {@link SnapshotDamagedError}, and the caller answers again
 * from the archive (which also rewrites the snapshot).
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { ArchivedBriefing, ArchiveSource } from './archive-source.js';
import type { LazyBriefings } from './briefing-index.js';
import type { DecodedSnapshot } from './index-snapshot.js';
import type { SnapshotBodies } from './snapshot-bodies.js';
import { SnapshotDamagedError } from './snapshot-damaged-error.js';

export { SnapshotDamagedError } from './snapshot-damaged-error.js';

/** What {@link SnapshotArchive} needs of a decoded snapshot: everything a one-shot answer reads. */
export type CompleteSnapshot = DecodedSnapshot & { order: Int32Array; bodies: SnapshotBodies };

/** Whether a decoded snapshot holds what a one-shot answer needs without the archive. */
export function isComplete(snapshot: DecodedSnapshot): snapshot is CompleteSnapshot {
  return snapshot.order !== undefined && snapshot.bodies !== undefined && snapshot.state.keyVariables !== undefined;
}

export class SnapshotArchive implements ArchiveSource, LazyBriefings {
  readonly slugs: readonly string[];
  readonly #file: string;
  readonly #snapshot: CompleteSnapshot;
  readonly #docs = new Map<string, number>();
  readonly #entries = new Map<string, ArchivedBriefing>();
  readonly #loaded = new Map<string, Briefing>();

  /** `file` names the snapshot in errors. */
  constructor(snapshot: CompleteSnapshot, file: string) {
    this.#file = file;
    this.#snapshot = snapshot;
    const slugs: string[] = [];
    for (const doc of snapshot.order) {
      const slug = snapshot.state.slugs[doc];
      if (typeof slug !== 'string' || this.#docs.has(slug)) continue;
      this.#docs.set(slug, doc);
      slugs.push(slug);
    }
    this.slugs = slugs;
  }

  get size(): number {
    return this.slugs.length;
  }

  /** Every briefing, newest first: decodes them all (only "did you mean" and the like need it). */
  list(): readonly ArchivedBriefing[] {
    return this.slugs.map((slug) => this.get(slug) as ArchivedBriefing);
  }

  get(slug: string): ArchivedBriefing | undefined {
    const doc = this.#docs.get(slug);
    if (doc === undefined) return undefined;
    let entry = this.#entries.get(slug);
    if (!entry) {
      const stamp = this.#snapshot.stamps[doc] ?? '';
      const colon = stamp.indexOf(':');
      const load = (): Briefing => this.load(slug);
      entry = {
        get briefing() {
          return load();
        },
        revision: Number(stamp.slice(0, colon)),
        contentHash: stamp.slice(colon + 1),
      };
      this.#entries.set(slug, entry);
    }
    return entry;
  }

  /**
   * The briefing with this slug, decoded once; throws SnapshotDamagedError if its text cannot be
   * trusted. Not validated with the briefing schema again: the text is what lumen wrote from the
   * validated archive, and the chain of CRC-32s (header, arrays, this text) with the archive's
   * signature vouches for that; what it checks is that the text is that briefing's.
   */
  load(slug: string): Briefing {
    const cached = this.#loaded.get(slug);
    if (cached) return cached;
    const doc = this.#docs.get(slug);
    const text = doc === undefined ? undefined : this.#snapshot.bodies.text(doc);
    let briefing: Briefing | undefined;
    try {
      briefing = text === undefined ? undefined : (JSON.parse(text) as Briefing);
    } catch {
      briefing = undefined;
    }
    if (typeof briefing !== 'object' || briefing === null || briefing.slug !== slug) throw new SnapshotDamagedError(this.#file, `the stored text of ${slug}`);
    this.#loaded.set(slug, briefing);
    return briefing;
  }

  /** Nothing changes: the snapshot is read once, for one answer. */
  onChange(): () => void {
    return () => undefined;
  }
}
