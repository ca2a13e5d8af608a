/**
 * The bot in a process of its own, for the crash tests: `node --import tsx bot-child.ts DATA_DIR
 * API_BASE TOKEN`. It starts LumenApp on the data directory against the emulator the test runs,
 * prints "ready", then on each "deliver" line on stdin delivers what is due and prints "idle".
 * The test kills it with SIGKILL at the moment it chooses: no clean-up runs.
 */
import { createInterface } from 'node:readline';
import { LumenApp } from '../../../src/app/lumen-app.js';
import { systemClock } from '../../../src/domain/clock.js';
import { createLogger } from '../../../src/log.js';

const [dataDir, restApi, token] = process.argv.slice(2);
if (!dataDir || !restApi || !token) throw new Error('usage: bot-child.ts DATA_DIR API_BASE TOKEN');

const app = await LumenApp.open({ dataDir, clock: systemClock, logger: createLogger({ level: 'warn', secrets: [token] }) });
await app.startBot({ token, restApi });
await app.startSchedule({ realTime: false });
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'deliver') continue;
  app.requestDelivery();
  await app.whenIdle();
  process.stdout.write('idle\n');
}
await app.stop();
