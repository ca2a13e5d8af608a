/**
 * The bot: a discord.js client whose interactions go to the router. Start, and stop gracefully:
 * stop taking interactions, finish those in flight, then disconnect.
 */
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { ShardScope } from '../domain/shard-scope.js';
import type { Logger } from '../log.js';
import type { CommandContext, CommandModule } from './command-module.js';
import { InteractionRouter, type RouterOptions } from './interaction-router.js';
import { allowedMentions } from './message-options.js';
import { ReplyRouter } from './reply-router.js';

/** Messages discord.js keeps per channel; the default 200 would grow with every channel posted to. */
const MESSAGES_CACHED_PER_CHANNEL = 10;

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
  /** Replies to the bot's messages about briefings (reply-router.ts). */
  readonly replies: ReplyRouter;
  readonly #logger: Logger;

  private constructor(client: Client, router: InteractionRouter, replies: ReplyRouter, logger: Logger) {
    this.client = client;
    this.router = router;
    this.replies = replies;
    this.#logger = logger;
  }

  /** Logs in and resolves once the client is ready (its guilds are known). */
  static async start(options: BotOptions): Promise<LumenBot> {
    const client = new Client({
      // Guild Messages brings replies to the bot's messages (reply-router.ts); their text only
      // when they mention the bot, since it does not ask for the privileged Message Content.
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      // Every message in every channel now arrives: keep only the last few per channel (a reply's
      // gateway payload carries the message it answers, which discord.js caches just before it).
      makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: MESSAGES_CACHED_PER_CHANNEL }),
      // A default for anything that would not pass its own: nothing pings unless asked.
      allowedMentions: allowedMentions(),
      rest: { ...(options.restApi ? { api: options.restApi } : {}), ...(options.restRequestsPerSecond ? { globalRequestsPerSecond: options.restRequestsPerSecond } : {}) },
      ...(options.shards ? { shards: [...options.shards.ids], shardCount: options.shards.count } : { shards: 'auto' }),
    });
    const router = new InteractionRouter(options.commands, options.context, options.router);
    const replies = new ReplyRouter(options.commands, options.context);
    const bot = new LumenBot(client, router, replies, options.logger);
    client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
    client.on(Events.MessageCreate, (message) => void replies.handle(message));
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
    await Promise.all([this.router.drain(), this.replies.drain()]);
    await this.client.destroy();
    this.#logger.info('bot stopped');
  }
}
