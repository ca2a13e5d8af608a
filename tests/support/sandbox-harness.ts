import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/domain/clock.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import type { RouterOptions } from '../../src/discord/interaction-router.js';

/** A sandbox (emulator + real bot) on a fresh data directory holding the samples. */
export async function startSandbox(options: { logger?: Logger; router?: RouterOptions; dataDir?: string; seedSamples?: boolean } = {}): Promise<Sandbox> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'lumen-e2e-')));
  return Sandbox.start({
    dataDir,
    clock: new ManualClock('2026-11-25T09:00:00.000Z'),
    logger: options.logger ?? silentLogger(),
    router: options.router,
    seedSamples: options.seedSamples,
  });
}
