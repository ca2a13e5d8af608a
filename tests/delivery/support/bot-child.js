// The bot in a process of its own, for the crash tests: `node bot-child.js DATA_DIR API_BASE
// TOKEN`. It starts LumenApp on the data directory against the emulator the test runs, prints
// "ready", then on each "deliver" line on stdin delivers what is due and prints "idle". The test
// kills it with SIGKILL at the moment it chooses: no clean-up runs. JavaScript, so that it runs the
// compiled app when dist/ is fresh (../../support/project-modules.js).
import { createInterface } from 'node:readline';
import { importProject } from '../../support/project-modules.js';

const [{ LumenApp }, { systemClock }, { createLogger }] = await Promise.all([
  importProject('src/app/lumen-app.js'),
  importProject('src/domain/clock.js'),
  importProject('src/log.js'),
]);

const [dataDir, restApi, token] = process.argv.slice(2);
if (!dataDir || !restApi || !token) throw new Error('usage: bot-child.js DATA_DIR API_BASE TOKEN');

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
