/**
 * Figures for the PostgreSQL state stores, one process: the time of each step of a delivery
 * (intent, finish), of a claim over many subscriptions, and of a history read. Printed, not
 * asserted (the machine is shared); what is asserted is that every step did its work.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStores, type PostgresStores } from '../../../src/store/postgres/postgres-stores.js';
import { at, getSubscription } from '../contract/state-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('PostgreSQL state store figures');

const SUBSCRIPTIONS = 300;

async function msEach(n: number, step: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await step(i);
  return (performance.now() - started) / n;
}

describe.skipIf(!TEST_DATABASE_URL)('given the PostgreSQL state stores on a local server', () => {
  const schema = testSchema();
  let stores: PostgresStores | undefined;
  afterAll(async () => {
    await stores?.close();
    await schema.drop();
  });

  it('then each delivery step, a claim and a history read take a few milliseconds (printed)', async () => {
    const s = (stores = await openPostgresStores({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema, listen: false, refreshIntervalMs: 0 }));
    const create = await msEach(SUBSCRIPTIONS, (i) => s.subscriptions.create(getSubscription({ id: `s${i}`, timezone: 'Europe/Berlin' })));
    const intent = await msEach(SUBSCRIPTIONS, (i) => s.deliveries.recordIntent(`s${i}`, { id: '1', kind: 'new', seqs: [1], upToSeq: 1, startedAt: at(0).toISOString(), partsSent: 0 }));
    expect(await s.deliveries.countPending()).toBe(SUBSCRIPTIONS);
    const finish = await msEach(SUBSCRIPTIONS, (i) => s.deliveries.finish(`s${i}`, { upToSeq: 1, outcome: 'posted', slugs: ['a'], threadId: `6000000000000${String(i).padStart(5, '0')}` }, at(1)));
    expect(await s.deliveries.countPending()).toBe(0);
    let claimed = 0;
    const claim = await msEach(20, async (i) => (claimed = (await s.deliveries.claimActive(`owner-${i}`, at(i * 2), 60_000)).length));
    expect(claimed).toBe(SUBSCRIPTIONS);
    const history = await msEach(200, (i) => s.deliveries.history(`s${i}`, 10));
    console.log(
      `PostgreSQL state stores, ${SUBSCRIPTIONS} subscriptions: create ${create.toFixed(2)} ms, recordIntent ${intent.toFixed(2)} ms, ` +
        `finish (with thread and log) ${finish.toFixed(2)} ms, claimActive of all ${claim.toFixed(1)} ms, history ${history.toFixed(2)} ms`,
    );
  });
});
