import { EventEmitter } from 'node:events';
import type { EmulatorContext } from './emulator-context.js';
import type { EmulatorEventMap } from './emulator-events.js';
import { GatewayControls } from './gateway/gateway-controls.js';
import { GATEWAY_PATH, GatewayServer, RESUME_PATH } from './gateway/gateway-server.js';
import { HttpServer } from './http/http-server.js';
import { InteractionDriver } from './interactions/interaction-driver.js';
import { makeToken, overwriteFor, resolveOptions, type BotChannelPermissions, type LocalDiscordOptions } from './local-discord-options.js';
import { FaultInjector } from './rest/fault-injector.js';
import { RateLimiter } from './rest/rate-limiter.js';
import { RequestLog, type RecordedRequest, type SpecFinding } from './rest/request-log.js';
import { appendSpecReport, SpecMismatchError } from './spec/spec-mismatch-error.js';
import { RestRouter } from './rest/rest-router.js';
import { channelRoutes } from './routes/channel-routes.js';
import { commandRoutes } from './routes/command-routes.js';
import { guildRoutes } from './routes/guild-routes.js';
import { interactionRoutes } from './routes/interaction-routes.js';
import { threadRoutes } from './routes/thread-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { SnowflakeGenerator } from './snowflake.js';
import { apiChannel, apiMember } from './state/api-objects.js';
import { AttachmentStore } from './state/attachment-store.js';
import { applicationPayload, ownsGuild, readyPayload } from './state/bot-payloads.js';
import { CommandRegistry } from './state/command-registry.js';
import { seedDefaultGuild } from './state/default-guild.js';
import { guildCreatePayload } from './state/guild-payloads.js';
import { GuildState, type ChannelSpec, type UserSpec } from './state/guild-state.js';
import { InteractionRegistry } from './state/interaction-registry.js';
import { CHANNEL_DEFAULT_PARSE, MessageFactory } from './state/message-factory.js';
import { MessageStore, type ChannelMessagesOptions } from './state/message-store.js';
import { isThreadType, type ChannelRecord } from './state/records.js';
import { StoredMessage } from './state/stored-message.js';

/**
 * A local Discord for tests, benchmarks and the terminal sandbox: REST under `apiBase` and a
 * gateway, speaking to an unmodified discord.js Client configured with `rest: { api: apiBase }`.
 *
 * @example
 * const discord = await LocalDiscord.start();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
 * await client.login(discord.token);
 */
export class LocalDiscord extends EventEmitter<EmulatorEventMap> {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly guild: GuildState;
  readonly messages: MessageStore;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionRegistry;
  readonly faults = new FaultInjector();
  readonly rateLimits: RateLimiter;
  readonly interact: InteractionDriver;
  readonly gateway: GatewayControls;
  readonly #ctx: EmulatorContext;
  readonly #log = new RequestLog();
  readonly #http: HttpServer;
  readonly #router: RestRouter;
  readonly #gateway: GatewayServer;
  #token: string;
  #port = 0;
  readonly #requestedPort: number;
  readonly #specCheck: 'enforce' | 'off';
  #closed = false;

