/**
 * The PostgreSQL state as one document in the shape of lowdb's state file (state.schema.ts), and
 * back: what `lumen migrate-store` copies between the two stores. Reading validates every row (as
 * the stores do); replacing is one transaction, so a copy lands whole or not at all. Claims are
 * leases of running processes and are not part of the state: a replacement clears them.
 */
import { LumenError } from '../../domain/errors.js';
import { StateFileSchema, type StateFile } from '../state.schema.js';
import type { StateDatabase } from './state-database.js';
import {
  alertSettingsFromRow,
  channelContextFromRow,
  deliveryFromRow,
  slugFromThreadRow,
  subscriptionColumns,
  subscriptionFromRow,
  type ChannelContextRow,
  type DeliveryRow,
  type SubscriptionRow,
} from './state-rows.js';

/** Every row of the state tables, in the order lowdb keeps them (oldest first). */
export async function readStateSnapshot(db: StateDatabase): Promise<StateFile> {
  return db.transaction(async (client) => {
    // One snapshot of all the tables, even while another process writes.
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const subs = await client.query<SubscriptionRow>('SELECT id, subscription FROM subscriptions ORDER BY position');
    const log = await client.query<DeliveryRow>('SELECT id, record FROM deliveries ORDER BY id');
    const threads = await client.query<{ thread_id: string; slug: string }>('SELECT thread_id, slug FROM threads ORDER BY length(thread_id), thread_id');
    const context = await client.query<ChannelContextRow>('SELECT channel_id, user_id, slug, shown_at FROM channel_context ORDER BY position');
    const alerts = await client.query<{ guild_id: string; channel_id: string; set_by: string; sent: string[] }>(
      `SELECT guild_id, channel_id, set_by, ARRAY(SELECT key FROM alert_keys_sent k WHERE k.guild_id = a.guild_id ORDER BY position) AS sent
       FROM alert_settings a ORDER BY position`,
    );
    const state: StateFile = {
      version: 1,
      subscriptions: subs.rows.map((row) => subscriptionFromRow(db.schema, row)),
      deliveries: log.rows.map((row) => deliveryFromRow(db.schema, row)),
      threads: Object.fromEntries(threads.rows.map((row) => [row.thread_id, slugFromThreadRow(db.schema, row)])),
    };
    if (alerts.rows.length > 0) state.alerts = Object.fromEntries(alerts.rows.map((row) => [row.guild_id, alertSettingsFromRow(db.schema, row.guild_id, row, row.sent)]));
    if (context.rows.length > 0) state.channelContext = context.rows.map((row) => channelContextFromRow(db.schema, row));
    return state;
  });
}

/** Replaces every row of the state tables by `state` (validated first as the lowdb file is), in one transaction. */
export async function replaceState(db: StateDatabase, state: StateFile): Promise<void> {
  const parsed = StateFileSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LumenError('store.bad-restore', `cannot restore the state: ${issue?.path.join('.') || 'state'}: ${issue?.message ?? 'invalid'}`);
  }
  const valid = parsed.data;
  await db.transaction(async (client) => {
    await client.query('TRUNCATE subscriptions, deliveries, threads, channel_context, alert_keys_sent, alert_settings');
    const subs = valid.subscriptions.map(subscriptionColumns);
    await client.query(
      `INSERT INTO subscriptions (id, guild_id, channel_id, status, has_pending, subscription)
       SELECT a, b, c, d, e, f FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::json[]) WITH ORDINALITY AS u(a, b, c, d, e, f, n) ORDER BY n`,
      [0, 1, 2, 3, 4, 5].map((column) => subs.map((row) => row[column])),
    );
    await client.query(
      `INSERT INTO deliveries (subscription_id, channel_id, posted, record)
       SELECT a, b, c, d FROM unnest($1::text[], $2::text[], $3::boolean[], $4::json[]) WITH ORDINALITY AS u(a, b, c, d, n) ORDER BY n`,
      [valid.deliveries.map((r) => r.subscriptionId), valid.deliveries.map((r) => r.channelId), valid.deliveries.map((r) => r.outcome === 'posted'), valid.deliveries.map((r) => JSON.stringify(r))],
    );
    const threads = Object.entries(valid.threads);
    await client.query('INSERT INTO threads (thread_id, slug) SELECT * FROM unnest($1::text[], $2::text[])', [threads.map(([id]) => id), threads.map(([, slug]) => slug)]);
    const context = valid.channelContext ?? [];
    await client.query(
      `INSERT INTO channel_context (channel_id, user_id, slug, shown_at, position)
       SELECT a, b, c, d, nextval('channel_context_position') FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS u(a, b, c, d, n) ORDER BY n`,
      [context.map((e) => e.channelId), context.map((e) => e.userId ?? ''), context.map((e) => e.slug), context.map((e) => e.at)],
    );
    for (const [guildId, settings] of Object.entries(valid.alerts ?? {})) {
      await client.query('INSERT INTO alert_settings (guild_id, channel_id, set_by) VALUES ($1, $2, $3)', [guildId, settings.channelId, settings.setBy]);
      await client.query('INSERT INTO alert_keys_sent (guild_id, key) SELECT $1, k FROM unnest($2::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n ON CONFLICT DO NOTHING', [guildId, settings.sent]);
    }
  });
}
