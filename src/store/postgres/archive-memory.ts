/**
 * The in-memory copy of an archive kept in a database: the archive interface reads synchronously,
 * so the PostgreSQL archive answers from this copy and feeds it every change it learns of (its
 * own saves and, through the change feed, other processes'). A few changes are placed by binary
 * search; a large batch is re-sorted once.
 */
import { newestFirst, type StoredBriefing } from '../archive.schema.js';

/** A stored briefing as of one change of the database (its `change_seq`). */
export interface ArchiveEntry {
  stored: StoredBriefing;
  change: number;
}

/** Past this many changes at once a full sort is cheaper than placing each one. */
const RESORT_AT = 256;

export class ArchiveMemory {
  #bySlug = new Map<string, ArchiveEntry>();
  #newestFirst: StoredBriefing[] = [];
  #bySeq: StoredBriefing[] = [];
  #lastChange = 0;
  #lastSeq = 0;

  get size(): number {
    return this.#newestFirst.length;
  }

  /** The highest archive position known. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** The last database change this copy includes. */
  get lastChange(): number {
    return this.#lastChange;
  }

  list(): readonly StoredBriefing[] {
    return this.#newestFirst;
  }

  get(slug: string): StoredBriefing | undefined {
    return this.#bySlug.get(slug)?.stored;
  }

  importedAfter(seq: number): StoredBriefing[] {
    return this.#bySeq.slice(upperBound(this.#bySeq, (b) => b.seq > seq));
  }

  /**
   * Takes in changes (in any order; ones this copy already has are ignored) and returns the
   * briefings that were new or changed. The lists are replaced, never edited in place: a
   * caller still holding an earlier `list()` keeps a consistent one.
   */
  apply(entries: readonly ArchiveEntry[]): StoredBriefing[] {
    const fresh = entries.filter((entry) => (this.#bySlug.get(entry.stored.briefing.slug)?.change ?? 0) < entry.change);
    if (fresh.length === 0) return [];
    const newest = [...this.#newestFirst];
    const bySeq = [...this.#bySeq];
    const place = fresh.length < RESORT_AT;
    for (const entry of fresh) {
      const slug = entry.stored.briefing.slug;
      const old = this.#bySlug.get(slug);
      this.#bySlug.set(slug, entry);
      this.#lastChange = Math.max(this.#lastChange, entry.change);
      this.#lastSeq = Math.max(this.#lastSeq, entry.stored.seq);
      if (!place) continue;
      if (old) {
        newest.splice(indexOf(newest, old.stored), 1);
        bySeq.splice(indexOfSeq(bySeq, old.stored.seq), 1);
      }
      newest.splice(upperBound(newest, (b) => newestFirst(entry.stored, b) < 0), 0, entry.stored);
      bySeq.splice(upperBound(bySeq, (b) => b.seq > entry.stored.seq), 0, entry.stored);
    }
    if (place) {
      this.#newestFirst = newest;
      this.#bySeq = bySeq;
    } else {
      const all = [...this.#bySlug.values()].map((e) => e.stored);
      this.#newestFirst = [...all].sort(newestFirst);
      this.#bySeq = all.sort((a, b) => a.seq - b.seq);
    }
    return fresh.map((entry) => entry.stored);
  }
}

/** The first index whose element satisfies `after` (the list is ordered so that once true, it stays true). */
function upperBound<T>(list: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(list[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function indexOf(newest: readonly StoredBriefing[], stored: StoredBriefing): number {
  const at = upperBound(newest, (b) => newestFirst(stored, b) <= 0);
  if (newest[at] !== stored) throw new Error(`archive memory out of order at ${stored.briefing.slug}`);
  return at;
}

function indexOfSeq(bySeq: readonly StoredBriefing[], seq: number): number {
  const at = upperBound(bySeq, (b) => b.seq >= seq);
  if (bySeq[at]?.seq !== seq) throw new Error(`archive memory lost seq ${seq}`);
  return at;
}