  private constructor(options: LocalDiscordOptions) {
    super();
    const opts = resolveOptions(options);
    const ids = new SnowflakeGenerator(opts.now);
    this.guild = new GuildState({ ids, now: opts.now, name: opts.guildName, bot: { username: opts.botUsername } });
    if (opts.seedDefaultGuild) seedDefaultGuild(this.guild);
    for (const spec of opts.channels ?? []) this.guild.addChannel(spec);
    this.botUserId = this.guild.botUserId;
    this.applicationId = this.botUserId;
    this.guildId = this.guild.id;
    this.#token = opts.token ?? makeToken(this.botUserId);
    this.messages = new MessageStore();
    this.commands = new CommandRegistry(ids, this.applicationId);
    this.interactions = new InteractionRegistry();
    this.rateLimits = new RateLimiter(opts.rateLimits);
    const base = (): string => `http://127.0.0.1:${this.#port}`;
    this.#ctx = {
      now: opts.now,
      interactionDeadlineMs: opts.interactionDeadlineMs,
      ids,
      applicationId: this.applicationId,
      guild: this.guild,
      messages: this.messages,
      factory: new MessageFactory(this.guild, ids, opts.now),
      commands: this.commands,
      interactions: this.interactions,
      attachments: new AttachmentStore(ids, base),
      events: this,
      dispatch: (t, d) => this.#gateway.dispatch(t, d),
      gatewayUrl: () => `ws://127.0.0.1:${this.#port}${GATEWAY_PATH}`,
      application: () => applicationPayload(this.guild, this.applicationId),
    };
    const routes = [guildRoutes, channelRoutes, threadRoutes, commandRoutes, interactionRoutes, webhookRoutes].flatMap((make) => make(this.#ctx));
    const router = (this.#router = new RestRouter({ routes, limiter: this.rateLimits, faults: this.faults, checkToken: (h) => h === `Bot ${this.#token}` }));
    this.#http = new HttpServer({ router, attachments: this.#ctx.attachments, log: this.#log, now: opts.now, onRecorded: (r) => this.emit('request', r) });
    this.#gateway = new GatewayServer(this.#http.server, {
      checkToken: (t) => typeof t === 'string' && t.replace(/^Bot /, '') === this.#token,
      ready: (session) => readyPayload(this.guild, this.applicationId, session, `ws://127.0.0.1:${this.#port}${RESUME_PATH}`),
      guildCreates: (session) => (ownsGuild(session, this.guildId) ? [guildCreatePayload(this.guild)] : []),
      heartbeatIntervalMs: opts.heartbeatIntervalMs,
      ...(opts.heartbeatTimeoutMs === undefined ? {} : { heartbeatTimeoutMs: opts.heartbeatTimeoutMs }),
      privilegedIntents: opts.privilegedIntents,
      appUserId: this.botUserId,
    });
    this.#gateway.on('event', (event) => this.emit('gateway', event));
    this.gateway = new GatewayControls(this.#gateway);
    this.interact = new InteractionDriver(this.#ctx, (t, d) => this.#gateway.dispatch(t, d));
    this.#requestedPort = opts.port;
    this.#specCheck = opts.specCheck;
  }

  /** Starts an emulator on 127.0.0.1 (a free port unless `port` is given). */
  static async start(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
    const discord = new LocalDiscord(options);
    if (discord.#specCheck === 'enforce') {
      // Loaded only when checking: ajv is a dev dependency, and the sandbox never needs it.
      const { sharedSpecChecker } = await import('./spec/spec-checker.js');
      const checker = sharedSpecChecker();
      discord.#log.inspectWith((entry) => checker.check(entry));
    }
    discord.#port = await discord.#http.listen(discord.#requestedPort);
    return discord;
  }

  /** Every REST route the emulator serves, as (method, template with `:params`). */
  get routes(): Array<{ method: string; template: string }> {
    return this.#router.routes();
  }

  /** Exchanges that broke Discord's OpenAPI description so far (with `specCheck: 'enforce'`). */
  get specFindings(): readonly SpecFinding[] {
    return this.#log.findings;
  }

  /** How many exchanges the spec checker judged. */
  get specChecked(): number {
    return this.#log.inspected;
  }

  /** `http://127.0.0.1:PORT/api`: pass as `rest.api` to the discord.js Client. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** `ws://127.0.0.1:PORT/gateway`, as GET /gateway/bot reports it. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}${GATEWAY_PATH}`;
  }

  get port(): number {
    return this.#port;
  }

  /** The bot token the emulator currently accepts. */
  get token(): string {
    return this.#token;
  }

  /** Every REST request so far, oldest first. */
  get requests(): RecordedRequest[] {
    return this.#log.all();
  }

  clearRequests(): void {
    this.#log.clear();
  }

  /** Requests matching a method and path (a RegExp tested against path with query, or an exact path). */
  requestsTo(method: string | undefined, path: RegExp | string): RecordedRequest[] {
    return this.#log.matching(method, path);
  }

  channelId(name: string): string {
    return this.guild.resolveChannelId(name);
  }

  userId(name: string): string {
    return this.guild.resolveUserId(name);
  }

  roleId(name: string): string {
    return this.guild.resolveRoleId(name);
  }

  /** Messages in a channel (or thread), oldest first. */
  channelMessages(channel: string, options?: ChannelMessagesOptions): StoredMessage[] {
    return this.messages.inChannel(this.channelId(channel), options);
  }

  /** Threads and forum posts, optionally under one parent. */
  threads(parent?: string): ChannelRecord[] {
    return this.guild.threads(parent === undefined ? undefined : this.channelId(parent));
  }

  /** Adds a channel and tells the bot (CHANNEL_CREATE). Returns its id. */
  addChannel(spec: ChannelSpec): string {
    const channel = this.guild.addChannel(spec);
    this.#gateway.dispatch('CHANNEL_CREATE', apiChannel(channel));
    return channel.id;
  }

  /** Deletes a channel (and its threads) and tells the bot; later requests to it get 10003. */
  deleteChannel(channel: string): void {
    for (const removed of this.guild.deleteChannel(this.channelId(channel))) {
      this.messages.dropChannel(removed.id);
      this.#gateway.dispatch(isThreadType(removed.type) ? 'THREAD_DELETE' : 'CHANNEL_DELETE', apiChannel(removed));
    }
  }

  /** Grants (true) or denies (false) the bot permissions in one channel via a member overwrite; `{}` clears it. */
  setBotPermissions(channel: string, permissions: BotChannelPermissions): void {
    const { allow, deny } = overwriteFor(permissions);
    const record = this.guild.setMemberOverwrite(this.channelId(channel), this.botUserId, allow, deny);
    this.#gateway.dispatch('CHANNEL_UPDATE', apiChannel(record));
  }

  /** Adds a user who joins the guild (GUILD_MEMBER_ADD for bots with that intent). */
  addUser(spec: UserSpec): string {
    const user = this.guild.addUser(spec);
    const member = this.guild.member(user.id);
    if (member) this.#gateway.dispatch('GUILD_MEMBER_ADD', { ...apiMember(member, user), guild_id: this.guildId });
    return user.id;
  }

  /**
   * Posts a message as a user (for threads from user messages, history, mentions). With `replyTo`
   * it is a reply (type 19) to that message of the same channel, carrying `message_reference` and
   * `referenced_message`; its author is mentioned (pinged) unless `mentionRepliedUser` is false,
   * as Discord's client does by default (DOCS MSG "Message Reference Object", "Message Types").
   */
  postAsUser(input: { channel: string; user: string; content: string; replyTo?: StoredMessage; mentionRepliedUser?: boolean }): StoredMessage {
    const channelId = this.channelId(input.channel);
    const reply = input.replyTo ? this.#replyFields(channelId, input.replyTo, input.mentionRepliedUser ?? true) : undefined;
    const data = this.#ctx.factory.create({
      channelId,
      payload: { content: input.content },
      author: this.guild.apiUser(this.userId(input.user)),
      defaultParse: CHANNEL_DEFAULT_PARSE,
      ...(reply ? { type: 19, extra: reply.extra } : {}),
    });
    if (reply?.mentioned && !data.mentions.some((user) => user.id === reply.mentioned?.id)) data.mentions.push(reply.mentioned);
    const message = this.messages.add(new StoredMessage(data, 'user', null));
    const channel = this.guild.channel(channelId);
    if (channel) channel.lastMessageId = message.id;
    this.#gateway.dispatch('MESSAGE_CREATE', { ...data, guild_id: this.guildId });
    return message;
  }

