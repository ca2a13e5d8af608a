import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/store/postgres/postgres-connection.js';
import { applyMigrations, defaultMigrationsDirectory, MigrationError, readMigrations } from '../../../src/store/postgres/run-migrations.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('migrations');

describe('readMigrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lumen-migrations-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('given the shipped folder, then its files are numbered from 001 with a checksum each', async () => {
    const migrations = await readMigrations(defaultMigrationsDirectory());
    expect(migrations[0]).toMatchObject({ version: 1, file: '001_briefing_archive.sql' });
    expect(migrations.every((m) => /^[a-f0-9]{64}$/.test(m.checksum))).toBe(true);
  });

  it('given a misnamed or a duplicated version, then it names the file', async () => {
    await writeFile(join(dir, '001_a.sql'), 'SELECT 1;');
    await writeFile(join(dir, '1-b.sql'), 'SELECT 1;');
    await expect(readMigrations(dir)).rejects.toThrow(/1-b\.sql: a migration is named NNN_lower_case_name\.sql/);
    await rm(join(dir, '1-b.sql'));
    await writeFile(join(dir, '001_b.sql'), 'SELECT 1;');
    await expect(readMigrations(dir)).rejects.toThrow(/001_b\.sql: version 001 is also used by 001_a\.sql/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('applyMigrations on PostgreSQL', () => {
  let dir: string;
  let schema: ReturnType<typeof testSchema>;
  let client: pg.Client;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lumen-migrations-'));
    schema = testSchema();
    client = new pg.Client(clientConfig({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema }));
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await schema.drop();
    await rm(dir, { recursive: true, force: true });
  });
  const tables = async () =>
    (await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema.schema])).rows.map((r) => r.table_name);
  const migrate = async () => applyMigrations(client, schema.schema, await readMigrations(dir));

  it('given pending files, then they are applied in order once, and a second start applies nothing', async () => {
    await writeFile(join(dir, '002_b.sql'), 'ALTER TABLE a ADD COLUMN note text;');
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (id int);');
    expect(await migrate()).toEqual(['001_a.sql', '002_b.sql']);
    expect(await migrate()).toEqual([]);
    expect(await tables()).toEqual(['a', 'schema_migrations']);
  });

  it('given an applied file that was changed since, then the start is refused, naming the file', async () => {
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (id int);');
    await migrate();
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate()).rejects.toThrow(/001_a\.sql was changed after it was applied to schema "lumen_test_[0-9a-f]+"/);
  });

  it('given a database migrated by a newer version, then the start is refused', async () => {
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (id int);');
    await writeFile(join(dir, '002_b.sql'), 'CREATE TABLE b (id int);');
    await migrate();
    await rm(join(dir, '002_b.sql'));
    await expect(migrate()).rejects.toThrow(/has migration 002_b, which this version of Lumen does not have/);
  });

  it('given a failing migration after a good one, then neither is applied (never half-applied)', async () => {
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (id int);');
    await writeFile(join(dir, '002_b.sql'), 'CREATE TABLE b (id int);\nCREATE TABLE b (id int);');
    const error = await migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^002_b\.sql: relation "b" already exists; nothing was applied$/);
    expect(await tables()).toEqual([]);
  });

  it('given two processes starting at once, then the migrations are applied exactly once', async () => {
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (id int);');
    const other = new pg.Client(clientConfig({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema }));
    await other.connect();
    try {
      const migrations = await readMigrations(dir);
      const applied = await Promise.all([applyMigrations(client, schema.schema, migrations), applyMigrations(other, schema.schema, migrations)]);
      expect(applied.flat()).toEqual(['001_a.sql']);
    } finally {
      await other.end();
    }
  });
});
