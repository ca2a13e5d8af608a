/**
 * Starting the sandbox from the command line: a fresh `sandbox/` folder under the data
 * directory (the emulated guild is new every run, so yesterday's channel ids mean nothing),
 * the log in a file there so it does not interleave with the conversation.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { configSecrets, type Config } from '../config.js';
import { OffsetClock } from '../domain/clock.js';
import { LumenError } from '../domain/errors.js';
import { createLogger, scrubText } from '../log.js';
import { Sandbox } from '../sandbox/sandbox.js';
import { writeText, type CliIo } from './cli-io.js';
import { pino } from 'pino';

export async function startCliSandbox(config: Config, io: CliIo, options: { realTimeSchedule?: boolean } = {}): Promise<Sandbox | undefined> {
  const dataDir = join(config.dataDir, 'sandbox');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const secrets = configSecrets(config);
  const logger = createLogger({ level: config.logLevel, secrets, destination: pino.destination({ dest: join(dataDir, 'lumen.log'), sync: true }) });
  // With LUMEN_DATABASE_URL the sandbox runs on PostgreSQL, in a schema of its own dropped at the end.
  const database = config.database && { url: config.database.url, schema: `lumen_sandbox_${randomBytes(5).toString('hex')}` };
  if (database) writeText(io.stdout, `On PostgreSQL (LUMEN_DATABASE_URL), in schema ${database.schema}, dropped when the sandbox stops.\n`);
  try {
    return await Sandbox.start({ dataDir, clock: new OffsetClock(), logger, inboxPollSeconds: config.inboxPollSeconds, realTimeSchedule: options.realTimeSchedule, ...(database ? { database } : {}) });
  } catch (error) {
    writeText(io.stderr, `Could not start the sandbox: ${scrubText(error instanceof LumenError ? error.message : (error as Error).message, secrets)}\n`);
    return undefined;
  }
}