  #replyFields(channelId: string, target: StoredMessage, mention: boolean): { extra: Record<string, unknown>; mentioned: Record<string, unknown> | undefined } {
    const current = this.messages.get(target.id);
    if (!current || current.deleted || current.data.channel_id !== channelId) throw new Error(`LocalDiscord: message ${target.id} is not in this channel; a reply must answer a message of its own channel`);
    return {
      extra: { message_reference: { type: 0, message_id: current.id, channel_id: channelId, guild_id: this.guildId }, referenced_message: current.data },
      mentioned: mention ? current.data.author : undefined,
    };
  }

  /** Replaces the token, as a reset in the developer portal would: the old one gets 401 and 4004. */
  revokeToken(): string {
    this.#token = makeToken(this.botUserId);
    return this.#token;
  }

  /**
   * Closes sockets and the HTTP server. With `specCheck: 'enforce'` it then throws if any exchange broke
   * Discord's OpenAPI description, so every test that starts an emulator fails on a mismatch at teardown.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#gateway.close();
    await this.#http.close();
    if (this.#specCheck === 'enforce') appendSpecReport(this.#log.inspected, this.#log.findings);
    if (this.#specCheck === 'enforce' && this.#log.findings.length > 0) throw new SpecMismatchError(this.#log.findings);
  }
}
