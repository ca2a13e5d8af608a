import { describe } from 'vitest';
import { PostgresBriefingArchive } from '../../../src/store/postgres/postgres-briefing-archive.js';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from '../postgres/test-database.js';
import { describeArchiveRestoreContract } from './archive-restore-contract.js';

announceSkippedWithoutDatabase('BriefingArchive restore contract');

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => {
  describeArchiveRestoreContract('PostgreSQL (a schema of its own per test)', async () => {
    const { schema, drop } = testSchema();
    const opened: PostgresBriefingArchive[] = [];
    return {
      open: async () => {
        const archive = await PostgresBriefingArchive.open({ connectionString: TEST_DATABASE_URL as string, schema, listen: false, refreshIntervalMs: 0 });
        opened.push(archive);
        return archive;
      },
      dispose: async () => {
        await Promise.all(opened.map((a) => a.close()));
        await drop();
      },
    };
  });
});
