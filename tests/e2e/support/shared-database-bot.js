// One of several bots on one PostgreSQL database, in a process of its own, for the multi-process
// tests: `node shared-database-bot.js JSON`, where JSON holds the data directory (its own: the
// index snapshot and inbox), the emulator's API base and token, the database URL and schema, the
// process id used in claims, the claim lease and this process's share of the emulator's requests
// per second (SharedDatabaseBotArgs in the test). It prints "ready" once connected, then on each
// "deliver" line delivers what is due and prints "idle". The test kills it with SIGKILL when it
// chooses: no clean-up runs. JavaScript, so that it runs the compiled app (../../support/project-modules.js).
import { createInterface } from 'node:readline';
import { importProject } from '../../support/project-modules.js';

const [{ LumenApp }, { systemClock }, { createLogger }] = await Promise.all([
  importProject('src/app/lumen-app.js'),
  importProject('src/domain/clock.js'),
  importProject('src/log.js'),
]);

const args = JSON.parse(process.argv[2] ?? '{}');
const logger = createLogger({ level: 'warn', secrets: [args.token] });
const app = await LumenApp.open({
  dataDir: args.dataDir,
  database: { url: args.databaseUrl, schema: args.schema },
  processId: args.processId,
  claimLeaseMs: args.claimLeaseMs,
  clock: systemClock,
  logger,
});
await app.startBot({ token: args.token, restApi: args.restApi, restRequestsPerSecond: args.restRequestsPerSecond });
process.stdout.write('ready\n');

// The schedule starts (and delivers what is due) on the first "deliver", once every bot is ready.
let scheduled = false;
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'deliver') continue;
  if (!scheduled) {
    scheduled = true;
    await app.startSchedule({ realTime: false });
  }
  await app.archive.refresh();
  app.requestDelivery();
  await app.whenIdle();
  process.stdout.write('idle\n');
}
await app.stop();
