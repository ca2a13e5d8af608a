/**
 * The composition root's building block: opens the stores and the library on a data directory,
 * and starts the bot on them. `npm start`, the sandbox and the end-to-end tests all go through it.
 */
import { loadCommands } from '../../commands/index.js';
import type { CommandModule } from '../discord/command-module.js';
import { LumenBot } from '../discord/lumen-bot.js';
import type { RouterOptions } from '../discord/interaction-router.js';
import type { Clock } from '../domain/clock.js';
import { BriefingLibrary } from '../library/briefing-library.js';
import type { Logger } from '../log.js';
import { LowdbBriefingArchive } from '../store/lowdb-briefing-archive.js';

export interface AppOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
}

export class LumenApp {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly archive: LowdbBriefingArchive;
  readonly library: BriefingLibrary;
  readonly commands: CommandModule[];
  #bot: LumenBot | undefined;

  private constructor(options: AppOptions, archive: LowdbBriefingArchive) {
    this.dataDir = options.dataDir;
    this.clock = options.clock;
    this.logger = options.logger;
    this.archive = archive;
    this.library = new BriefingLibrary(archive);
    this.commands = loadCommands();
  }

  /** Opens the data directory; throws StoreCorruptError (naming the file) on a file it cannot trust. */
  static async open(options: AppOptions): Promise<LumenApp> {
    return new LumenApp(options, await LowdbBriefingArchive.open(options.dataDir));
  }

  get bot(): LumenBot | undefined {
    return this.#bot;
  }

  async startBot(options: { token: string; restApi?: string; router?: RouterOptions }): Promise<LumenBot> {
    this.#bot = await LumenBot.start({
      token: options.token,
      restApi: options.restApi,
      router: options.router,
      commands: this.commands,
      context: { library: this.library, clock: this.clock, logger: this.logger },
      logger: this.logger,
    });
    return this.#bot;
  }

  /** Graceful stop: finish interactions in flight, disconnect. Writes are awaited as they happen. */
  async stop(): Promise<void> {
    await this.#bot?.stop();
    this.#bot = undefined;
    this.library.close();
  }
}
