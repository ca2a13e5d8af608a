/**
 * The composition root's building block: opens the stores and the search service on a data directory,
 * starts the bot on them, and runs the schedule (inbox and deliveries). `npm start`, the sandbox
 * and the end-to-end tests all go through it.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { loadCommands } from '../../commands/index.js';
import { AlertService } from '../delivery/alerts.js';
import { DeliveryRunner } from '../delivery/delivery-runner.js';
import { inboxAlerts } from '../delivery/inbox-alerts.js';
import { TestPoster } from '../delivery/test-post.js';
import { PendingUploads } from '../delivery/pending-uploads.js';
import { SubscriptionService } from '../delivery/subscription-service.js';
import type { CommandModule, DeliveryServices } from '../discord/command-module.js';
import { BriefingContext } from '../discord/briefing-context.js';
import { DiscordPoster } from '../discord/discord-poster.js';
import type { RouterOptions } from '../discord/interaction-router.js';
import { LumenBot } from '../discord/lumen-bot.js';
import type { AdvanceableClock, Clock } from '../domain/clock.js';
import type { ShardScope } from '../domain/shard-scope.js';
import type { DeliveryOutcome } from '../domain/subscription.schema.js';
import { saveParsed } from '../import/import-briefing-files.js';
import { InboxPoller } from '../inbox/inbox-poller.js';
import type { Logger } from '../log.js';
import { INDEX_SNAPSHOT_FILE, SearchService, type SearchView } from '../search/index.js';
import { everySeconds, Scheduler, type Job } from '../schedule/scheduler.js';
import { topicFilter } from '../schedule/delivery-plan.js';
import { CacheFile } from '../store/cache-file.js';
import { acquireProcessLock, type ProcessLock } from '../store/file-lock.js';
import type { LumenStores } from '../store/lumen-stores.js';
import { openStores, type StoreOptions } from '../store/open-stores.js';

/** The lock a running bot holds in its data directory (see acquireProcessLock). */
export const DATA_DIR_LOCK_FILE = 'lumen.lock';

export interface AppOptions {
  dataDir: string;
  /** PostgreSQL instead of the data directory's lowdb files (LUMEN_DATABASE_URL); the data directory still holds the index snapshot and the inbox. */
  database?: StoreOptions['database'];
  /** Who this process is in claims (processes sharing a database); default host:pid. */
  processId?: string;
  /** How long a delivery claim lasts unless renewed (tests shorten it). */
  claimLeaseMs?: number;
  clock: Clock;
  logger: Logger;
  /** How often the inbox is polled (default 30 s). */
  inboxPollSeconds?: number;
}

export class LumenApp {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Archive, subscriptions, deliveries, threads, channel context, alerts: lowdb files or PostgreSQL. */
  readonly stores: LumenStores;
  readonly archive: LumenStores['archive'];
  /** The search index's life: opened from the snapshot, following the archive, saving the snapshot. */
  readonly search: SearchService;
  readonly commands: CommandModule[];
  readonly subscriptions: SubscriptionService;
  readonly inbox: InboxPoller;
  readonly alerts: AlertService;
  readonly #options: AppOptions;
  #poster: DiscordPoster | undefined;
  readonly #uploads: PendingUploads;
  #bot: LumenBot | undefined;
  /** Held while the bot runs: a second bot on the same data directory would deliver everything twice. */
  #dataDirLock: ProcessLock | undefined;
  #scheduler: Scheduler | undefined;
  #deliveryJob: Job | undefined;
  #runner: DeliveryRunner | undefined;
  /** The shards this process connects, when they are split across processes: it delivers only their servers. */
  #shards: ShardScope | undefined;
  readonly #outcomeListeners = new Set<(outcome: DeliveryOutcome, lagMs?: number) => void>();
  readonly #interactionListeners = new Set<(command: string, outcome: string, latencyMs: number) => void>();

