/**
 * Where each server's admin alerts go, and which alert keys were sent there, in PostgreSQL.
 * Claiming an alert inserts its key with ON CONFLICT DO NOTHING: when two processes claim the
 * same key at once, the second waits for the first's commit and then finds the key taken, so
 * each alert is sent at most once per server.
 */
import { Snowflake } from '../../domain/subscription.schema.js';
import type { AlertSettings } from '../../domain/subscription.schema.js';
import type { AlertStore } from '../lumen-stores.js';
import type { StateDatabase } from './state-database.js';
import { alertSettingsFromRow, checkRecord } from './state-rows.js';

export class PostgresAlerts implements AlertStore {
  constructor(private readonly db: StateDatabase) {}

  async configure(guildId: string, settings: { channelId: string; setBy: string }): Promise<void> {
    for (const [what, id] of [['server id', guildId], ['alert channel id', settings.channelId], ['alert setter id', settings.setBy]] as const) checkRecord(Snowflake, `${what} "${id}"`, id);
    await this.db.query(
      `INSERT INTO alert_settings (guild_id, channel_id, set_by) VALUES ($1, $2, $3)
       ON CONFLICT (guild_id) DO UPDATE SET channel_id = EXCLUDED.channel_id, set_by = EXCLUDED.set_by`,
      [guildId, settings.channelId, settings.setBy],
    );
  }

  async settings(guildId: string): Promise<AlertSettings | undefined> {
    const result = await this.db.query<{ channel_id: string; set_by: string; sent: string[] }>(
      `SELECT channel_id, set_by, ARRAY(SELECT key FROM alert_keys_sent k WHERE k.guild_id = a.guild_id ORDER BY position) AS sent
       FROM alert_settings a WHERE guild_id = $1`,
      [guildId],
    );
    const row = result.rows[0];
    return row && alertSettingsFromRow(this.db.schema, guildId, row, row.sent);
  }

  async claimAlert(key: string, guildId: string | undefined): Promise<{ guildId: string; channelId: string }[]> {
    const result = await this.db.query<{ guild_id: string; channel_id: string; position: string }>(
      `WITH claimed AS (
         INSERT INTO alert_keys_sent (guild_id, key)
         SELECT guild_id, $1 FROM alert_settings WHERE $2::text IS NULL OR guild_id = $2 ORDER BY position
         ON CONFLICT (guild_id, key) DO NOTHING
         RETURNING guild_id
       )
       SELECT a.guild_id, a.channel_id, a.position FROM claimed JOIN alert_settings a USING (guild_id)`,
      [key, guildId ?? null],
    );
    const targets = result.rows.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1)).map((row) => ({ guildId: row.guild_id, channelId: row.channel_id }));
    if (targets.length > 0) {
      await this.db.prune(
        'alert_keys_sent',
        `guild_id = ANY($2::text[]) AND position <= (SELECT position FROM alert_keys_sent o WHERE o.guild_id = alert_keys_sent.guild_id ORDER BY position DESC OFFSET $1 LIMIT 1)`,
        [this.db.limits.alertKeysPerGuild, targets.map((t) => t.guildId)],
      );
    }
    return targets;
  }
}
