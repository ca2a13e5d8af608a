/**
 * Every Prometheus metric the bot exposes on `/metrics`, defined in this one module on a registry
 * of its own (so two bots in one process, as in the tests, never share counters).
 *
 * Archive size, shard ping and pending intents are read when scraped; 429s, delivery outcomes
 * (`recordDelivery`, told by the delivery runner through the app) and interaction latencies
 * (`observeInteraction`, from the interaction router) are counted as they happen (all wired in
 * start-app-http.ts); and the process's default metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Values read only when scraped: no timer, and always current. */
export interface ScrapeReaders {
  archiveSize?: () => number;
  pendingIntents?: () => Promise<number> | number;
  /** Shard id → heartbeat round trip in ms (-1 before the first heartbeat). */
  shardPingsMs?: () => ReadonlyMap<number, number>;
}

export class LumenMetrics {
  readonly registry = new Registry();
  #readers: ScrapeReaders = {};
  readonly deliveries = new Counter({
    name: 'lumen_deliveries_total',
    help: 'Delivery outcomes recorded, by outcome (posted, retrying, failed, paused-*, removed-*, skipped-*)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly deliveryLag = new Histogram({
    name: 'lumen_delivery_lag_seconds',
    help: 'From when a delivery was due (briefing imported, digest slot) to its post',
    buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly pendingIntents = new Gauge({
    name: 'lumen_pending_intents',
    help: 'Deliveries recorded as intended but not yet confirmed sent',
    registers: [this.registry],
    collect: async () => {
      if (this.#readers.pendingIntents) this.pendingIntents.set(await this.#readers.pendingIntents());
    },
  });
  readonly rateLimited = new Counter({
    name: 'lumen_discord_rate_limited_total',
    help: "Discord 429 answers (and discord.js's own pre-emptive waits), by route",
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  readonly interactionLatency = new Histogram({
    name: 'lumen_interaction_duration_seconds',
    help: 'From an interaction reaching the bot to its reply, by command and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly shardPing = new Gauge({
    name: 'lumen_shard_ping_seconds',
    help: 'Gateway heartbeat round trip, per shard',
    labelNames: ['shard'] as const,
    registers: [this.registry],
    collect: () => {
      const read = this.#readers.shardPingsMs;
      if (!read) return;
      this.shardPing.reset();
      // discord.js reports -1 before the first heartbeat: no figure is better than a false one.
      for (const [shard, ms] of read()) if (ms >= 0) this.shardPing.set({ shard: String(shard) }, ms / 1000);
    },
  });
  readonly archiveBriefings = new Gauge({
    name: 'lumen_archive_briefings',
    help: 'Briefings in the archive',
    registers: [this.registry],
    collect: () => {
      if (this.#readers.archiveSize) this.archiveBriefings.set(this.#readers.archiveSize());
    },
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'lumen_' });
  }

  /**
   * The seam for the delivery runner: one call per delivery outcome the store recorded, with its
   * lag when it posted. A late finish or failure the store passed over (another process had taken
   * the delivery over and ended it) is not told, so a post counts once, as the delivery log has it.
   */
  recordDelivery(outcome: string, lagMs?: number): void {
    this.deliveries.inc({ outcome });
    if (lagMs !== undefined) this.deliveryLag.observe(Math.max(0, lagMs) / 1000);
  }

  /** The seam for the interaction router: one call per interaction answered. */
  observeInteraction(command: string, outcome: string, ms: number): void {
    this.interactionLatency.observe({ command, outcome }, ms / 1000);
  }

  /** Sets what the scrape-time metrics read (archive size, pending intents, shard pings). */
  readOnScrape(readers: ScrapeReaders): void {
    this.#readers = { ...this.#readers, ...readers };
  }

  /** The text exposition format, and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
