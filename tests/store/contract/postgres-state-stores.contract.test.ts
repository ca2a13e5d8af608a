import { describe } from 'vitest';
import { openPostgresStores } from '../../../src/store/postgres/postgres-stores.js';
import type { LumenStores } from '../../../src/store/lumen-stores.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from '../postgres/test-database.js';
import { describeStateStoresContract } from './state-stores-contract.js';

announceSkippedWithoutDatabase('state stores contract');

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => {
  describeStateStoresContract(
    'PostgreSQL (a schema of its own per test; each open is another process)',
    async () => {
      const { schema, drop } = testSchema();
      const opened: LumenStores[] = [];
      return {
        open: async () => {
          const stores = await openPostgresStores({ connectionString: TEST_DATABASE_URL as string, schema, listen: false, refreshIntervalMs: 0 });
          opened.push(stores);
          return stores;
        },
        dispose: async () => {
          await Promise.all(opened.map((s) => s.close()));
          await drop();
        },
      };
    },
    { sharedViews: true },
  );
});
