/**
 * Three lanes (vitest projects), which `npm test` runs together and `npm run test:<lane>` alone:
 * - unit: everything else; pure and fast, so it runs in worker threads without per-file isolation
 *   (no emulator, no real sleeping, no process.chdir or global env mutation);
 * - e2e: through the local Discord emulator (tests/commands, delivery, sandbox, e2e, `*.e2e.test.ts`),
 *   in child processes (forks) that each run one file after another without per-file isolation: every
 *   file starts and closes its own emulator, bot and data directory, so what a fresh module graph
 *   would add is only the reload of discord.js, the emulator and the app for every file (on 2 shared
 *   cores that reload was most of the lane: vitest's "import" 118 s isolated, 14 s not, for tests/commands);
 * - slow: `*.slow.test.ts` (evaluation thresholds, property tests, kill -9, long simulations), one
 *   fresh process per file: its timing bounds (parse-linear, parse-fuzz) compare against a baseline
 *   measured in the same process, which another file's leftover heap would skew.
 * The slow lane starts first (tests/support/slow-lane-first-sequencer.ts). The scripts tests run as
 * child processes are JavaScript that loads dist/ when it is fresh (tests/support/project-modules.js).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowLaneFirstSequencer } from './tests/support/slow-lane-first-sequencer.js';

const SLOW = ['tests/**/*.slow.test.ts'];
const E2E = ['tests/commands/**/*.test.ts', 'tests/delivery/**/*.test.ts', 'tests/sandbox/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    // Temporary files in memory when there is room (tests/support/memory-temp-dir.ts).
    globalSetup: ['tests/support/memory-temp-dir.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // vitest's default leaves one of two cores idle; the e2e files mostly wait on sockets and timers.
    maxWorkers: Math.max(2, availableParallelism()),
    // The slow lane's long files first, so that the two workers finish together (the sequencer says why).
    sequence: { sequencer: SlowLaneFirstSequencer },
    // The JSON report is what .ci/run reads to print vitest's own pass/fail counts (all lanes).
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...E2E, ...SLOW], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E, exclude: SLOW, pool: 'forks', isolate: false },
      },
      {
        extends: true,
        test: { name: 'slow', include: SLOW, pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
