import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbBriefingArchive } from '../../../src/store/lowdb-briefing-archive.js';
import { describeBriefingArchiveContract } from './briefing-archive-contract.js';

describeBriefingArchiveContract(
  'lowdb (archive.json in a temporary data directory)',
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lumen-archive-contract-'));
    return {
      open: () => LowdbBriefingArchive.open(dataDir),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
  { concurrentSaves: 12 },
);
