/**
 * What was last shown in a channel, to it and to each user there, in PostgreSQL: one row per
 * channel (user_id '') and per channel and user, re-written on each showing with a new position,
 * the oldest forgotten past the cap, as lowdb keeps its list.
 */
import { ChannelContextSchema, type ChannelContext } from '../../domain/subscription.schema.js';
import type { ChannelContextStore } from '../lumen-stores.js';
import type { StateDatabase } from './state-database.js';
import { channelContextFromRow, checkRecord, type ChannelContextRow } from './state-rows.js';

export class PostgresChannelContext implements ChannelContextStore {
  constructor(private readonly db: StateDatabase) {}

  async remember(channelId: string, userId: string | undefined, slug: string, at: Date): Promise<void> {
    const who = userId === undefined ? [''] : ['', userId];
    for (const user of who) {
      checkRecord(ChannelContextSchema, `what was shown in channel ${channelId}`, { channelId, ...(user === '' ? {} : { userId: user }), slug, at: at.toISOString() });
    }
    // One statement: the channel's row, then the user's, take the next positions in that order.
    await this.db.query(
      `INSERT INTO channel_context (channel_id, user_id, slug, shown_at, position)
       SELECT $1, u.user_id, $3, $4, nextval('channel_context_position') FROM unnest($2::text[]) WITH ORDINALITY AS u(user_id, n) ORDER BY u.n
       ON CONFLICT (channel_id, user_id) DO UPDATE SET slug = EXCLUDED.slug, shown_at = EXCLUDED.shown_at, position = EXCLUDED.position`,
      [channelId, who, slug, at],
    );
    await this.db.prune('channel_context', 'position <= (SELECT position FROM channel_context ORDER BY position DESC OFFSET $1 LIMIT 1)', [this.db.limits.channelContext]);
  }

  async shownIn(channelId: string, userId: string | undefined): Promise<{ channel?: ChannelContext; user?: ChannelContext }> {
    const result = await this.db.query<ChannelContextRow>('SELECT channel_id, user_id, slug, shown_at FROM channel_context WHERE channel_id = $1 AND user_id = ANY($2::text[])', [
      channelId,
      userId === undefined ? [''] : ['', userId],
    ]);
    const channelRow = result.rows.find((row) => row.user_id === '');
    const userRow = userId === undefined ? undefined : result.rows.find((row) => row.user_id === userId);
    return {
      ...(channelRow ? { channel: channelContextFromRow(this.db.schema, channelRow) } : {}),
      ...(userRow ? { user: channelContextFromRow(this.db.schema, userRow) } : {}),
    };
  }
}
