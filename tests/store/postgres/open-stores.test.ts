import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores } from '../../../src/store/open-stores.js';
import { getSubscription } from '../contract/state-factory.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from './test-database.js';

announceSkippedWithoutDatabase('openStores on PostgreSQL');

describe.skipIf(!TEST_DATABASE_URL)('given a database in the store options', () => {
  it('then openStores opens the PostgreSQL stores in its schema, and writes no lowdb file', async () => {
    const { schema, drop } = testSchema();
    const dataDir = await mkdtemp(join(tmpdir(), 'lumen-open-stores-'));
    const reported: Error[] = [];
    const stores = await openStores({ dataDir, database: { url: TEST_DATABASE_URL as string, schema }, onBackgroundError: (error) => reported.push(error) });
    try {
      expect(stores.description).toMatch(new RegExp(`^PostgreSQL postgres://.* \\(schema ${schema}\\)$`));
      await stores.subscriptions.create(getSubscription());
      expect(await stores.ping()).toBe(true);
      expect(await readdir(dataDir)).toEqual([]);
    } finally {
      await stores.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    }
    expect(reported).toEqual([]);
  });
});
