/**
 * What the PostgreSQL state stores share: the pool, the schema their tables are in, the caps of
 * the tables kept short (as lowdb keeps its arrays), and the bookkeeping that lets `close` wait
 * for the writes in progress. Every query runs in one short statement or one short transaction:
 * nothing here ever waits on anything but the database while a transaction is open.
 */
import type pg from 'pg';
import { LumenError } from '../../domain/errors.js';
import { MAX_ALERT_KEYS, MAX_CHANNEL_CONTEXT, MAX_DELIVERY_LOG, MAX_THREADS } from '../state.schema.js';
import { inTransaction } from './postgres-connection.js';

/** How many rows the capped tables keep (tests lower them to see the oldest go). */
export interface StateLimits {
  deliveryLog: number;
  threads: number;
  channelContext: number;
  alertKeysPerGuild: number;
}

export const DEFAULT_STATE_LIMITS: StateLimits = {
  deliveryLog: MAX_DELIVERY_LOG,
  threads: MAX_THREADS,
  channelContext: MAX_CHANNEL_CONTEXT,
  alertKeysPerGuild: MAX_ALERT_KEYS,
};

export class StateDatabase {
  readonly #inFlight = new Set<Promise<unknown>>();
  #closed = false;

  constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
    readonly limits: StateLimits,
    /** Where problems that must not fail the write they came with are reported. */
    readonly report: (error: Error) => void,
  ) {}

  /** One statement on any pooled connection. */
  query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.#track(() => this.pool.query<R>(text, values));
  }

  /** One short transaction (COMMIT when `work` resolves, ROLLBACK when it throws). */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#track(() => inTransaction(this.pool, work));
  }

  /**
   * Forgets the oldest rows of a capped table, after the write that added one has committed: a
   * failure here is only reported (the write itself succeeded and must not be retried), and one
   * process prunes a table at a time (the others skip, the next write prunes again), so pruners
   * never wait on or deadlock with each other.
   */
  async prune(table: string, deleteWhere: string, values: unknown[]): Promise<void> {
    if (this.#closed) return; // closing: the next process's writes prune
    const gate = values.length + 1;
    try {
      await this.query(
        `WITH gate AS (SELECT pg_try_advisory_xact_lock(hashtextextended($${gate}, 0)) AS open)
         DELETE FROM ${table} WHERE (SELECT open FROM gate) AND ${deleteWhere}`,
        [...values, `lumen.prune.${this.schema}.${table}`],
      );
    } catch (error) {
      this.report(new Error(`pruning ${this.schema}.${table} failed (it is retried on the next write): ${(error as Error).message}`, { cause: error }));
    }
  }

  /** Refuses new work and waits for the work in progress. */
  async drain(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#inFlight]);
  }

  #track<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new LumenError('store.closed', `the PostgreSQL stores (schema ${this.schema}) are closed`));
    const running = work();
    this.#inFlight.add(running);
    const forget = () => this.#inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }
}
