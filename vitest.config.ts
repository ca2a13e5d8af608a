/**
 * Three lanes (vitest projects), which `npm test` runs together and `npm run test:<lane>` alone:
 * - unit: everything else; pure and fast, so it runs in worker threads without per-file isolation
 *   (no emulator, no real sleeping, no process.chdir or global env mutation);
 * - e2e: through the local Discord emulator (tests/commands, delivery, sandbox, e2e, `*.e2e.test.ts`),
 *   one process per file, since each starts servers and real clients;
 * - slow: `*.slow.test.ts` (evaluation thresholds, property tests, kill -9, long simulations).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const SLOW = ['tests/**/*.slow.test.ts'];
const E2E = ['tests/commands/**/*.test.ts', 'tests/delivery/**/*.test.ts', 'tests/sandbox/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // vitest's default leaves one of two cores idle; the e2e files mostly wait on sockets and timers.
    maxWorkers: Math.max(2, availableParallelism()),
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
        test: { name: 'e2e', include: E2E, exclude: SLOW, pool: 'forks' },
      },
      {
        extends: true,
        test: { name: 'slow', include: SLOW, pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
