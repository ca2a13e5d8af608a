/**
 * The archive kept by lowdb in one JSON file (`archive.json`), apart from the small, often
 * written state file, so that saving a subscription never rewrites thousands of briefings.
 */
import { dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { emptyArchive, newestFirst, ArchiveFileSchema, type ArchiveFile, type StoredBriefing } from './archive.schema.js';
import { restoredArchiveFile, type IncomingBriefing, type RestorableArchive, type SaveResult } from './briefing-archive.js';
import { archiveCatalogFile, readCatalogCache, writeCatalogCache } from './archive-catalog-cache.js';
import { withFileLock } from './file-lock.js';
import { fileSignature } from './file-signature.js';
import { nextStoredBriefing } from './next-stored-briefing.js';
import { ValidatedJsonFile } from './validated-json-file.js';
import { ARCHIVE_FILE_NAME } from './archive-file-name.js';

export { ARCHIVE_FILE_NAME } from './archive-file-name.js';

export class LowdbBriefingArchive implements RestorableArchive {
  readonly #db: Low<ArchiveFile>;
  #bySlug = new Map<string, StoredBriefing>();
  #newestFirst: StoredBriefing[] = [];
  /** Archive order (seq ascending): delivery asks for "imported after" on every tick. */
  #bySeq: StoredBriefing[] = [];
  readonly #listeners = new Set<(changed: StoredBriefing[]) => void>();
  /** The archive file, when on disk; and what it looked like when last read or written. */
  readonly #file: string | undefined;
  #signature = '';

  private constructor(db: Low<ArchiveFile>, file: string | undefined) {
    this.#db = db;
    this.#file = file;
    this.#reindex();
  }

  /** Opens `archive.json` under the data directory; throws StoreCorruptError on a file it cannot trust. */
  static async open(dataDir: string): Promise<LowdbBriefingArchive> {
    const file = join(dataDir, ARCHIVE_FILE_NAME);
    return LowdbBriefingArchive.fromAdapter(new ValidatedJsonFile(file, ArchiveFileSchema), file);
  }

  static async fromAdapter(adapter: Adapter<ArchiveFile>, file?: string): Promise<LowdbBriefingArchive> {
    const db = new Low<ArchiveFile>(adapter, emptyArchive());
    const signature = file ? await fileSignature(file) : '';
    await db.read();
    const archive = new LowdbBriefingArchive(db, file);
    archive.#signature = signature;
    // The archive is in memory already: a missing or stale catalog (deleted, or an older lumen
    // wrote the archive) costs one small write here instead of a full read on the next list.
    if (file && !(await readCatalogCache(archiveCatalogFile(dirname(file)), signature))) await archive.#writeCatalog();
    return archive;
  }

  /**
   * Re-reads the file if another process (`lumen import` while the bot runs) changed it, and
   * tells listeners what is new. Returns whether anything changed.
   */
  async refresh(): Promise<boolean> {
    if (!this.#file) return false;
    const signature = await fileSignature(this.#file);
    if (signature === this.#signature) return false;
    const before = this.#bySlug;
    await this.#db.read();
    this.#signature = signature;
    this.#reindex();
    const changed = this.#db.data.briefings.filter((b) => {
      const old = before.get(b.briefing.slug);
      return !old || old.revision !== b.revision || old.contentHash !== b.contentHash;
    });
    if (changed.length > 0) for (const listener of this.#listeners) listener(changed);
    return changed.length > 0;
  }

  get size(): number {
    return this.#newestFirst.length;
  }

  /**
   * The fileSignature of the archive.json that memory matches (read or written last), for caches
   * stamped with it (the search index snapshot); undefined for an archive that is not a file.
   */
  get signature(): string | undefined {
    return this.#file ? this.#signature : undefined;
  }

  get lastSeq(): number {
    return this.#db.data.nextSeq - 1;
  }

  list(): readonly StoredBriefing[] {
    return this.#newestFirst;
  }

  get(slug: string): StoredBriefing | undefined {
    return this.#bySlug.get(slug);
  }

  importedAfter(seq: number): StoredBriefing[] {
    // Binary search for the first later position: no scan or sort of the whole archive per call.
    let lo = 0;
    let hi = this.#bySeq.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#bySeq[mid]?.seq ?? 0) > seq) hi = mid;
      else lo = mid + 1;
    }
    return this.#bySeq.slice(lo);
  }

  async save(batch: IncomingBriefing[], now: Date): Promise<SaveResult[]> {
    if (!this.#file) return this.#save(batch, now);
    // Locked and refreshed first: a save never writes over another process's import.
    return withFileLock(`${this.#file}.lock`, async () => {
      await this.refresh();
      const results = await this.#save(batch, now);
      this.#signature = await fileSignature(this.#file as string);
      if (results.some((r) => r.outcome !== 'unchanged')) await this.#writeCatalog();
      return results;
    });
  }

  async #save(batch: IncomingBriefing[], now: Date): Promise<SaveResult[]> {
    const data = this.#db.data;
    // Work on copies: if the write fails, memory still matches the file.
    const next: ArchiveFile = { ...data, briefings: [...data.briefings] };
    const positions = new Map(next.briefings.map((b, i) => [b.briefing.slug, i]));
    const results: SaveResult[] = [];
    const changed: StoredBriefing[] = [];
    const stamp = now.toISOString();

    for (const item of batch) {
      const slug = item.briefing.slug;
      const at = positions.get(slug);
      const { outcome, stored } = nextStoredBriefing(at === undefined ? undefined : next.briefings[at], item, stamp, () => next.nextSeq++);
      if (outcome === 'unchanged') {
        results.push({ slug, outcome, revision: stored.revision });
        continue;
      }
      if (at === undefined) {
        positions.set(slug, next.briefings.length);
        next.briefings.push(stored);
      } else {
        next.briefings[at] = stored;
      }
      changed.push(stored);
      results.push({ slug, outcome, revision: stored.revision });
    }

    if (changed.length > 0) {
      await this.#db.adapter.write(next);
      this.#db.data = next;
      this.#reindex();
      for (const listener of this.#listeners) listener(changed);
    }
    return results;
  }

  async restore(briefings: readonly StoredBriefing[]): Promise<void> {
    const file = restoredArchiveFile(briefings);
    const write = async () => {
      await this.#db.adapter.write(file);
      this.#db.data = file;
      this.#reindex();
      for (const listener of this.#listeners) listener([...file.briefings]);
    };
    if (!this.#file) return write();
    await withFileLock(`${this.#file}.lock`, async () => {
      await write();
      this.#signature = await fileSignature(this.#file as string);
      await this.#writeCatalog();
    });
  }

  onChange(listener: (changed: StoredBriefing[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Writes `archive.catalog.json` from memory, stamped with the signature of the file memory
   * matches; still under the archive's lock when saving, so no lumen writes between the two.
   */
  async #writeCatalog(): Promise<void> {
    if (!this.#file) return;
    const entries = this.#newestFirst.map(({ briefing: { slug, title, publishedAt } }) => ({ slug, title, publishedAt }));
    await writeCatalogCache(archiveCatalogFile(dirname(this.#file)), entries, this.#signature);
  }

  #reindex(): void {
    const all = this.#db.data.briefings;
    this.#bySlug = new Map(all.map((b) => [b.briefing.slug, b]));
    this.#newestFirst = [...all].sort(newestFirst);
    this.#bySeq = [...all].sort((a, b) => a.seq - b.seq);
  }
}
