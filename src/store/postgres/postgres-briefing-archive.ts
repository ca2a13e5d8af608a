/**
 * The briefing archive in PostgreSQL (`LUMEN_DATABASE_URL`), behind the same interface as the
 * lowdb file. Reads are synchronous in that interface, so the archive keeps a copy in memory,
 * loaded at open and kept current from the database: its own saves, the change feed
 * (LISTEN/NOTIFY) for other processes' saves, and a periodic refresh in case a notification was
 * missed.
 *
 * A save is one short transaction that first takes the table in SHARE ROW EXCLUSIVE mode (readers
 * go on; other writers wait), catches up on what other processes committed, then gives new
 * briefings seq = max + 1. Positions are therefore handed out in commit order: a cursor that has
 * seen position n never misses a briefing committed later with a smaller one.
 */
import type pg from 'pg';
import type { StoredBriefing } from '../archive.schema.js';
import { restoredArchiveFile, type IncomingBriefing, type RestorableArchive, type SaveResult } from '../briefing-archive.js';
import { nextStoredBriefing } from '../next-stored-briefing.js';
import { ArchiveChangeFeed, ARCHIVE_CHANNEL } from './archive-change-feed.js';
import { ArchiveMemory, type ArchiveEntry } from './archive-memory.js';
import { readChangesAfter, upsertEntries } from './archive-rows.js';
import { checkSchemaName, createPool, DEFAULT_SCHEMA, inTransaction, type PostgresConnectionOptions } from './postgres-connection.js';
import { applyMigrations, defaultMigrationsDirectory, readMigrations } from './run-migrations.js';

export interface PostgresArchiveOptions extends PostgresConnectionOptions {
  /** How often to re-read changes even without a notification (default 30 s; 0: never). */
  refreshIntervalMs?: number;
  /** Follow other processes' saves through LISTEN/NOTIFY (default true). */
  listen?: boolean;
  /** Where background work (change feed, periodic refresh) reports failures; it never throws. */
  onError?: (error: Error) => void;
  /** The migrations folder (tests use their own). */
  migrationsDirectory?: string;
  /** How long a save waits for another process's save before giving up (default 15 s). */
  lockTimeoutMs?: number;
  /**
   * A pool (in this schema) to share with the other stores (postgres-stores.ts); its owner ends
   * it. Without one the archive opens its own and ends it on close.
   */
  pool?: pg.Pool;
}

export class PostgresBriefingArchive implements RestorableArchive {
  readonly schema: string;
  readonly #pool: pg.Pool;
  #memory = new ArchiveMemory();
  readonly #listeners = new Set<(changed: StoredBriefing[]) => void>();
  readonly #onError: (error: Error) => void;
  readonly #lockTimeoutMs: number;
  readonly #ownsPool: boolean;
  #feed: ArchiveChangeFeed | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** Saves and refreshes of this instance run one at a time, so the copy takes changes in order. */
  #queue: Promise<unknown> = Promise.resolve();
  #refreshWanted = false;
  #closed = false;

  private constructor(schema: string, pool: pg.Pool, options: PostgresArchiveOptions) {
    this.schema = schema;
    this.#pool = pool;
    this.#onError = options.onError ?? ((error) => process.emitWarning(error));
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 15_000;
    this.#ownsPool = options.pool === undefined;
  }

