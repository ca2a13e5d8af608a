import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbBriefingArchive } from '../../../src/store/lowdb-briefing-archive.js';
import { describeArchiveRestoreContract } from './archive-restore-contract.js';

describeArchiveRestoreContract('lowdb (archive.json in a temporary data directory)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lumen-restore-contract-'));
  return {
    open: () => LowdbBriefingArchive.open(dataDir),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
});
