/**
 * Opens the stores a configuration names: PostgreSQL when a database is given
 * (`LUMEN_DATABASE_URL`), else the lowdb files of the data directory. The PostgreSQL code (and
 * the `pg` driver) is loaded only when asked for, so the default start does not pay for it.
 */
import { connectionOptionsOf, type DatabaseOptions } from './database-options.js';
import type { LumenStores } from './lumen-stores.js';
import { openLowdbStores } from './lowdb-stores.js';

export interface StoreOptions {
  dataDir: string;
  database?: DatabaseOptions;
  /** Where background work (the database's change feed, refreshes) reports failures; it never throws. */
  onBackgroundError?: (error: Error) => void;
}

export async function openStores(options: StoreOptions): Promise<LumenStores> {
  if (!options.database) return openLowdbStores(options.dataDir);
  const { openPostgresStores } = await import('./postgres/postgres-stores.js');
  return openPostgresStores({
    ...connectionOptionsOf(options.database),
    ...(options.onBackgroundError ? { onError: options.onBackgroundError } : {}),
  });
}
