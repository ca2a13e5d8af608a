/**
 * Subscriptions in PostgreSQL (the `subscriptions` table of migrations/002_state.sql). A change
 * is a short transaction: the row is read `FOR UPDATE` (another writer waits), changed in
 * JavaScript by the caller's function or the domain's delivery rules, and written back.
 */
import type pg from 'pg';
import type { Subscription } from '../../domain/subscription.schema.js';
import type { SubscriptionStore } from '../lumen-stores.js';
import type { StateDatabase } from './state-database.js';
import { subscriptionColumns, subscriptionFromRow, type SubscriptionRow } from './state-rows.js';

const UNIQUE_VIOLATION = '23505';

/** Reads subscription `id` and locks its row until the transaction ends; undefined when there is none. */
export async function lockSubscription(db: StateDatabase, client: pg.ClientBase, id: string): Promise<Subscription | undefined> {
  const result = await client.query<SubscriptionRow>('SELECT id, subscription FROM subscriptions WHERE id = $1 FOR UPDATE', [id]);
  const row = result.rows[0];
  return row && subscriptionFromRow(db.schema, row);
}

/** Writes a subscription over its row (its id, claim and position stay). */
export async function writeSubscription(client: pg.ClientBase, id: string, sub: Subscription): Promise<void> {
  const [, guildId, channelId, status, hasPending, json] = subscriptionColumns({ ...sub, id });
  await client.query('UPDATE subscriptions SET guild_id = $2, channel_id = $3, status = $4, has_pending = $5, subscription = $6 WHERE id = $1', [
    id,
    guildId,
    channelId,
    status,
    hasPending,
    json,
  ]);
}

/** Rows in `position` order (RETURNING gives no order of its own). */
export function inPositionOrder<R extends { position: string }>(rows: R[]): R[] {
  return rows.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
}

export class PostgresSubscriptions implements SubscriptionStore {
  constructor(private readonly db: StateDatabase) {}

  async get(id: string): Promise<Subscription | undefined> {
    const result = await this.db.query<SubscriptionRow>('SELECT id, subscription FROM subscriptions WHERE id = $1', [id]);
    const row = result.rows[0];
    return row && subscriptionFromRow(this.db.schema, row);
  }

  async listByGuild(guildId: string): Promise<Subscription[]> {
    const result = await this.db.query<SubscriptionRow>('SELECT id, subscription FROM subscriptions WHERE guild_id = $1 ORDER BY position', [guildId]);
    return result.rows.map((row) => subscriptionFromRow(this.db.schema, row));
  }

  async create(subscription: Subscription): Promise<void> {
    try {
      await this.db.query('INSERT INTO subscriptions (id, guild_id, channel_id, status, has_pending, subscription) VALUES ($1, $2, $3, $4, $5, $6)', subscriptionColumns(subscription));
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new Error(`a subscription with id ${subscription.id} already exists`, { cause: error });
      throw error;
    }
  }

  async update(id: string, change: (current: Subscription) => Subscription): Promise<Subscription | undefined> {
    return this.db.transaction(async (client) => {
      const current = await lockSubscription(this.db, client, id);
      if (!current) return undefined;
      const next = { ...change(current), id };
      await writeSubscription(client, id, next);
      return next;
    });
  }

  async remove(guildId: string, ids: readonly string[]): Promise<Subscription[]> {
    if (ids.length === 0) return [];
    const result = await this.db.query<SubscriptionRow & { position: string }>(
      'DELETE FROM subscriptions WHERE guild_id = $1 AND id = ANY($2::text[]) RETURNING id, position, subscription',
      [guildId, [...ids]],
    );
    return inPositionOrder(result.rows).map((row) => subscriptionFromRow(this.db.schema, row));
  }
}
