import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK } from '../../src/cli/verbs/migrate-store-verb.js';
import { acquireProcessLock } from '../../src/store/file-lock.js';
import { openLowdbStores } from '../../src/store/lowdb-stores.js';
import type { LumenStores } from '../../src/store/lumen-stores.js';
import { openPostgresStores } from '../../src/store/postgres/postgres-stores.js';
import { getIncoming } from '../support/briefing-factory.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { at, CHANNEL, getPending, getRecord, getSubscription, GUILD, USER } from '../store/contract/state-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from '../store/postgres/test-database.js';

announceSkippedWithoutDatabase('lumen migrate-store');

it('then the lock it takes is the one a running bot holds in the data directory', async () => {
  expect(DATA_DIR_LOCK).toBe((await import('../../src/app/lumen-app.js')).DATA_DIR_LOCK_FILE);
});

describe('given lumen migrate-store used wrongly', () => {
  it('then a missing or unknown --to is a usage error, and a missing LUMEN_DATABASE_URL is named', async () => {
    const dataDir = await tempDataDir();
    expect(await runLumen(['migrate-store'], { dataDir })).toMatchObject({ code: 2, stderr: expect.stringContaining('--to must be postgres or lowdb (got nothing)') });
    expect(await runLumen(['migrate-store', '--to', 'mysql'], { dataDir })).toMatchObject({ code: 2, stderr: expect.stringContaining('(got "mysql")') });
    expect(await runLumen(['migrate-store', '--to', 'postgres'], { dataDir })).toMatchObject({ code: 1, stderr: expect.stringContaining('LUMEN_DATABASE_URL is not set') });
    await rm(dataDir, { recursive: true, force: true });
  });
});

/** A data directory with something in every part: briefings with a gap and a revision, and all of the state. */
async function fillStores(stores: LumenStores): Promise<void> {
  await stores.archive.save([getIncoming({ slug: 'one' }), getIncoming({ slug: 'two' })], at(0));
  await stores.archive.save([{ ...getIncoming({ slug: 'one' }), contentHash: 'e'.repeat(64) }], at(5));
  await stores.subscriptions.create(getSubscription({ id: 'sub-1', cursorSeq: 1 }));
  await stores.subscriptions.create(getSubscription({ id: 'sub-2', mode: 'digest', status: 'paused', statusReason: 'admin' }));
  await stores.deliveries.recordIntent('sub-1', getPending({ upToSeq: 2 }));
  await stores.deliveries.finish('sub-1', { upToSeq: 2, outcome: 'posted', slugs: ['two'], messageId: '500000000000000001', threadId: '600000000000000001' }, at(6));
  await stores.deliveries.recordIntent('sub-1', getPending({ id: '1002', upToSeq: 3, partsSent: 1 }));
  await stores.deliveries.log(getRecord({ subscriptionId: 'sub-2', test: true }));
  await stores.channelContext.remember(CHANNEL, USER, 'one', at(7));
  await stores.alerts.configure(GUILD, { channelId: CHANNEL, setBy: USER });
  await stores.alerts.claimAlert('archive-stale', undefined);
}

/** Everything a store answers about the filled data, for comparing two stores. */
async function observe(stores: LumenStores): Promise<unknown> {
  return {
    archive: JSON.stringify(stores.archive.importedAfter(0)),
    lastSeq: stores.archive.lastSeq,
    subscriptions: await stores.subscriptions.listByGuild(GUILD),
    log: await stores.deliveries.recent(100),
    pending: await stores.deliveries.countPending(),
    thread: await stores.threads.briefingOf('600000000000000001'),
    shown: await stores.channelContext.shownIn(CHANNEL, USER),
    alerts: await stores.alerts.settings(GUILD),
  };
}

describe.skipIf(!TEST_DATABASE_URL)('given a data directory and a PostgreSQL database', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  const setUp = async () => {
    const dataDir = await tempDataDir();
    const { schema, drop } = testSchema();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }), drop);
    const lumen = (argv: string[], dir = dataDir) => runLumen(['migrate-store', ...argv, '--schema', schema], { dataDir: dir, env: { LUMEN_DATABASE_URL: TEST_DATABASE_URL as string } });
    const openPostgres = async () => {
      const stores = await openPostgresStores({ connectionString: TEST_DATABASE_URL as string, schema, listen: false, refreshIntervalMs: 0 });
      cleanup.push(() => stores.close());
      return stores;
    };
    return { dataDir, schema, lumen, openPostgres };
  };

  it('then --to postgres copies every part with positions, revisions and cursors kept, verified, and a second run writes nothing', async () => {
    const { dataDir, lumen, openPostgres } = await setUp();
    const lowdb = await openLowdbStores(dataDir);
    await fillStores(lowdb);
    const expected = await observe(lowdb);
    const run = await lumen(['--to', 'postgres']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/briefings\s+2\s+2\s+[0-9a-f]{16}\s+same/);
    expect(run.stdout).toMatch(/deliveries\s+2\s+2\s+[0-9a-f]{16}\s+same/);
    expect(run.stdout).toContain('Copied and verified.');
    expect(run.stdout).not.toMatch(/DIFFERENT/);
    expect(await observe(await openPostgres())).toEqual(expected);
    const again = await lumen(['--to', 'postgres']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('nothing was written');
  });

  it('then --to lowdb brings it back into an empty data directory, the same as the original, and the next import takes the next position', async () => {
    const { dataDir, lumen } = await setUp();
    const original = await openLowdbStores(dataDir);
    await fillStores(original);
    expect((await lumen(['--to', 'postgres'])).code).toBe(0);
    const back = await tempDataDir();
    cleanup.push(() => rm(back, { recursive: true, force: true }));
    const run = await lumen(['--to', 'lowdb'], back);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const restored = await openLowdbStores(back);
    expect(await observe(restored)).toEqual(await observe(original));
    expect(JSON.parse(await readFile(join(back, 'state.json'), 'utf8'))).toEqual(JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')));
    await restored.archive.save([getIncoming({ slug: 'three' })], at(9));
    expect(restored.archive.get('three')?.seq).toBe(3);
  });

  it('given a target holding different data, then the copy is refused without --replace and overwrites it with', async () => {
    const { dataDir, lumen, openPostgres } = await setUp();
    await fillStores(await openLowdbStores(dataDir));
    const postgres = await openPostgres();
    await postgres.subscriptions.create(getSubscription({ id: 'only-in-postgres' }));
    const refused = await lumen(['--to', 'postgres']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the target already holds different data (1 subscriptions); nothing was written. --replace overwrites it');
    expect(await postgres.subscriptions.get('only-in-postgres')).toBeDefined();
    const replaced = await lumen(['--to', 'postgres', '--replace']);
    expect(replaced).toMatchObject({ code: 0, stderr: '' });
    expect(await postgres.subscriptions.get('only-in-postgres')).toBeUndefined();
    expect((await postgres.subscriptions.listByGuild(GUILD)).map((s) => s.id)).toEqual(['sub-1', 'sub-2']);
  });

  it('given a bot holding the data directory, then the copy refuses to start', async () => {
    const { dataDir, lumen } = await setUp();
    const lock = await acquireProcessLock(join(dataDir, DATA_DIR_LOCK), 'a test bot');
    cleanup.push(() => lock.release());
    const run = await lumen(['--to', 'postgres']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/data directory/);
  });
});
