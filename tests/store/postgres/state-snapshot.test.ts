import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateFile } from '../../../src/store/state.schema.js';
import { openPostgresStores, type PostgresStores } from '../../../src/store/postgres/postgres-stores.js';
import { at, CHANNEL, getPending, getRecord, getSubscription, GUILD, OTHER_GUILD, USER } from '../contract/state-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('PostgreSQL state snapshot');

/** A state file with every part filled, in lowdb's orders (oldest first). */
const state = (): StateFile => ({
  version: 1,
  subscriptions: [getSubscription({ id: 'z', pending: getPending() }), getSubscription({ id: 'a', guildId: OTHER_GUILD, cursorSeq: 4 })],
  deliveries: [getRecord({ slugs: ['first'] }), getRecord({ slugs: ['second'], outcome: 'failed', reason: 'x' })],
  threads: { '600000000000000002': 'b', '600000000000000001': 'a' },
  alerts: { [GUILD]: { channelId: CHANNEL, setBy: USER, sent: ['k2', 'k1'] } },
  channelContext: [
    { channelId: CHANNEL, slug: 'x', at: at(1).toISOString() },
    { channelId: CHANNEL, userId: USER, slug: 'x', at: at(1).toISOString() },
  ],
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL state as one document', () => {
  let schema: ReturnType<typeof testSchema>;
  let stores: PostgresStores;
  beforeEach(async () => {
    schema = testSchema();
    stores = await openPostgresStores({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema, listen: false, refreshIntervalMs: 0 });
  });
  afterEach(async () => {
    await stores.close();
    await schema.drop();
  });

  it('given an empty schema, then the state read is the empty state file', async () => {
    expect(await stores.readState()).toEqual({ version: 1, subscriptions: [], deliveries: [], threads: {} });
  });

  it('given a state replaced, then it reads back the same, in the same orders, and the stores answer from it', async () => {
    await stores.replaceState(state());
    const read = await stores.readState();
    expect(read).toEqual({ ...state(), threads: { '600000000000000001': 'a', '600000000000000002': 'b' } });
    expect(read.alerts?.[GUILD]?.sent).toEqual(['k2', 'k1']);
    expect(await stores.deliveries.countPending()).toBe(1);
    expect((await stores.deliveries.recent(1))[0]?.slugs).toEqual(['second']);
    expect(await stores.alerts.claimAlert('k1', GUILD)).toEqual([]);
  });

  it('given a replacement, then what was there is gone, claims included', async () => {
    await stores.subscriptions.create(getSubscription({ id: 'old' }));
    await stores.subscriptions.create(getSubscription({ id: 'z' }));
    await stores.deliveries.claimActive('someone', at(0), 60_000);
    await stores.replaceState(state());
    expect(await stores.subscriptions.get('old')).toBeUndefined();
    expect((await stores.deliveries.claimActive('another', at(0), 60_000)).map((s) => s.id)).toEqual(['z', 'a']);
  });

  it('given an invalid state, then nothing is replaced and the error names the field', async () => {
    await stores.replaceState(state());
    const bad = state();
    bad.subscriptions.push(getSubscription({ id: 'z' }));
    await expect(stores.replaceState(bad)).rejects.toThrow(/cannot restore the state: subscriptions\.2\.id: the subscription id "z" appears twice/);
    expect((await stores.readState()).subscriptions).toHaveLength(2);
  });
});
