/**
 * Deliveries in PostgreSQL: claims, intents and the delivery log. Several processes share the
 * tables. A claim is a lease in the subscription's row (`claim_owner` until `claim_until`), taken
 * in one statement with `FOR UPDATE SKIP LOCKED`, so concurrent claimers partition the
 * subscriptions instead of waiting for each other; nothing holds a transaction while a post is
 * sent. Intents, progress, finishes and failures are short transactions over the locked row,
 * applying the domain's rules (src/domain/delivery-progress.ts) as lowdb does.
 */
import type pg from 'pg';
import { afterDelivery, afterFailure, deliveryRecord, endsHeldIntent, failureApplies, type DeliveryDone, type DeliveryFailed } from '../../domain/delivery-progress.js';
import type { ShardScope } from '../../domain/shard-scope.js';
import type { ClaimOptions, DeliveryStore, IntentClaim, RecordedFailure } from '../lumen-stores.js';
import { DeliveryRecordSchema, Snowflake, type DeliveryRecord, type PendingDelivery, type Subscription } from '../../domain/subscription.schema.js';
import type { StateDatabase } from './state-database.js';
import { checkRecord, deliveryFromRow, subscriptionFromRow, type DeliveryRow, type SubscriptionRow } from './state-rows.js';
import { inPositionOrder, lockSubscription, writeSubscription } from './postgres-subscriptions.js';
import { insertThread, pruneThreads } from './postgres-threads.js';

async function insertDelivery(client: pg.ClientBase, record: DeliveryRecord): Promise<void> {
  checkRecord(DeliveryRecordSchema, `a delivery record of subscription "${record.subscriptionId}"`, record);
  await client.query('INSERT INTO deliveries (subscription_id, channel_id, posted, record) VALUES ($1, $2, $3, $4)', [
    record.subscriptionId,
    record.channelId,
    record.outcome === 'posted',
    JSON.stringify(record),
  ]);
}

/**
 * Whether the subscription's claim is `owner`'s: unexpired at `unexpiredAt` when given (an intent
 * is recorded only under a live claim), else expired or not (no other process took it over).
 */
async function claimedBy(client: pg.ClientBase, subscriptionId: string, owner: string, unexpiredAt?: Date): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM subscriptions WHERE id = $1 AND claim_owner = $2 AND ($3::timestamptz IS NULL OR claim_until > $3)', [subscriptionId, owner, unexpiredAt ?? null]);
  return result.rowCount === 1;
}

/**
 * "The row's server is in the shard scope", with the scope's count and ids as parameters `$count`
 * and `$ids` (null, null: every server). A server's shard is (guild_id >> 22) % count
 * (src/domain/shard-scope.ts); ids pass bigint, so in numeric.
 */
const inShardScope = (count: number, ids: number): string => `($${count}::int IS NULL OR mod(div(guild_id::numeric, 4194304), $${count}::int) = ANY($${ids}::int[]))`;
/** The two parameters {@link inShardScope} reads. */
const shardScopeParams = (scope: ShardScope | undefined): [number | null, number[] | null] => [scope?.count ?? null, scope ? [...scope.ids] : null];

export class PostgresDeliveries implements DeliveryStore {
  constructor(private readonly db: StateDatabase) {}

  async listActive(scope?: ShardScope): Promise<Subscription[]> {
    const result = await this.db.query<SubscriptionRow>(
      `SELECT id, subscription FROM subscriptions
       WHERE status = 'active' AND ${inShardScope(1, 2)}
       ORDER BY position`,
      shardScopeParams(scope),
    );
    return result.rows.map((row) => subscriptionFromRow(this.db.schema, row));
  }

  async claimActive(owner: string, now: Date, leaseMs: number, options: ClaimOptions = {}): Promise<Subscription[]> {
    const result = await this.db.query<SubscriptionRow & { position: string }>(
      `WITH claimable AS (
         SELECT id FROM subscriptions
         WHERE status = 'active' AND (claim_owner IS NULL OR claim_owner = $1 OR claim_until <= $2)
           AND ${inShardScope(4, 5)}
           AND NOT (id = ANY($6::text[]))
           AND ($8::text[] IS NULL OR id = ANY($8::text[]))
         ORDER BY position
         LIMIT $7
         FOR UPDATE SKIP LOCKED
       )
       UPDATE subscriptions AS s SET claim_owner = $1, claim_until = $3
       FROM claimable WHERE s.id = claimable.id
       RETURNING s.id, s.position, s.subscription`,
      [owner, now, new Date(now.getTime() + leaseMs), ...shardScopeParams(options.scope), [...(options.skip ?? [])], options.limit ?? null, options.only ? [...options.only] : null],
    );
    return inPositionOrder(result.rows).map((row) => subscriptionFromRow(this.db.schema, row));
  }

  async renew(owner: string, ids: readonly string[], until: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await this.db.query<{ id: string }>('UPDATE subscriptions SET claim_until = $3 WHERE claim_owner = $1 AND id = ANY($2::text[]) RETURNING id', [owner, [...ids], until]);
    return result.rows.map((row) => row.id);
  }

  async release(owner: string, ids?: readonly string[]): Promise<void> {
    await this.db.query('UPDATE subscriptions SET claim_owner = NULL, claim_until = NULL WHERE claim_owner = $1 AND ($2::text[] IS NULL OR id = ANY($2::text[]))', [
      owner,
      ids === undefined ? null : [...ids],
    ]);
  }

