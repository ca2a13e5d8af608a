import { describe } from 'vitest';
import { PostgresBriefingArchive } from '../../../src/store/postgres/postgres-briefing-archive.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from '../postgres/test-database.js';
import { describeBriefingArchiveContract } from './briefing-archive-contract.js';

announceSkippedWithoutDatabase('BriefingArchive contract');

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => {
  describeBriefingArchiveContract(
    'PostgreSQL (a schema of its own per test)',
    async () => {
      const { schema, drop } = testSchema();
      const opened: PostgresBriefingArchive[] = [];
      return {
        open: async () => {
          // No background refresh or change feed here: the contract's views learn of each other through refresh() only.
          const archive = await PostgresBriefingArchive.open({ connectionString: TEST_DATABASE_URL as string, schema, listen: false, refreshIntervalMs: 0 });
          opened.push(archive);
          return archive;
        },
        dispose: async () => {
          await Promise.all(opened.map((a) => a.close()));
          await drop();
        },
      };
    },
    { concurrentSaves: 40 },
  );
});
