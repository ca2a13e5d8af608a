/**
 * The exactly-once basis on PostgreSQL, as a simulation: several processes (each its own stores
 * and pool on one schema) deliver rounds of briefings to many subscriptions through claims
 * alone: claim, deliver what the claimed subscription's cursor says is due (intent, then
 * finish), release. Every subscription must log every round exactly once. Prints the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumenStores } from '../../../src/store/lumen-stores.js';
import { openPostgresStores } from '../../../src/store/postgres/postgres-stores.js';
import { at, getSubscription } from '../contract/state-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('exactly-once claims simulation');

const PROCESSES = 4;
const SUBSCRIPTIONS = 200;
const ROUNDS = 5;
const LEASE_MS = 60_000;

describe.skipIf(!TEST_DATABASE_URL)('given several processes delivering through claims on one database', () => {
  const schema = testSchema();
  const processes: LumenStores[] = [];
  beforeAll(async () => {
    for (let i = 0; i < PROCESSES; i++) processes.push(await openPostgresStores({ connectionString: TEST_DATABASE_URL as string, schema: schema.schema, listen: false, refreshIntervalMs: 0 }));
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.close()));
    await schema.drop();
  });

  it('then every subscription logs every round exactly once, whoever delivered it', async () => {
    const first = processes[0] as LumenStores;
    for (let i = 0; i < SUBSCRIPTIONS; i++) await first.subscriptions.create(getSubscription({ id: `s${String(i).padStart(3, '0')}`, channelId: `2000000000000${String(i).padStart(5, '0')}` }));
    const perProcess = Array.from({ length: PROCESSES }, () => 0);
    let claimWaves = 0;
    const started = performance.now();
    for (let round = 1; round <= ROUNDS; round++) {
      const now = at(round);
      let delivered = 0;
      await Promise.all(
        processes.map(async (stores, p) => {
          const owner = `process-${p}`;
          while (delivered < SUBSCRIPTIONS) {
            claimWaves++;
            const claimed = await stores.deliveries.claimActive(owner, now, LEASE_MS);
            for (const sub of claimed) {
              // What the claim returned is the row as committed under its lock: a cursor already at this round means someone delivered it.
              if (sub.cursorSeq >= round) continue;
              await stores.deliveries.recordIntent(sub.id, { id: `${round}${p}`, kind: 'new', seqs: [round], upToSeq: round, startedAt: now.toISOString(), partsSent: 0 });
              await stores.deliveries.finish(sub.id, { upToSeq: round, outcome: 'posted', slugs: [`briefing-${round}`], messageId: `50000000000000${String(round).padStart(4, '0')}` }, now);
              delivered++;
              perProcess[p] = (perProcess[p] ?? 0) + 1;
            }
            await stores.deliveries.release(owner, claimed.map((s) => s.id));
            await new Promise((resolve) => setImmediate(resolve));
          }
        }),
      );
    }
    const elapsedMs = performance.now() - started;
    const log = await first.deliveries.recent(SUBSCRIPTIONS * ROUNDS + 10);
    expect(log).toHaveLength(SUBSCRIPTIONS * ROUNDS);
    const seen = new Set(log.map((r) => `${r.subscriptionId}:${r.slugs[0]}`));
    expect(seen.size).toBe(SUBSCRIPTIONS * ROUNDS);
    expect(await first.deliveries.countPending()).toBe(0);
    console.log(
      `exactly-once claims: ${SUBSCRIPTIONS * ROUNDS} deliveries by ${PROCESSES} processes in ${elapsedMs.toFixed(0)} ms ` +
        `(${((SUBSCRIPTIONS * ROUNDS) / (elapsedMs / 1000)).toFixed(0)}/s, intent + finish each), ${claimWaves} claim waves, per process ${perProcess.join('/')}, 0 duplicates`,
    );
  });
});
