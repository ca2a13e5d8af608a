/**
 * The sandbox: the local Discord emulator, the real bot connected to it over loopback, and the
 * sample archive. What `npm start` runs without a token, what `lumen sandbox --script` drives,
 * and what the end-to-end tests start.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LumenApp } from '../app/lumen-app.js';
import { deployCommands } from '../discord/deploy-commands.js';
import type { RouterOptions } from '../discord/interaction-router.js';
import type { AdvanceableClock } from '../domain/clock.js';
import { importBriefingFiles } from '../import/import-briefing-files.js';
import type { Logger } from '../log.js';
import { LocalDiscord } from './emulator/local-discord.js';
import type { StoredMessage } from './emulator/state/stored-message.js';

/**
 * The sample archive in the package's data/samples/: two folders up from src/sandbox/ when run from
 * the sources, three from dist/src/sandbox/ when compiled (`npm run build`).
 */
export const SAMPLES_DIR = ['../../data/samples/', '../../../data/samples/']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../../data/samples/', import.meta.url));

export interface SandboxOptions {
  dataDir: string;
  inboxPollSeconds?: number;
  /** Simulated time: `@advance` moves it forward. */
  clock: AdvanceableClock;
  logger: Logger;
  /** Import data/samples when the archive is empty (default true). */
  seedSamples?: boolean;
  router?: RouterOptions;
  /** Also run the schedule on real time (the interactive sandbox); scripts and tests use `advance` only. */
  realTimeSchedule?: boolean;
  /**
   * PostgreSQL instead of lowdb files (LUMEN_DATABASE_URL), in a schema of the sandbox's own that
   * `stop` drops: nothing of a sandbox run stays in the database.
   */
  database?: { url: string; schema: string };
}

export class Sandbox {
  readonly discord: LocalDiscord;
  readonly options: SandboxOptions;
  #app: LumenApp;

  private constructor(discord: LocalDiscord, app: LumenApp, options: SandboxOptions) {
    this.discord = discord;
    this.#app = app;
    this.options = options;
  }

  static async start(options: SandboxOptions): Promise<Sandbox> {
    const discord = await LocalDiscord.start({ now: () => options.clock.now().getTime() });
    try {
      const app = await LumenApp.open(options);
      if (options.seedSamples !== false && app.archive.size === 0) {
        await importBriefingFiles(app.archive, [SAMPLES_DIR], { now: options.clock.now() });
      }
      await deployCommands({ token: discord.token, commands: app.commands, guildId: discord.guildId, api: discord.apiBase });
      await app.startBot({ token: discord.token, restApi: discord.apiBase, router: options.router });
      await app.startSchedule({ realTime: options.realTimeSchedule ?? false });
      return new Sandbox(discord, app, options);
    } catch (error) {
      await discord.close();
      await dropSandboxSchema(options.database).catch(() => undefined);
      throw error;
    }
  }

  get app(): LumenApp {
    return this.#app;
  }

  /** Stops the bot and starts a fresh one on the same data directory (`@restart`). */
  async restart(): Promise<void> {
    await this.#app.stop();
    this.#app = await LumenApp.open(this.options);
    await this.#app.startBot({ token: this.discord.token, restApi: this.discord.apiBase, router: this.options.router });
    await this.#app.startSchedule({ realTime: this.options.realTimeSchedule ?? false });
  }

  /** Lets simulated time pass; every scheduled job runs as it would have in that time. */
  async advance(ms: number): Promise<void> {
    await this.#app.advance(this.options.clock, ms);
  }

  /**
   * A member replies to `to` (a message of the channel), with the reply's mention of its author on
   * unless `mention` is false, as Discord's client sends it; resolves once the bot has handled the
   * reply and anything it set off. Returns the member's message.
   */
  async reply(input: { channel: string; user: string; content: string; to: StoredMessage; mention?: boolean }): Promise<StoredMessage> {
    const message = this.discord.postAsUser({ channel: input.channel, user: input.user, content: input.content, replyTo: input.to, mentionRepliedUser: input.mention ?? true });
    await this.#app.bot?.replies.routed(message.id);
    await this.whenIdle();
    return message;
  }

  /** Resolves once the bot is handling no interaction and no scheduled job runs. */
  async whenIdle(): Promise<void> {
    await this.#app.whenIdle();
  }

  async stop(): Promise<void> {
    try {
      await this.#app.stop();
      await this.discord.close();
    } finally {
      await dropSandboxSchema(this.options.database);
    }
  }
}

async function dropSandboxSchema(database: SandboxOptions['database']): Promise<void> {
  if (!database) return;
  // Loaded only here: a sandbox on the lowdb files never loads the PostgreSQL driver.
  const { dropSchema } = await import('../store/postgres/postgres-connection.js');
  await dropSchema(database.url, database.schema);
}
