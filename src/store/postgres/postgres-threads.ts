/**
 * Threads (and forum posts) opened under new-briefing posts, in PostgreSQL: thread -> briefing,
 * forgetting the oldest past the cap (snowflakes grow with time: shorter, then lower, is older).
 */
import type pg from 'pg';
import { Snowflake } from '../../domain/subscription.schema.js';
import type { ThreadStore } from '../lumen-stores.js';
import type { StateDatabase } from './state-database.js';
import { checkRecord, slugFromThreadRow } from './state-rows.js';

/** Remembers (or re-points) a thread inside a transaction already open. */
export async function insertThread(client: pg.ClientBase, threadId: string, slug: string): Promise<void> {
  checkRecord(Snowflake, `thread id "${threadId}"`, threadId);
  await client.query('INSERT INTO threads (thread_id, slug) VALUES ($1, $2) ON CONFLICT (thread_id) DO UPDATE SET slug = EXCLUDED.slug', [threadId, slug]);
}

export function pruneThreads(db: StateDatabase): Promise<void> {
  return db.prune('threads', 'thread_id IN (SELECT thread_id FROM threads ORDER BY length(thread_id) DESC, thread_id DESC OFFSET $1)', [db.limits.threads]);
}

export class PostgresThreads implements ThreadStore {
  constructor(private readonly db: StateDatabase) {}

  async remember(threadId: string, slug: string): Promise<void> {
    await this.db.transaction((client) => insertThread(client, threadId, slug));
    await pruneThreads(this.db);
  }

  async briefingOf(threadId: string): Promise<string | undefined> {
    const result = await this.db.query<{ thread_id: string; slug: string }>('SELECT thread_id, slug FROM threads WHERE thread_id = $1', [threadId]);
    const row = result.rows[0];
    return row && slugFromThreadRow(this.db.schema, row);
  }
}
