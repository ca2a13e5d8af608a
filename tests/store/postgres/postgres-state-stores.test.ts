import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { clientConfig } from '../../../src/store/postgres/postgres-connection.js';
import { openPostgresStores, type PostgresStores, type PostgresStoresOptions } from '../../../src/store/postgres/postgres-stores.js';
import { DEFAULT_STATE_LIMITS } from '../../../src/store/postgres/state-database.js';
import { MAX_ALERT_KEYS, MAX_CHANNEL_CONTEXT, MAX_DELIVERY_LOG, MAX_THREADS } from '../../../src/store/state.schema.js';
import { at, CHANNEL, getRecord, getSubscription, GUILD, USER } from '../contract/state-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('PostgreSQL state stores');

it('then the PostgreSQL caps are the lowdb ones', () => {
  expect(DEFAULT_STATE_LIMITS).toEqual({ deliveryLog: MAX_DELIVERY_LOG, threads: MAX_THREADS, channelContext: MAX_CHANNEL_CONTEXT, alertKeysPerGuild: MAX_ALERT_KEYS });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL state stores', () => {
  let schema: ReturnType<typeof testSchema>;
  const opened: PostgresStores[] = [];
  const clients: pg.Client[] = [];
  const open = async (options: Partial<PostgresStoresOptions> = {}) => {
    const stores = await openPostgresStores({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema, listen: false, refreshIntervalMs: 0, ...options });
    opened.push(stores);
    return stores;
  };
  const sql = async (text: string, values: unknown[] = []) => {
    const client = new pg.Client(clientConfig({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema }));
    await client.connect();
    clients.push(client);
    return client.query(text, values);
  };
  beforeEach(() => {
    schema = testSchema();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end()));
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await schema.drop();
  });

  it('given a subscription row edited by hand into something invalid, then reading it is refused naming the table and the row', async () => {
    const stores = await open();
    await stores.subscriptions.create(getSubscription({ id: 'edited' }));
    await sql(`UPDATE subscriptions SET subscription = json_build_object('id', 'edited', 'guildId', 'not-a-snowflake') WHERE id = 'edited'`);
    await expect(stores.subscriptions.get('edited')).rejects.toThrow(new RegExp(`table ${schema.schema}\\.subscriptions, row "edited": guildId: "not-a-snowflake" is not a Discord id`));
    await expect(stores.deliveries.claimActive('one', at(0), 60_000)).rejects.toThrow(/row "edited"/);
  });

  it('given a row whose record names another id, or a delivery row edited into nonsense, then each is refused by name', async () => {
    const stores = await open();
    await stores.subscriptions.create(getSubscription({ id: 'a' }));
    await sql(`UPDATE subscriptions SET id = 'b' WHERE id = 'a'`);
    await expect(stores.subscriptions.get('b')).rejects.toThrow(/row "b": the subscription inside says its id is "a"/);
    await stores.deliveries.log(getRecord());
    await sql(`UPDATE deliveries SET record = '{"outcome":"exploded"}'`);
    await expect(stores.deliveries.recent(1)).rejects.toThrow(new RegExp(`table ${schema.schema}\\.deliveries, row id \\d+: `));
  });

  it('given a record the schemas refuse, then it is not written (so it can never be an unreadable row)', async () => {
    const stores = await open();
    await expect(stores.subscriptions.create(getSubscription({ id: 'bad', channelId: 'general' }))).rejects.toThrow(/refused to store subscription "bad": channelId/);
    await stores.subscriptions.create(getSubscription({ id: 'ok' }));
    await expect(stores.subscriptions.update('ok', (s) => ({ ...s, time: '25:00' }))).rejects.toThrow(/refused to store subscription "ok": time/);
    expect((await stores.subscriptions.get('ok'))?.time).toBe('08:00');
    expect(await stores.subscriptions.get('bad')).toBeUndefined();
  });

  it('given a finish with a message id that is not a Discord id, then the delivery still finishes, without it, and says so', async () => {
    const reported: Error[] = [];
    const stores = await open({ onError: (error) => reported.push(error) });
    await stores.subscriptions.create(getSubscription({ id: 's' }));
    await stores.deliveries.recordIntent('s', { id: '1', kind: 'new', seqs: [1], upToSeq: 1, startedAt: at(0).toISOString(), partsSent: 0 });
    await stores.deliveries.finish('s', { upToSeq: 1, outcome: 'posted', slugs: ['a'], messageId: 'msg-1', threadId: '600000000000000001' }, at(1));
    expect(await stores.subscriptions.get('s')).toMatchObject({ cursorSeq: 1 });
    expect(await stores.deliveries.countPending()).toBe(0);
    expect((await stores.deliveries.history('s', 1))[0]?.messageId).toBeUndefined();
    expect(await stores.threads.briefingOf('600000000000000001')).toBe('a');
    expect(reported.map((e) => e.message)).toEqual(['delivery of subscription "s": messageId "msg-1" is not a Discord id; finished without it']);
  });

  it('given the pruning after a committed finish or failure fails, and so does the reporting of it, then finish and fail still say they recorded it', async () => {
    // The background-error path itself throws (a logger closed at shutdown): what committed must still count.
    const reported: Error[] = [];
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    onTestFinished(() => warnings.mockRestore());
    const stores = await open({
      limits: { deliveryLog: 1, threads: 1 },
      onError: (error) => {
        reported.push(error);
        throw new Error('the logger is closed');
      },
    });
    await sql(`CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no deletes today'; END $$`);
    await sql('CREATE TRIGGER refuse_delete_deliveries BEFORE DELETE ON deliveries FOR EACH ROW EXECUTE FUNCTION refuse_delete()');
    await sql('CREATE TRIGGER refuse_delete_threads BEFORE DELETE ON threads FOR EACH ROW EXECUTE FUNCTION refuse_delete()');
    await stores.subscriptions.create(getSubscription({ id: 's' }));
    for (const [i, threadId] of ['600000000000000001', '600000000000000002'].entries()) {
      await stores.deliveries.recordIntent('s', { id: `${i + 1}`, kind: 'new', seqs: [i + 1], upToSeq: i + 1, startedAt: at(i).toISOString(), partsSent: 0 });
      expect(await stores.deliveries.finish('s', { upToSeq: i + 1, outcome: 'posted', slugs: ['a'], threadId, deliveryId: `${i + 1}` }, at(i))).toBe(true);
    }
    await stores.deliveries.recordIntent('s', { id: '3', kind: 'new', seqs: [3], upToSeq: 3, startedAt: at(2).toISOString(), partsSent: 0 });
    expect(await stores.deliveries.fail('s', { outcome: 'retrying', reason: '503', slugs: ['a'], deliveryId: '3', lastDeliveryAtStart: at(1).toISOString() }, at(2))).toMatchObject({ after: { retry: { attempts: 1 } } });
    expect(await stores.subscriptions.get('s')).toMatchObject({ cursorSeq: 2, pending: { id: '3' } });
    expect(await stores.deliveries.history('s', 10)).toHaveLength(3);
    // Each failure went to the background-error path first; as that threw, to Node's warnings.
    expect(reported.some((e) => /pruning \S+\.deliveries failed.*no deletes today/.test(e.message))).toBe(true);
    expect(reported.some((e) => /pruning \S+\.threads failed.*no deletes today/.test(e.message))).toBe(true);
    expect(warnings.mock.calls.map(([w]) => String(w))).toContain('Error: cleanup after a committed delivery write failed, and so did reporting it: the logger is closed');
  });

  it('given the capped tables full, then the oldest entries are forgotten as lowdb forgets them', async () => {
    const stores = await open({ limits: { deliveryLog: 3, threads: 2, channelContext: 3, alertKeysPerGuild: 2 } });
    for (let i = 1; i <= 5; i++) await stores.deliveries.log(getRecord({ slugs: [`s${i}`] }));
    expect((await stores.deliveries.recent(10)).map((r) => r.slugs[0])).toEqual(['s3', 's4', 's5']);
    // Snowflakes grow with time: the smallest number is the oldest thread, whatever the order remembered.
    for (const id of ['700000000000000003', '99000000000000001', '700000000000000001']) await stores.threads.remember(id, `t${id}`);
    expect(await stores.threads.briefingOf('99000000000000001')).toBeUndefined();
    expect(await stores.threads.briefingOf('700000000000000001')).toBe('t700000000000000001');
    expect(await stores.threads.briefingOf('700000000000000003')).toBe('t700000000000000003');
    await stores.channelContext.remember(CHANNEL, USER, 'first', at(1));
    await stores.channelContext.remember('200000000000000005', undefined, 'second', at(2));
    await stores.channelContext.remember('200000000000000006', undefined, 'third', at(3));
    expect(await stores.channelContext.shownIn(CHANNEL, USER)).toEqual({ user: { channelId: CHANNEL, userId: USER, slug: 'first', at: at(1).toISOString() } });
    await stores.alerts.configure(GUILD, { channelId: CHANNEL, setBy: USER });
    for (const key of ['k1', 'k2', 'k3']) await stores.alerts.claimAlert(key, GUILD);
    expect((await stores.alerts.settings(GUILD))?.sent).toEqual(['k2', 'k3']);
    // A forgotten key's condition is long past: should it come back, it is alerted again.
    expect(await stores.alerts.claimAlert('k1', GUILD)).toHaveLength(1);
  });

  it('then ping answers true while open and false once closed; the description has no password', async () => {
    const url = new URL(TEST_DATABASE_URL as string);
    url.password = 'hunter2-secret';
    const stores = await open({ connectionString: url.toString() });
    expect(await stores.ping()).toBe(true);
    expect(stores.description).not.toContain('hunter2');
    expect(stores.description).toContain(`schema ${schema.schema}`);
    await stores.close();
    expect(await stores.ping()).toBe(false);
    await expect(stores.subscriptions.get('x')).rejects.toThrow(/closed/);
  });

  it('given writes in progress, then close waits for them: they are committed when it resolves, with nothing to report', async () => {
    const reported: Error[] = [];
    const stores = await open({ onError: (error) => reported.push(error) });
    await stores.subscriptions.create(getSubscription({ id: 's' }));
    const writes = Array.from({ length: 10 }, (_, i) => stores.deliveries.log(getRecord({ subscriptionId: 's', slugs: [`w${i}`] })));
    await stores.close();
    await Promise.all(writes);
    const later = await open();
    expect(await later.deliveries.history('s', 20)).toHaveLength(10);
    expect(reported).toEqual([]);
  });

  it('given a second process on the same schema, then the archive and state share one set of tables, and migrations ran once', async () => {
    const first = await open();
    const second = await open();
    await first.deliveries.log(getRecord());
    expect(await second.deliveries.recent(5)).toHaveLength(1);
    const applied = await sql('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.rows.map((r: { version: number }) => r.version)).toEqual([1, 2]);
  });
});
