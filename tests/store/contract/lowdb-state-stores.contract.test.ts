import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LumenStores } from '../../../src/store/lumen-stores.js';
import { openLowdbStores } from '../../../src/store/lowdb-stores.js';
import { describeStateStoresContract } from './state-stores-contract.js';

describeStateStoresContract(
  'lowdb (state.json in a temporary data directory)',
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lumen-state-contract-'));
    let opened: LumenStores | undefined;
    return {
      // One process owns a data directory: every call gives the same stores.
      open: async () => (opened ??= await openLowdbStores(dataDir)),
      dispose: async () => {
        await opened?.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  { sharedViews: false },
);
