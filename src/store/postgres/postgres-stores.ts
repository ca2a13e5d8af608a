/**
 * Every store of one bot in PostgreSQL (`LUMEN_DATABASE_URL`): the briefing archive
 * (postgres-briefing-archive.ts) and the state tables (migrations/002_state.sql) behind the
 * interfaces of ../lumen-stores.ts, over one pool whose sessions live in one schema.
 *
 * Map: state-database.ts (pool, caps, pruning, close), state-rows.ts (rows <-> validated records),
 * postgres-subscriptions.ts, postgres-deliveries.ts (claims as leases, intents, log),
 * postgres-threads.ts, postgres-channel-context.ts, postgres-alerts.ts, state-snapshot.ts (the
 * whole state at once, for `lumen migrate-store`).
 */
import type { LumenStores } from '../lumen-stores.js';
import type { StateFile } from '../state.schema.js';
import { PostgresAlerts } from './postgres-alerts.js';
import { PostgresBriefingArchive, type PostgresArchiveOptions } from './postgres-briefing-archive.js';
import { PostgresChannelContext } from './postgres-channel-context.js';
import { checkSchemaName, createPool, DEFAULT_SCHEMA, redactConnectionString } from './postgres-connection.js';
import { PostgresDeliveries } from './postgres-deliveries.js';
import { PostgresSubscriptions } from './postgres-subscriptions.js';
import { PostgresThreads } from './postgres-threads.js';
import { readStateSnapshot, replaceState } from './state-snapshot.js';
import { DEFAULT_STATE_LIMITS, StateDatabase, type StateLimits } from './state-database.js';

export interface PostgresStoresOptions extends Omit<PostgresArchiveOptions, 'pool'> {
  /** How long `ping` waits for `SELECT 1` before answering false (default 2 s). */
  pingTimeoutMs?: number;
  /** Caps of the capped tables (default: lowdb's, src/store/state.schema.ts). */
  limits?: Partial<StateLimits>;
}

/** The stores, the schema they are in (a sandbox drops it at the end), and the whole state for `lumen migrate-store`. */
export type PostgresStores = LumenStores & {
  readonly schema: string;
  readonly archive: PostgresBriefingArchive;
  /** Every state row, in the shape of lowdb's state file. */
  readState(): Promise<StateFile>;
  /** Replaces the whole state (subscriptions, log, threads, context, alerts) in one transaction; claims are cleared. */
  replaceState(state: StateFile): Promise<void>;
};

/**
 * Connects, applies pending migrations (checked, all or nothing) and loads the archive. Throws
 * MigrationError, ArchiveRowCorruptError or the connection's error instead of opening.
 */
export async function openPostgresStores(options: PostgresStoresOptions): Promise<PostgresStores> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const onError = options.onError ?? ((error: Error) => process.emitWarning(error));
  // The archive's saves, the state's transactions and pings share it; the change feed has its own connection.
  const pool = createPool({ ...options, schema, maxConnections: options.maxConnections ?? 6 }, onError);
  let archive: PostgresBriefingArchive;
  try {
    archive = await PostgresBriefingArchive.open({ ...options, schema, onError, pool });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new StateDatabase(pool, schema, { ...DEFAULT_STATE_LIMITS, ...options.limits }, onError);
  const pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
  let closing: Promise<void> | undefined;
  return {
    schema,
    description: `PostgreSQL ${redactConnectionString(options.connectionString)} (schema ${schema})`,
    archive,
    subscriptions: new PostgresSubscriptions(db),
    deliveries: new PostgresDeliveries(db),
    threads: new PostgresThreads(db),
    channelContext: new PostgresChannelContext(db),
    alerts: new PostgresAlerts(db),
    readState: () => readStateSnapshot(db),
    replaceState: (state) => replaceState(db, state),
    ping: () => ping(db, pingTimeoutMs),
    close: () =>
      (closing ??= (async () => {
        await db.drain();
        await archive.close();
        await pool.end();
      })()),
  };
}

/** `SELECT 1` within `timeoutMs`; false on any failure or when it takes longer (a hung connection, a full pool). */
async function ping(db: StateDatabase, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answer = db.query<{ one: number }>('SELECT 1 AS one').then(
    (result) => result.rows[0]?.one === 1,
    () => false,
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
