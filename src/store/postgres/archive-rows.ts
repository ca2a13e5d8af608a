/**
 * The `briefings` table's rows to and from the archive's StoredBriefing: every row read is
 * validated with the same zod schema as the lowdb file, so a hand-edited row that no longer
 * validates is refused with its slug, never served.
 */
import type pg from 'pg';
import { LumenError } from '../../domain/errors.js';
import { StoredBriefingSchema } from '../archive.schema.js';
import type { ArchiveEntry } from './archive-memory.js';

export const ROW_COLUMNS = 'slug, seq, revision, content_hash, briefing, imported_at, updated_at, source, change_seq';

interface BriefingRow {
  slug: string;
  seq: string;
  revision: number;
  content_hash: string;
  briefing: unknown;
  imported_at: Date;
  updated_at: Date;
  source: string;
  change_seq: string;
}

/** A row of the archive table that cannot be trusted; the archive refuses it rather than serve it. */
export class ArchiveRowCorruptError extends LumenError {
  constructor(schema: string, slug: string, problem: string) {
    super('store.corrupt', `PostgreSQL table ${schema}.briefings, row "${slug}": ${problem}. The row was left untouched; fix it or restore it from a backup.`);
  }
}

/** Validates rows read from the table into archive entries. */
export function entriesFromRows(schema: string, rows: readonly BriefingRow[]): ArchiveEntry[] {
  return rows.map((row) => {
    const parsed = StoredBriefingSchema.safeParse({
      briefing: row.briefing,
      revision: row.revision,
      contentHash: row.content_hash,
      seq: Number(row.seq),
      importedAt: row.imported_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      source: row.source,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ArchiveRowCorruptError(schema, row.slug, `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
    }
    if (parsed.data.briefing.slug !== row.slug) throw new ArchiveRowCorruptError(schema, row.slug, `the briefing inside says its slug is "${parsed.data.briefing.slug}"`);
    return { stored: parsed.data, change: Number(row.change_seq) };
  });
}

/** Every row changed after `change`, in change order. */
export async function readChangesAfter(client: pg.ClientBase | pg.Pool, schema: string, change: number): Promise<ArchiveEntry[]> {
  const result = await client.query<BriefingRow>(`SELECT ${ROW_COLUMNS} FROM briefings WHERE change_seq > $1 ORDER BY change_seq`, [change]);
  return entriesFromRows(schema, result.rows);
}

/** Rows per INSERT: a 10,000-briefing import is a few statements, none of them huge. */
const ROWS_PER_STATEMENT = 500;

/** Inserts or updates the entries by slug (seq and importedAt are kept on update). */
export async function upsertEntries(client: pg.ClientBase, entries: readonly ArchiveEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
    const chunk = entries.slice(i, i + ROWS_PER_STATEMENT);
    await client.query(
      `INSERT INTO briefings (${ROW_COLUMNS})
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::text[], $5::json[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::bigint[])
       ON CONFLICT (slug) DO UPDATE SET revision = EXCLUDED.revision, content_hash = EXCLUDED.content_hash, briefing = EXCLUDED.briefing,
         updated_at = EXCLUDED.updated_at, source = EXCLUDED.source, change_seq = EXCLUDED.change_seq`,
      [
        chunk.map((e) => e.stored.briefing.slug),
        chunk.map((e) => e.stored.seq),
        chunk.map((e) => e.stored.revision),
        chunk.map((e) => e.stored.contentHash),
        chunk.map((e) => JSON.stringify(e.stored.briefing)),
        chunk.map((e) => e.stored.importedAt),
        chunk.map((e) => e.stored.updatedAt),
        chunk.map((e) => e.stored.source),
        chunk.map((e) => e.change),
      ],
    );
  }
}

