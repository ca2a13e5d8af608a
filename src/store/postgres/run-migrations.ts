/**
 * Plain numbered SQL migrations (`migrations/001_name.sql`, ...), applied at start in one
 * transaction: all pending files land or none does. Each applied file's sha256 is kept in
 * `schema_migrations`; a file changed after it was applied, or a database that has migrations
 * this program does not know (a newer version ran on it), is refused rather than guessed at.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { LumenError } from '../../domain/errors.js';
import { checkSchemaName } from './postgres-connection.js';

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  /** sha256 of the file's bytes. */
  checksum: string;
}

export class MigrationError extends LumenError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store.migration', message, options);
  }
}

/**
 * The migrations folder beside this module; from compiled code (where tsc copies no .sql file)
 * the one in the package's sources, found by walking up to package.json.
 */
export function defaultMigrationsDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'migrations');
  if (existsSync(beside)) return beside;
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'store', 'postgres', 'migrations');
  }
  return beside;
}

/** Reads the migration files, in version order; throws MigrationError naming a misnamed or duplicated file. */
export async function readMigrations(directory: string): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = MIGRATION_FILE.exec(name);
    if (!match) throw new MigrationError(`${join(directory, name)}: a migration is named NNN_lower_case_name.sql`);
    const bytes = await readFile(join(directory, name));
    const version = Number(match[1]);
    const earlier = migrations.find((m) => m.version === version);
    if (earlier) throw new MigrationError(`${join(directory, name)}: version ${match[1]} is also used by ${earlier.file}`);
    migrations.push({ version, name: match[2] ?? '', file: name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') });
  }
  return migrations;
}

/**
 * Brings `schema` up to date on `client` (a connection not in a transaction). Concurrent
 * starters wait for each other on an advisory lock. Returns the files applied now.
 */
export async function applyMigrations(client: pg.ClientBase, schema: string, migrations: Migration[]): Promise<string[]> {
  checkSchemaName(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`lumen.migrations.${schema}`]);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await client.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied.rows) {
      const migration = known.get(row.version);
      if (!migration) {
        throw new MigrationError(`schema "${schema}" has migration ${pad(row.version)}_${row.name}, which this version of Lumen does not have: run a newer Lumen on this database`);
      }
      if (migration.checksum !== row.checksum) {
        throw new MigrationError(
          `${migration.file} was changed after it was applied to schema "${schema}" (checksum ${row.checksum.slice(0, 12)}… then, ${migration.checksum.slice(0, 12)}… now): restore the file, and put the change in a new migration`,
        );
      }
    }
    const done = new Set(applied.rows.map((r) => r.version));
    const pending = migrations.filter((m) => !done.has(m.version));
    for (const migration of pending) {
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new MigrationError(`${migration.file}: ${(error as Error).message}; nothing was applied`, { cause: error });
      }
      await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
    }
    await client.query('COMMIT');
    return pending.map((m) => m.file);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // the error that caused it is the one to report
    throw error;
  }
}

function pad(version: number): string {
  return String(version).padStart(3, '0');
}
