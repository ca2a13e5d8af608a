/**
 * Runs delivery: each minute (and when a briefing arrives) it finds the subscriptions that are
 * due, claims them a few at a time, so that processes sharing a database share the work, keeps
 * the claims alive while they are delivered, and releases each when its delivery is done. Each
 * claimed subscription is delivered, exactly once whatever fails, by subscription-delivery.ts.
 */
import type { ShardScope } from '../domain/shard-scope.js';
import type { Subscription } from '../domain/subscription.schema.js';
import { SubscriptionDelivery, type SubscriptionDeliveryOptions } from './subscription-delivery.js';

export interface DeliveryRunnerOptions extends SubscriptionDeliveryOptions {
  /** How long a claim lasts unless renewed (default 5 min: longer than any one delivery). */
  claimLeaseMs?: number;
  /** The shards this process connects, when split across processes: only their servers' subscriptions are claimed. */
  shards?: ShardScope;
}

const MINUTE = 60_000;
/**
 * Longer than any one subscription's run (at most MAX_PER_RUN posts, see subscription-delivery.ts,
 * each bounded by discord.js's request timeout and retries): a claim must not expire while its
 * process is still posting, since another process would then reconcile before the post has landed.
 */
const DEFAULT_CLAIM_LEASE_MS = 5 * MINUTE;
/** Subscriptions one process delivers at once; more are claimed as these finish. */
const CLAIM_WINDOW = 20;

export class DeliveryRunner {
  readonly #o: DeliveryRunnerOptions;
  readonly #delivery: SubscriptionDelivery;
  /** Subscriptions being delivered right now, each on its own. */
  readonly #inFlight = new Map<string, Promise<void>>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(options: DeliveryRunnerOptions) {
    this.#o = options;
    this.#delivery = new SubscriptionDelivery(options);
  }

  /**
   * Delivers everything due now. Each subscription is delivered on its own: one still busy from
   * an earlier run (a post hanging on a slow channel until discord.js times out) is left to
   * finish and not started twice, and never holds up the others. Subscriptions are claimed a few
   * at a time, more as each finishes (and its claim is released), so that processes sharing a
   * database share the work rather than the first to tick taking all of it. Resolves once the
   * deliveries this call started are done.
   */
  async run(): Promise<void> {
    const { deliveries, owner, clock } = this.#o;
    const handled = new Set(this.#inFlight.keys());
    // Only what is due is claimed: claiming (and releasing) every subscription on every tick
    // would write each row twice a minute per process for nothing. The claim re-reads the row and
    // the delivery plans again from it, so one that stopped being due meanwhile is simply passed over.
    const now = clock.now();
    const due = (await deliveries.listActive(this.#o.shards)).filter((sub) => !handled.has(sub.id) && this.#delivery.plan(sub, now) !== undefined).map((sub) => sub.id);
    if (due.length === 0) return;
    const running = new Set<Promise<void>>();
    for (;;) {
      if (running.size >= CLAIM_WINDOW) {
        await Promise.race(running);
        continue;
      }
      const claimed = await deliveries.claimActive(owner, clock.now(), this.#leaseMs, { ...(this.#o.shards ? { scope: this.#o.shards } : {}), limit: CLAIM_WINDOW - running.size, skip: [...handled], only: due });
      if (claimed.length === 0) break;
      for (const sub of claimed) {
        handled.add(sub.id);
        const work = this.#deliverClaimed(sub);
        running.add(work);
        void work.finally(() => running.delete(work));
      }
    }
    await Promise.all(running);
  }

  /** Delivers one claimed subscription, then gives its claim up. */
  #deliverClaimed(sub: Subscription): Promise<void> {
    const id = sub.id;
    this.#startHeartbeat();
    const delivering = this.#delivery.deliver(sub)
      .catch((error: unknown) => this.#o.logger.error({ err: error, subscription: id }, 'delivery could not record its progress; will retry'))
      .finally(() => {
        // Out of the heartbeat's set before the release, so a released claim is not reported as lost.
        this.#inFlight.delete(id);
        if (this.#inFlight.size === 0) this.#stopHeartbeat();
      });
    this.#inFlight.set(id, delivering);
    return delivering
      .then(() => this.#o.deliveries.release(this.#o.owner, [id]))
      .catch((error: unknown) => this.#o.logger.warn({ err: error, subscription: id }, 'could not release a delivery claim; it expires on its own'));
  }

  /**
   * While anything is in flight, its claims are extended every third of a lease: a subscription
   * whose posts wait in discord.js's rate-limit queue stays this process's, and only a process
   * that died (and so will send nothing more) lets its claims expire to another.
   */
  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    const leaseMs = this.#leaseMs;
    this.#heartbeat = setInterval(() => {
      const ids = [...this.#inFlight.keys()];
      void this.#o.deliveries
        .renew(this.#o.owner, ids, new Date(this.#o.clock.now().getTime() + leaseMs))
        .then((held) => {
          // One that finished (and was released) while the renewal ran was not lost.
          const lost = ids.filter((id) => !held.includes(id) && this.#inFlight.has(id));
          if (lost.length > 0) this.#o.logger.warn({ subscriptions: lost }, 'delivery claims expired before they could be renewed; another process may take them over');
        })
        .catch((error: unknown) => this.#o.logger.warn({ err: error }, 'could not renew delivery claims; will try again'));
    }, Math.max(100, Math.floor(leaseMs / 3)));
    this.#heartbeat.unref();
  }

  get #leaseMs(): number {
    return this.#o.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  /** Resolves once no delivery is in flight. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight.values()]);
  }

  /** Gives up this process's claims (at shutdown), so another process may deliver at once. */
  async releaseClaims(): Promise<void> {
    await this.whenIdle();
    await this.#o.deliveries.release(this.#o.owner);
  }
}
