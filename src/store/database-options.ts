/**
 * Where the PostgreSQL stores live, as the configuration names it (LUMEN_DATABASE_URL,
 * LUMEN_DATABASE_SCHEMA), and its translation into the driver's connection options: one place
 * for both the bot's stores (open-stores.ts) and the CLI's archive (src/cli/open-archive.ts).
 * Imports only a type, so the lowdb start never loads the PostgreSQL code.
 */
import type { PostgresConnectionOptions } from './postgres/postgres-connection.js';

export interface DatabaseOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** The schema the tables live in (default `lumen`). */
  schema?: string;
}

/** The connection options of the database a configuration names. */
export function connectionOptionsOf(database: DatabaseOptions): PostgresConnectionOptions {
  return { connectionString: database.url, ...(database.schema ? { schema: database.schema } : {}) };
}