  /**
   * Connects, applies pending migrations, loads the archive and starts following changes.
   * Throws MigrationError or ArchiveRowCorruptError (naming what is wrong) instead of opening.
   */
  static async open(options: PostgresArchiveOptions): Promise<PostgresBriefingArchive> {
    const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
    const onError = options.onError ?? ((error: Error) => process.emitWarning(error));
    const pool = options.pool ?? createPool({ ...options, schema }, onError);
    const archive = new PostgresBriefingArchive(schema, pool, { ...options, onError });
    try {
      const migrations = await readMigrations(options.migrationsDirectory ?? defaultMigrationsDirectory());
      const client = await pool.connect();
      try {
        await applyMigrations(client, schema, migrations);
      } finally {
        client.release();
      }
      // Listening before the first load: a save committed in between is announced, not lost.
      if (options.listen !== false) {
        const feed = new ArchiveChangeFeed({ ...options, schema, onChange: (change) => archive.#announced(change), onError });
        await feed.start();
        archive.#feed = feed;
      }
      archive.#memory.apply(await readChangesAfter(pool, schema, 0));
    } catch (error) {
      await archive.close();
      throw error;
    }
    const every = options.refreshIntervalMs ?? 30_000;
    if (every > 0) {
      archive.#timer = setInterval(() => archive.#refreshInBackground(), every);
      archive.#timer.unref();
    }
    return archive;
  }

  get size(): number {
    return this.#memory.size;
  }

  get lastSeq(): number {
    return this.#memory.lastSeq;
  }

  list(): readonly StoredBriefing[] {
    return this.#memory.list();
  }

  get(slug: string): StoredBriefing | undefined {
    return this.#memory.get(slug);
  }

  importedAfter(seq: number): StoredBriefing[] {
    return this.#memory.importedAfter(seq);
  }

  onChange(listener: (changed: StoredBriefing[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads what other processes changed since the last look and tells listeners. Returns whether anything changed. */
  refresh(): Promise<boolean> {
    return this.#serially(async () => this.#take(await readChangesAfter(this.#pool, this.schema, this.#memory.lastChange)).length > 0);
  }

  save(batch: IncomingBriefing[], now: Date): Promise<SaveResult[]> {
    return this.#serially(() => this.#save(batch, now));
  }

  async #save(batch: IncomingBriefing[], now: Date): Promise<SaveResult[]> {
    const written = await inTransaction(this.#pool, async (client) => {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.#lockTimeoutMs))}`);
      await client.query('LOCK TABLE briefings IN SHARE ROW EXCLUSIVE MODE');
      // Under the lock nobody else commits: after this catch-up the copy is the table.
      this.#take(await readChangesAfter(client, this.schema, this.#memory.lastChange));
      const planned = this.#plan(batch, now);
      if (planned.entries.length > 0) {
        await upsertEntries(client, planned.entries);
        await client.query('SELECT pg_notify($1, $2)', [ARCHIVE_CHANNEL, `${this.schema}:${planned.lastChange}`]);
      }
      return planned;
    });
    this.#take(written.entries);
    return written.results;
  }

  async restore(briefings: readonly StoredBriefing[]): Promise<void> {
    const { briefings: sorted } = restoredArchiveFile(briefings);
    return this.#serially(async () => {
      const entries = await inTransaction(this.#pool, async (client) => {
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.#lockTimeoutMs))}`);
        await client.query('LOCK TABLE briefings IN SHARE ROW EXCLUSIVE MODE');
        // Change numbers keep growing across the replacement, so a process following the feed takes the restored rows in.
        const last = await client.query<{ change: string }>('SELECT coalesce(max(change_seq), 0) AS change FROM briefings');
        const base = Number(last.rows[0]?.change ?? 0);
        const restored = sorted.map((stored, i) => ({ stored, change: base + i + 1 }));
        await client.query('DELETE FROM briefings');
        await upsertEntries(client, restored);
        await client.query('SELECT pg_notify($1, $2)', [ARCHIVE_CHANNEL, `${this.schema}:${base + restored.length}`]);
        return restored;
      });
      this.#memory = new ArchiveMemory();
      this.#take(entries);
    });
  }

  /** What a batch does to the archive, as lowdb's save does it: unchanged, updated (revision + 1), or imported at the next position. */
  #plan(batch: IncomingBriefing[], now: Date): { entries: ArchiveEntry[]; results: SaveResult[]; lastChange: number } {
    const stamp = now.toISOString();
    const bySlug = new Map<string, ArchiveEntry>();
    let nextSeq = this.#memory.lastSeq + 1;
    let change = this.#memory.lastChange;
    const results: SaveResult[] = [];
    for (const item of batch) {
      const slug = item.briefing.slug;
      const { outcome, stored } = nextStoredBriefing(bySlug.get(slug)?.stored ?? this.#memory.get(slug), item, stamp, () => nextSeq++);
      if (outcome !== 'unchanged') bySlug.set(slug, { stored, change: ++change });
      results.push({ slug, outcome, revision: stored.revision });
    }
    return { entries: [...bySlug.values()], results, lastChange: change };
  }

  /** Puts changes into the copy and tells listeners about the ones it did not have. */
  #take(entries: ArchiveEntry[]): StoredBriefing[] {
    const changed = this.#memory.apply(entries);
    if (changed.length > 0) for (const listener of this.#listeners) listener(changed);
    return changed;
  }

  #announced(change: number): void {
    if (change !== 0 && change <= this.#memory.lastChange) return; // our own save, or already read
    this.#refreshInBackground();
  }

  /** One background refresh at a time; a request while one runs asks for one more after it. */
  #refreshInBackground(): void {
    if (this.#closed) return;
    if (this.#refreshWanted) return;
    this.#refreshWanted = true;
    void this.#serially(async () => {
      this.#refreshWanted = false;
      if (this.#closed) return;
      this.#take(await readChangesAfter(this.#pool, this.schema, this.#memory.lastChange));
    }).catch((error: Error) => this.#onError(new Error(`archive refresh failed: ${error.message}`, { cause: error })));
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined); // the caller of `run` gets the error; the queue goes on
    return run;
  }

  /** Stops following changes and closes the connections, after the saves in flight. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#queue;
    await this.#feed?.stop();
    if (this.#ownsPool) await this.#pool.end();
  }
}
