/**
 * The HTTP port of a running LumenApp: readiness probes, the metrics read from the app, and the
 * ingest route over the app's archive. `lumen start` calls this when LUMEN_HTTP_PORT is set.
 */
import { access, constants } from 'node:fs/promises';
import type { LumenApp } from '../app/lumen-app.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { ingestBriefing } from './ingest-briefing.js';
import { LumenHttpServer } from './lumen-http-server.js';
import { LumenMetrics } from './lumen-metrics.js';
import type { ReadinessProbe } from './readiness.js';

export interface AppHttpOptions {
  /** When the scheduler last ran a job; with it, /readyz also checks the schedule is alive. */
  lastScheduleTick?: () => Date | undefined;
  /** How old the last tick may be (default 3 minutes: the delivery job runs every minute). */
  maxTickAgeMs?: number;
}

export interface AppHttp {
  server: LumenHttpServer;
  metrics: LumenMetrics;
  /** Once the bot has started: counts its 429s (discord.js's `rateLimited` events). */
  watchBot(): void;
}

/**
 * Starts the port when `config.httpPort` is set (undefined otherwise), before the bot logs in, so
 * /healthz answers and /readyz says "not connected yet" while it does.
 */
export async function startAppHttp(app: LumenApp, config: Config, logger: Logger, options: AppHttpOptions = {}): Promise<AppHttp | undefined> {
  if (config.httpPort === undefined) return undefined;
  const metrics = new LumenMetrics();
  app.onDeliveryOutcome((outcome, lagMs) => metrics.recordDelivery(outcome, lagMs));
  app.onInteractionHandled((command, outcome, latencyMs) => metrics.observeInteraction(command, outcome, latencyMs));
  metrics.readOnScrape({
    archiveSize: () => app.archive.size,
    pendingIntents: () => app.stores.deliveries.countPending(),
    shardPingsMs: () => new Map([...(app.bot?.client.ws.shards.entries() ?? [])].map(([id, shard]) => [id, shard.ping])),
  });
  const probes: Record<string, ReadinessProbe> = {
    gateway: () => (app.bot?.client.isReady() ? { ok: true } : { ok: false, detail: 'not connected to the Discord gateway' }),
    store: async () => {
      // The data directory holds the inbox and the index snapshot whichever store keeps the data.
      await access(app.dataDir, constants.R_OK | constants.W_OK);
      if (!(await app.stores.ping())) return { ok: false, detail: `${app.stores.description} does not answer` };
      return { ok: true, detail: `${app.archive.size} briefings` };
    },
  };
  const lastTick = options.lastScheduleTick;
  if (lastTick) {
    const maxAge = options.maxTickAgeMs ?? 180_000;
    probes['scheduler'] = () => {
      const at = lastTick();
      if (!at) return { ok: false, detail: 'the schedule has not run yet' };
      const age = app.clock.now().getTime() - at.getTime();
      return age <= maxAge ? { ok: true, detail: `last tick ${Math.round(age / 1000)} s ago` } : { ok: false, detail: `last tick ${Math.round(age / 1000)} s ago (more than ${maxAge / 1000} s)` };
    };
  }
  const server = await LumenHttpServer.start({
    host: config.httpHost,
    port: config.httpPort,
    logger,
    metrics,
    probes,
    ingestToken: config.ingestToken,
    ingest: async (bytes, fileName) => {
      const answer = await ingestBriefing(app.archive, bytes, fileName, app.clock.now());
      if (answer.status === 200 && answer.body.outcome !== 'unchanged') app.requestDelivery();
      return answer;
    },
  });
  return {
    server,
    metrics,
    watchBot: () => app.bot?.client.rest.on('rateLimited', (info) => metrics.rateLimited.inc({ route: info.route })),
  };
}
