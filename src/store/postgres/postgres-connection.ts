/**
 * Connections to PostgreSQL for the stores: a pool whose sessions work inside one schema (through
 * `search_path`), so a sandbox or a test can keep its tables in a schema of its own and drop it.
 */
import pg from 'pg';
import { LumenError } from '../../domain/errors.js';

/** The schema the bot's tables live in unless told otherwise. */
export const DEFAULT_SCHEMA = 'lumen';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresConnectionOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** Lower-case letters, digits and `_`, at most 63 characters (default `lumen`). */
  schema?: string;
  /** Connections in the pool (default 4: writes are serialised anyway). */
  maxConnections?: number;
}

/** A schema name the program can put in SQL without quoting surprises; throws on anything else. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new LumenError('store.bad-schema', `PostgreSQL schema "${schema}": use lower-case letters, digits and _ (at most 63, not starting with a digit)`);
  }
  return schema;
}

/** The connection string with its password replaced, for messages and logs. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    // libpq also takes the password as a parameter (`?password=…`).
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString();
  } catch {
    return '<unparseable connection string>';
  }
}

/** Settings for one client or pool whose sessions resolve table names in `schema`. */
export function clientConfig(options: PostgresConnectionOptions): pg.ClientConfig {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  return {
    connectionString: options.connectionString,
    options: `-c search_path=${schema}`,
    application_name: 'lumen',
    connectionTimeoutMillis: 10_000,
  };
}

/** A pool in `schema`; idle-connection errors go to `onError` instead of crashing the process. */
export function createPool(options: PostgresConnectionOptions, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(options), max: options.maxConnections ?? 4, idleTimeoutMillis: 30_000 });
  pool.on('error', onError);
  return pool;
}

/** Drops a schema and everything in it (a sandbox's or a test's); a missing schema is fine. */
export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${checkSchemaName(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs `work` in one transaction on a pooled connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    // A connection that could not even roll back is not given to the next caller.
    client.release(broken);
  }
}
