import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredBriefing } from '../../../src/store/archive.schema.js';
import { PostgresBriefingArchive, type PostgresArchiveOptions } from '../../../src/store/postgres/postgres-briefing-archive.js';
import { clientConfig } from '../../../src/store/postgres/postgres-connection.js';
import { getIncoming } from '../../support/briefing-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('PostgreSQL archive');

const T1 = new Date('2026-11-25T08:00:00.000Z');

describe.skipIf(!TEST_DATABASE_URL)('PostgresBriefingArchive', () => {
  let schema: ReturnType<typeof testSchema>;
  const opened: PostgresBriefingArchive[] = [];
  const clients: pg.Client[] = [];
  const open = async (options: Partial<PostgresArchiveOptions> = {}) => {
    const archive = await PostgresBriefingArchive.open({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema, refreshIntervalMs: 0, ...options });
    opened.push(archive);
    return archive;
  };
  const rawClient = async () => {
    const client = new pg.Client(clientConfig({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema }));
    await client.connect();
    clients.push(client);
    return client;
  };
  beforeEach(() => {
    schema = testSchema();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end()));
    await Promise.all(opened.splice(0).map((a) => a.close()));
    await schema.drop();
  });

  it("given two processes on one database, then each hears the other's saves through the change feed, without refreshing", async () => {
    const first = await open();
    const second = await open();
    const heard = new Promise<StoredBriefing[]>((resolve) => second.onChange(resolve));
    await first.save([getIncoming({ slug: 'pushed' })], T1);
    expect((await heard).map((b) => b.briefing.slug)).toEqual(['pushed']);
    expect(second.get('pushed')?.seq).toBe(1);
  });

  it('given a missed notification, then the periodic refresh still brings the change', async () => {
    const first = await open({ listen: false });
    const second = await open({ listen: false, refreshIntervalMs: 50 });
    const heard = new Promise<StoredBriefing[]>((resolve) => second.onChange(resolve));
    await first.save([getIncoming({ slug: 'late' })], T1);
    expect((await heard).map((b) => b.briefing.slug)).toEqual(['late']);
  });

  it('given another writer holding the archive mid-transaction, then a save waits for its commit and takes the position after it', async () => {
    const archive = await open({ listen: false });
    const writer = await rawClient();
    await writer.query('BEGIN');
    await writer.query('LOCK TABLE briefings IN SHARE ROW EXCLUSIVE MODE');
    let saved = false;
    const saving = archive.save([getIncoming({ slug: 'mine' })], T1).then((r) => ((saved = true), r));
    // Until the save is seen waiting for the lock (not guessed with a sleep).
    const waiting = `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'briefings'::regclass`;
    while ((await writer.query<{ n: number }>(waiting)).rows[0]?.n !== 1) await new Promise((resolve) => setImmediate(resolve));
    expect(saved).toBe(false);
    // The other writer commits a briefing at position 1 late; ours must not have taken it, nor skip past it.
    const other = getIncoming({ slug: 'theirs' });
    await writer.query(
      `INSERT INTO briefings (slug, seq, revision, content_hash, briefing, imported_at, updated_at, source, change_seq)
       VALUES ($1, 1, 1, $2, $3, now(), now(), 'raw', 1)`,
      ['theirs', other.contentHash, JSON.stringify(other.briefing)],
    );
    await writer.query('COMMIT');
    await saving;
    expect([archive.get('theirs')?.seq, archive.get('mine')?.seq]).toEqual([1, 2]);
  });

  it('given a briefing saved, then another process reads it back with its object keys in the order saved', async () => {
    const first = await open({ listen: false });
    const incoming = getIncoming({ slug: 'order' });
    const dimension = { name: 'Order', positions: { Zeta: 'last letter, first key', Alpha: 'first letter, second key' } };
    const briefing = { ...incoming.briefing, structure: { actors: ['Zeta', 'Alpha'], dimensions: [dimension] } };
    await first.save([{ ...incoming, briefing }], T1);
    const second = await open({ listen: false });
    expect(Object.keys(second.get('order')?.briefing.structure.dimensions[0]?.positions ?? {})).toEqual(['Zeta', 'Alpha']);
  });

  it('given a row edited by hand into something invalid, then opening is refused naming the table and row', async () => {
    const first = await open({ listen: false });
    await first.save([getIncoming({ slug: 'edited' })], T1);
    const client = await rawClient();
    await client.query(`UPDATE briefings SET briefing = json_build_object('slug', 'edited') WHERE slug = 'edited'`);
    await expect(open({ listen: false })).rejects.toThrow(new RegExp(`PostgreSQL table ${schema.schema}\\.briefings, row "edited": briefing\\.title`));
  });

  it('given a save that fails inside its transaction, then nothing of it is stored and the archive goes on', async () => {
    const archive = await open({ listen: false });
    await archive.save([getIncoming({ slug: 'kept' })], T1);
    const client = await rawClient();
    // A constraint the save does not expect: its insert fails after the lock and catch-up.
    await client.query(`ALTER TABLE briefings ADD CONSTRAINT no_bad CHECK (slug <> 'bad')`);
    await expect(archive.save([getIncoming({ slug: 'fine' }), getIncoming({ slug: 'bad' })], T1)).rejects.toThrow(/no_bad/);
    expect(archive.get('fine')).toBeUndefined();
    expect((await client.query('SELECT slug FROM briefings ORDER BY slug')).rows).toEqual([{ slug: 'kept' }]);
    expect(await archive.save([getIncoming({ slug: 'fine' })], T1)).toEqual([{ slug: 'fine', outcome: 'imported', revision: 1 }]);
    expect(archive.get('fine')?.seq).toBe(2);
  });

  it('given a schema name that is not a plain identifier, then opening is refused before any SQL', async () => {
    await expect(PostgresBriefingArchive.open({ connectionString: TEST_DATABASE_URL as string, schema: 'x; DROP TABLE y' })).rejects.toThrow(/PostgreSQL schema "x; DROP TABLE y"/);
  });
});
