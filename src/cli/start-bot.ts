/**
 * `lumen start` with a token: the bot on the configured data directory, connected to Discord
 * (or, in tests, to the local emulator standing in for it), with the schedule running.
 */
import { LumenApp } from '../app/lumen-app.js';
import type { Config } from '../config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import type { Logger } from '../log.js';

/** What a new operator is told when the bot starts with nothing to show. */
export const EMPTY_ARCHIVE_WARNING =
  'the archive is empty: /brief, /search and /ask have nothing to show until briefings arrive. ' +
  'Try it with "npx lumen import data/samples"; for real use drop files into the inbox folder, or upload them with /publish';

export interface StartBotOptions {
  /** Discord's REST API base; the emulator's in tests (default: discord.com). */
  restApi?: string;
  clock?: Clock;
  /** Runs once the data directory is open, before the bot connects (the HTTP port). */
  beforeBot?: (app: LumenApp) => Promise<void>;
  /** Runs once the bot is connected, before the schedule starts. */
  afterBot?: (app: LumenApp) => void;
}

/**
 * Opens the data directory, warns when its archive is empty, connects the bot and starts the
 * schedule. Throws (a LumenError for a store it cannot trust) when it cannot start.
 */
export async function startDiscordBot(config: Config & { discordToken: string }, logger: Logger, options: StartBotOptions = {}): Promise<LumenApp> {
  const app = await LumenApp.open({
    dataDir: config.dataDir,
    ...(config.database ? { database: config.database } : {}),
    clock: options.clock ?? systemClock,
    logger,
    inboxPollSeconds: config.inboxPollSeconds,
  });
  if (app.archive.size === 0) logger.warn({ dataDir: config.dataDir, inbox: `${config.dataDir}/inbox` }, EMPTY_ARCHIVE_WARNING);
  try {
    await options.beforeBot?.(app);
    await app.startBot({
      token: config.discordToken,
      restApi: options.restApi ?? config.discordRestUrl,
      ...(config.shards ? { shards: config.shards } : {}),
      restRequestsPerSecond: config.restRequestsPerSecond,
    });
    options.afterBot?.(app);
    await app.startSchedule({ realTime: true });
  } catch (error) {
    await app.stop().catch(() => undefined);
    throw error;
  }
  return app;
}
