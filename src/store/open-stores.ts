/**
 * Opens the stores a configuration names: PostgreSQL when a database is given
 * (`LUMEN_DATABASE_URL`), else the lowdb files of the data directory. The PostgreSQL code (and
 * the `pg` driver) is loaded only when asked for, so the default start does not pay for it.
 */
import type { LumenStores } from './lumen-stores.js';
import { openLowdbStores } from './lowdb-stores.js';

export interface StoreOptions {
  dataDir: string;
  database?: {
    /** `postgres://user:password@host:port/database` */
    url: string;
    /** The schema the tables live in (default `lumen`). */
    schema?: string;
  };
  /** Where background work (the database's change feed, refreshes) reports failures; it never throws. */
  onBackgroundError?: (error: Error) => void;
}

export async function openStores(options: StoreOptions): Promise<LumenStores> {
  if (!options.database) return openLowdbStores(options.dataDir);
  const { openPostgresStores } = await import('./postgres/postgres-stores.js');
  return openPostgresStores({
    connectionString: options.database.url,
    ...(options.database.schema ? { schema: options.database.schema } : {}),
    ...(options.onBackgroundError ? { onError: options.onBackgroundError } : {}),
  });
}