  private constructor(options: AppOptions, stores: LumenStores, search: SearchService) {
    this.#options = options;
    this.dataDir = options.dataDir;
    this.clock = options.clock;
    this.logger = options.logger;
    this.stores = stores;
    const archive = stores.archive;
    this.archive = archive;
    this.search = search;
    this.commands = loadCommands();
    this.#uploads = new PendingUploads(options.clock);
    this.subscriptions = new SubscriptionService({
      subscriptions: stores.subscriptions,
      deliveries: stores.deliveries,
      archive,
      clock: options.clock,
      requestDelivery: () => this.requestDelivery(),
    });
    this.inbox = new InboxPoller(options.dataDir, archive, options.logger);
    this.alerts = new AlertService({
      store: stores.alerts,
      logger: options.logger,
      send: async (channelId, payload) => {
        if (!this.#poster) throw new Error('the bot is not connected');
        await this.#poster.notice(channelId, payload);
      },
    });
  }

  /** Who this process is in delivery claims: processes sharing a database never deliver one subscription at once. */
  get processId(): string {
    return this.#options.processId ?? `${hostname()}:${process.pid}`;
  }

  /** Whether a briefing passes a subscription's topic filter, through the search index. */
  readonly onTopic = topicFilter((briefing, words) => this.library.matchesTopic(briefing, words));

  /**
   * Opens the stores (the data directory's files, or PostgreSQL); throws StoreCorruptError
   * (naming the file) on a file it cannot trust, or a LumenError naming what is wrong with the database.
   */
  static async open(options: AppOptions): Promise<LumenApp> {
    const stores = await openStores({
      dataDir: options.dataDir,
      ...(options.database ? { database: options.database } : {}),
      onBackgroundError: (error) => options.logger.warn({ err: error }, 'store background work failed; it will be retried'),
    });
    const archive = stores.archive;
    let search: SearchService;
    try {
      search = await SearchService.open(archive, {
        snapshot: new CacheFile(join(options.dataDir, INDEX_SNAPSHOT_FILE)),
        saveOnChange: true,
        onSaveProblem: (problem) => options.logger.warn({ problem }, 'search index snapshot not saved'),
      });
    } catch (error) {
      await stores.close();
      throw error;
    }
    const { problem, ...outcome } = search.origin;
    options.logger.info({ store: stores.description, briefings: archive.size, ...outcome }, 'search index ready');
    if (problem) options.logger.warn({ problem }, 'search index snapshot');
    return new LumenApp(options, stores, search);
  }

  /** What commands and delivery query: the search service's read-only view. */
  get library(): SearchView {
    return this.search.view;
  }

  get bot(): LumenBot | undefined {
    return this.#bot;
  }

  /** When the schedule last started a job; undefined before it starts. */
  get lastScheduleTick(): Date | undefined {
    return this.#scheduler?.lastTickAt;
  }

  get #delivery(): DeliveryServices {
    return {
      subscriptions: this.subscriptions,
      uploads: this.#uploads,
      publish: async (parsed) => {
        const report = await saveParsed(this.archive, [parsed], this.clock.now());
        this.requestDelivery();
        return report;
      },
      alerts: this.alerts,
      testPost: (subscription) => {
        if (!this.#poster) throw new Error('the bot is not connected');
        return new TestPoster({ deliveries: this.stores.deliveries, archive: this.archive, poster: this.#poster, clock: this.clock, onTopic: this.onTopic }).post(subscription);
      },
    };
  }

  /**
   * Connects the bot. Refuses (LumenError `store.in-use`, naming the data directory and the PID)
   * when another live process runs a bot on this data directory; a lock left by a dead one is
   * taken over.
   */
  async startBot(options: { token: string; restApi?: string; router?: RouterOptions; shards?: ShardScope; restRequestsPerSecond?: number }): Promise<LumenBot> {
    // lowdb files belong to one process; processes sharing PostgreSQL divide the work by claims instead.
    if (!this.#options.database) this.#dataDirLock ??= await acquireProcessLock(join(this.dataDir, DATA_DIR_LOCK_FILE), `the data directory ${this.dataDir}`);
    try {
      this.#bot = await LumenBot.start({
        token: options.token,
        restApi: options.restApi,
        router: {
          ...options.router,
          onHandled: (command, outcome, latencyMs) => {
            options.router?.onHandled?.(command, outcome, latencyMs);
            for (const listener of this.#interactionListeners) listener(command, outcome, latencyMs);
          },
        },
        ...(options.shards ? { shards: options.shards } : {}),
        ...(options.restRequestsPerSecond ? { restRequestsPerSecond: options.restRequestsPerSecond } : {}),
        commands: this.commands,
        context: {
          library: this.library,
          briefingContext: new BriefingContext(this.stores, this.clock),
          clock: this.clock,
          logger: this.logger,
          delivery: this.#delivery,
        },
        logger: this.logger,
      });
      this.#poster = new DiscordPoster(this.#bot.client);
      this.#shards = options.shards;
    } catch (error) {
      await this.#dataDirLock?.release();
      this.#dataDirLock = undefined;
      throw error;
    }
    return this.#bot;
  }

  /**
   * Sets up the jobs (inbox, deliveries) and runs them once, to catch up on what was missed while
   * the bot was down. With `realTime`, node-cron then runs them on the clock; without, time only
   * moves through `advance` (the sandbox's scripts and the tests).
   */
  async startSchedule(options: { realTime: boolean }): Promise<void> {
    const bot = this.#bot;
    if (!bot) throw new Error('start the bot before the schedule');
    const runner = new DeliveryRunner({
      subscriptions: this.stores.subscriptions,
      deliveries: this.stores.deliveries,
      owner: this.processId,
      ...(this.#shards ? { shards: this.#shards } : {}),
      ...(this.#options.claimLeaseMs ? { claimLeaseMs: this.#options.claimLeaseMs } : {}),
      archive: this.archive,
      poster: this.#poster ?? new DiscordPoster(bot.client),
      clock: this.clock,
      logger: this.logger,
      onTopic: this.onTopic,
      alerts: this.alerts,
      onOutcome: (outcome, lagMs) => {
        for (const listener of this.#outcomeListeners) listener(outcome, lagMs);
      },
    });
    const delivery: Job = {
      name: 'deliver',
      pattern: '* * * * *',
      run: async () => {
        await this.archive.refresh(); // briefings imported by `lumen import` in another process
        await runner.run();
      },
    };
    const inbox: Job = {
      name: 'inbox',
      pattern: everySeconds(this.#options.inboxPollSeconds ?? 30),
      run: async (now) => {
        const report = await this.inbox.poll(now);
        for (const alert of inboxAlerts(report, now)) await this.alerts.raise(alert);
        if (report.imported.length > 0) await runner.run();
      },
    };
    this.#deliveryJob = delivery;
    this.#runner = runner;
    this.#scheduler = new Scheduler([inbox, delivery], this.clock, this.logger);
    await this.#scheduler.runAll();
    if (options.realTime) this.#scheduler.start();
  }

  /** Tells `listener` every delivery outcome, with the lag of each post (the /metrics counters). */
  onDeliveryOutcome(listener: (outcome: DeliveryOutcome, lagMs?: number) => void): void {
    this.#outcomeListeners.add(listener);
  }

  /** Tells `listener` every interaction handled, with its outcome and latency (the /metrics histogram). */
  onInteractionHandled(listener: (command: string, outcome: string, latencyMs: number) => void): void {
    this.#interactionListeners.add(listener);
  }

  /** Delivers what is due now, without waiting for the next minute (after an import or publish). */
  requestDelivery(): void {
    if (this.#scheduler && this.#deliveryJob) void this.#scheduler.runJob(this.#deliveryJob);
  }

  /** Simulated time passes: every job runs as it would have in that time. */
  async advance(clock: AdvanceableClock, ms: number): Promise<void> {
    if (this.#scheduler) await this.#scheduler.advance(clock, ms);
    else clock.advance(ms);
  }

  /** Resolves once no interaction and no scheduled job is running. */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await this.#bot?.router.whenIdle();
      await this.#bot?.replies.whenIdle();
      await this.#scheduler?.whenIdle();
      await this.search.whenIdle();
    }
  }

  /** Graceful stop: no new jobs, finish interactions and jobs in flight, disconnect. */
  async stop(): Promise<void> {
    await this.#scheduler?.stop();
    this.#scheduler = undefined;
    // Another process sharing the database may deliver this one's subscriptions at once.
    await this.#runner?.releaseClaims().catch((error: unknown) => this.logger.warn({ err: error }, 'could not release delivery claims; they expire on their own'));
    this.#runner = undefined;
    await this.#bot?.stop();
    this.#bot = undefined;
    await this.search.close();
    await this.stores.close();
    await this.#dataDirLock?.release();
    this.#dataDirLock = undefined;
  }
}
