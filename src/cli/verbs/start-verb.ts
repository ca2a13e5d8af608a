import type { LumenApp } from '../../app/lumen-app.js';
import { configSecrets } from '../../config.js';
import { LumenError } from '../../domain/errors.js';
import { startAppHttp, type AppHttp } from '../../http/start-app-http.js';
import { createLogger, scrubText } from '../../log.js';
import { runRepl } from '../../sandbox/terminal/repl.js';
import { EXIT_FAILURE, EXIT_OK, writeText } from '../cli-io.js';
import { requireConfig } from '../open-archive.js';
import { startCliSandbox } from '../run-sandbox.js';
import { startDiscordBot } from '../start-bot.js';
import type { Verb } from '../verb.js';

export const startVerb: Verb = {
  name: 'start',
  summary: 'Run the bot (the local sandbox when no DISCORD_TOKEN is set)',
  help: `Usage: lumen start

With DISCORD_TOKEN set (in the environment or .env) the bot connects to Discord and runs until
SIGINT or SIGTERM, when it stops taking interactions, finishes those in flight and disconnects.
Without a token it starts the local sandbox (see lumen sandbox --help).`,
  options: {},
  positionals: { min: 0, max: 0, name: '' },
  async run(_input, io) {
    const config = requireConfig(io);
    if (!config.discordToken) {
      writeText(io.stdout, 'No DISCORD_TOKEN set: starting the local sandbox, an emulated Discord in this terminal.\n');
      const sandbox = await startCliSandbox(config, io, { realTimeSchedule: true });
      if (!sandbox) return EXIT_FAILURE;
      try {
        await runRepl(sandbox, process.stdin, io.stdout);
      } finally {
        await sandbox.stop();
      }
      return EXIT_OK;
    }

    const secrets = configSecrets(config);
    const logger = createLogger({ level: config.logLevel, secrets });
    let app: LumenApp;
    let http: AppHttp | undefined;
    try {
      app = await startDiscordBot({ ...config, discordToken: config.discordToken }, logger, {
        // LUMEN_HTTP_PORT: health, metrics, POST /briefings, up before the bot connects.
        beforeBot: async (opened) => {
          http = await startAppHttp(opened, config, logger, { lastScheduleTick: () => opened.lastScheduleTick });
        },
        afterBot: () => http?.watchBot(),
      });
    } catch (error) {
      await http?.server.stop();
      const message = error instanceof LumenError ? error.message : (error as Error).message;
      writeText(io.stderr, `Could not start: ${scrubText(message, secrets)}\n`);
      return EXIT_FAILURE;
    }
    const stopped = new Promise<void>((resolve) => {
      const stop = (signal: string): void => {
        logger.info({ signal }, 'shutting down');
        void (http?.server.stop() ?? Promise.resolve()).then(() => app.stop()).finally(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await stopped;
    return EXIT_OK;
  },
};
