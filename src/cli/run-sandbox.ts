/**
 * Starting the sandbox from the command line: a fresh `sandbox/` folder under the data
 * directory (the emulated guild is new every run, so yesterday's channel ids mean nothing),
 * the log in a file there so it does not interleave with the conversation.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { OffsetClock } from '../domain/clock.js';
import { LumenError } from '../domain/errors.js';
import { createLogger } from '../log.js';
import { Sandbox } from '../sandbox/sandbox.js';
import { writeText, type CliIo } from './cli-io.js';
import { pino } from 'pino';

export async function startCliSandbox(config: Config, io: CliIo, options: { realTimeSchedule?: boolean } = {}): Promise<Sandbox | undefined> {
  const dataDir = join(config.dataDir, 'sandbox');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const logger = createLogger({ level: config.logLevel, destination: pino.destination({ dest: join(dataDir, 'lumen.log'), sync: true }) });
  try {
    return await Sandbox.start({ dataDir, clock: new OffsetClock(), logger, inboxPollSeconds: config.inboxPollSeconds, realTimeSchedule: options.realTimeSchedule });
  } catch (error) {
    writeText(io.stderr, `Could not start the sandbox: ${error instanceof LumenError ? error.message : (error as Error).message}\n`);
    return undefined;
  }
}
