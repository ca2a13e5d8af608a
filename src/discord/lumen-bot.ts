/**
 * The bot: a discord.js client whose interactions go to the router. Start, and stop gracefully:
 * stop taking interactions, finish those in flight, then disconnect.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { ShardScope } from '../domain/shard-scope.js';
import type { Logger } from '../log.js';
import type { CommandContext, CommandModule } from './command-module.js';
import { InteractionRouter, type RouterOptions } from './interaction-router.js';
import { allowedMentions } from './message-options.js';

export interface BotOptions {
  token: string;
  commands: readonly CommandModule[];
  context: CommandContext;
  logger: Logger;
  /** discord.js's own REST base option, e.g. the local emulator's `http://127.0.0.1:PORT/api`. */
  restApi?: string;
  router?: RouterOptions;
  /** The gateway shards to connect (several processes split them); default: all, as many as Discord recommends. */
  shards?: ShardScope;
  /** This process's share of Discord's 50 requests/s per bot (default 50). */
  restRequestsPerSecond?: number;
}

export class LumenBot {
  readonly client: Client;
  readonly router: InteractionRouter;
  readonly #logger: Logger;

  private constructor(client: Client, router: InteractionRouter, logger: Logger) {
    this.client = client;
    this.router = router;
    this.#logger = logger;
  }

  /** Logs in and resolves once the client is ready (its guilds are known). */
  static async start(options: BotOptions): Promise<LumenBot> {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      // A default for anything that would not pass its own: nothing pings unless asked.
      allowedMentions: allowedMentions(),
      rest: { ...(options.restApi ? { api: options.restApi } : {}), ...(options.restRequestsPerSecond ? { globalRequestsPerSecond: options.restRequestsPerSecond } : {}) },
      ...(options.shards ? { shards: [...options.shards.ids], shardCount: options.shards.count } : { shards: 'auto' }),
    });
    const router = new InteractionRouter(options.commands, options.context, options.router);
    const bot = new LumenBot(client, router, options.logger);
    client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
    client.on(Events.Error, (error) => options.logger.error({ err: error }, 'discord client error'));
    client.on(Events.ShardDisconnect, (event) => options.logger.warn({ code: event.code }, 'gateway disconnected'));
    client.on(Events.ShardResume, () => options.logger.info('gateway resumed'));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(options.token);
    await ready;
    options.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: [...client.ws.shards.keys()] }, 'bot ready');
    return bot;
  }

  get applicationId(): string {
    const id = this.client.application?.id;
    if (!id) throw new Error('the client is not ready');
    return id;
  }

  async stop(): Promise<void> {
    await this.router.drain();
    await this.client.destroy();
    this.#logger.info('bot stopped');
  }
}
