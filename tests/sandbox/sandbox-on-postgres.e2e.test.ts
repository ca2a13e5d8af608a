/**
 * Issue 17: the sandbox with LUMEN_DATABASE_URL runs on PostgreSQL in a schema of its own, writes
 * no lowdb file, answers as on the files, and drops its schema when it stops.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/log.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from '../store/postgres/test-database.js';

announceSkippedWithoutDatabase('the sandbox on PostgreSQL');

async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_DATABASE_URL)('given the sandbox with a database', () => {
  it('then the samples and the subscription live in its schema, no lowdb file is written, and stopping drops the schema', { timeout: 60_000 }, async () => {
    const { schema, drop } = testSchema();
    const dataDir = await mkdtemp(join(tmpdir(), 'lumen-sandbox-pg-'));
    try {
      const sandbox = await Sandbox.start({ dataDir, clock: new ManualClock('2026-11-25T09:00:00.000Z'), logger: silentLogger(), database: { url: TEST_DATABASE_URL as string, schema } });
      expect(sandbox.app.stores.description).toContain(`(schema ${schema})`);
      expect(sandbox.app.archive.get('japan-tariffs')?.briefing.slug).toBe('japan-tariffs');
      const card = await sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan-tariffs' } }).response();
      expect(JSON.stringify(card)).toContain('JAPAN');
      await sandbox.discord.interact.slashCommand({ name: 'subscribe', options: { channel: sandbox.discord.channelId('briefings'), mode: 'new' } }).response();
      await sandbox.whenIdle();
      expect((await sandbox.app.stores.subscriptions.listByGuild(sandbox.discord.guildId)).map((s) => s.mode)).toEqual(['new']);
      expect(await schemaExists(schema)).toBe(true);
      const files = await readdir(dataDir);
      expect(files.filter((f) => ['archive.json', 'state.json', 'lumen.lock'].includes(f))).toEqual([]);
      await sandbox.stop();
      expect(await schemaExists(schema)).toBe(false);
    } finally {
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
