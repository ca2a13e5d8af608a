/**
 * One of several bots on one PostgreSQL database, in a process of its own, for the multi-process
 * tests: `node --import tsx shared-database-bot.ts JSON`, where JSON holds the data directory (its
 * own: the index snapshot and inbox), the emulator's API base and token, the database URL and
 * schema, the process id used in claims, the claim lease and this process's share of the
 * 50 requests/s. It prints "ready" once connected, then on each "deliver" line delivers what is
 * due and prints "idle". The test kills it with SIGKILL when it chooses: no clean-up runs.
 */
import { createInterface } from 'node:readline';
import { LumenApp } from '../../../src/app/lumen-app.js';
import { systemClock } from '../../../src/domain/clock.js';
import { createLogger } from '../../../src/log.js';

export interface SharedDatabaseBotArgs {
  dataDir: string;
  restApi: string;
  token: string;
  databaseUrl: string;
  schema: string;
  processId: string;
  claimLeaseMs: number;
  restRequestsPerSecond: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as SharedDatabaseBotArgs;
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