  async recordIntent(subscriptionId: string, pending: PendingDelivery, claim?: IntentClaim): Promise<boolean> {
    return this.db.transaction(async (client) => {
      const sub = await lockSubscription(this.db, client, subscriptionId);
      if (!sub) return false;
      // The row is locked: no other process can take the claim over between this check and the write.
      if (claim && !(await claimedBy(client, subscriptionId, claim.owner, claim.now))) return false;
      await writeSubscription(client, subscriptionId, { ...sub, pending: structuredClone(pending) });
      return true;
    });
  }

  async markPartsSent(subscriptionId: string, deliveryId: string, partsSent: number): Promise<void> {
    await this.db.transaction(async (client) => {
      const sub = await lockSubscription(this.db, client, subscriptionId);
      if (sub?.pending?.id !== deliveryId) return;
      await writeSubscription(client, subscriptionId, { ...sub, pending: { ...sub.pending, partsSent } });
    });
  }

  async finish(subscriptionId: string, done: DeliveryDone, at: Date): Promise<boolean> {
    done = this.#withDiscordIds(subscriptionId, done);
    const wrote = await this.db.transaction(async (client) => {
      const sub = await lockSubscription(this.db, client, subscriptionId);
      if (!sub || !endsHeldIntent(sub, done)) return { log: false, thread: false };
      await writeSubscription(client, subscriptionId, afterDelivery(sub, done, at));
      const slug = done.slugs[0];
      if (done.threadId && slug) await insertThread(client, done.threadId, slug);
      await insertDelivery(client, deliveryRecord(sub, done, at));
      return { log: true, thread: Boolean(done.threadId && slug) };
    });
    if (wrote.thread) await this.#afterCommit(() => pruneThreads(this.db));
    if (wrote.log) await this.#afterCommit(() => this.#pruneLog());
    return wrote.log;
  }

  async fail(subscriptionId: string, failed: DeliveryFailed, at: Date, owner?: string): Promise<RecordedFailure | undefined> {
    const outcome = await this.db.transaction(async (client) => {
      const sub = await lockSubscription(this.db, client, subscriptionId);
      if (!sub || !failureApplies(sub, failed)) return { logged: false, after: undefined };
      if (owner !== undefined && !(await claimedBy(client, subscriptionId, owner))) return { logged: false, after: undefined };
      await insertDelivery(client, deliveryRecord(sub, failed, at));
      const after = afterFailure(sub, failed, at);
      if (after) await writeSubscription(client, subscriptionId, after);
      else await client.query('DELETE FROM subscriptions WHERE id = $1', [subscriptionId]);
      return { logged: true, after };
    });
    if (!outcome.logged) return undefined;
    await this.#afterCommit(() => this.#pruneLog());
    return { after: outcome.after };
  }

  async log(record: DeliveryRecord): Promise<void> {
    await this.db.transaction((client) => insertDelivery(client, record));
    await this.#pruneLog();
  }

  async history(subscriptionId: string, limit: number): Promise<DeliveryRecord[]> {
    const result = await this.db.query<DeliveryRow>('SELECT id, record FROM deliveries WHERE subscription_id = $1 ORDER BY id DESC LIMIT $2', [subscriptionId, limit]);
    return result.rows.map((row) => deliveryFromRow(this.db.schema, row));
  }

  async recent(limit: number): Promise<DeliveryRecord[]> {
    const result = await this.db.query<DeliveryRow>('SELECT id, record FROM deliveries ORDER BY id DESC LIMIT $1', [limit]);
    return result.rows.reverse().map((row) => deliveryFromRow(this.db.schema, row));
  }

  async lastPostedIn(channelId: string): Promise<DeliveryRecord | undefined> {
    const result = await this.db.query<DeliveryRow>('SELECT id, record FROM deliveries WHERE channel_id = $1 AND posted ORDER BY id DESC LIMIT 1', [channelId]);
    const row = result.rows[0];
    return row && deliveryFromRow(this.db.schema, row);
  }

  async countPending(): Promise<number> {
    const result = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM subscriptions WHERE has_pending');
    return result.rows[0]?.n ?? 0;
  }

  /**
   * The post went out: a message or thread id that is not a Discord id (never seen from Discord,
   * but not this store's to vouch for) is left out and reported rather than failing the finish,
   * which would leave the intent standing and the post re-checked forever.
   */
  #withDiscordIds(subscriptionId: string, done: DeliveryDone): DeliveryDone {
    const kept = { ...done };
    for (const field of ['messageId', 'threadId'] as const) {
      const value = kept[field];
      if (value === undefined || Snowflake.safeParse(value).success) continue;
      delete kept[field];
      this.db.report(new Error(`delivery of subscription "${subscriptionId}": ${field} "${value}" is not a Discord id; finished without it`));
    }
    return kept;
  }

  /**
   * Cleanup after a finish or failure committed: it must never reject, since the caller would
   * then take a recorded outcome for an unrecorded one (a post logged as a late failure, missing
   * from /metrics). Its errors go to the store's background-error path (`onError`); should that
   * path itself throw (a logger already closed at shutdown), to Node's warnings, its default.
   */
  async #afterCommit(cleanup: () => Promise<void>): Promise<void> {
    try {
      await cleanup();
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      try {
        this.db.report(new Error(`cleanup after a committed delivery write failed (the write stands): ${failure.message}`, { cause: failure }));
      } catch (reportError) {
        process.emitWarning(new Error(`cleanup after a committed delivery write failed, and so did reporting it: ${failure.message}`, { cause: reportError }));
      }
    }
  }

  #pruneLog(): Promise<void> {
    return this.db.prune('deliveries', 'id <= (SELECT id FROM deliveries ORDER BY id DESC OFFSET $1 LIMIT 1)', [this.db.limits.deliveryLog]);
  }
}
