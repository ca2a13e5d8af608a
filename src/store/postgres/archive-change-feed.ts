/**
 * The database's change feed for the archive: a connection of its own LISTENing on one channel,
 * on which every archive write NOTIFYs (at commit) `<schema>:<last change_seq>`. A lost
 * connection is re-opened with backoff, and each (re)connection asks for a catch-up, since
 * notifications sent while nobody listened are gone; the archive's periodic refresh covers the gap.
 */
import pg from 'pg';
import { clientConfig, type PostgresConnectionOptions } from './postgres-connection.js';

export const ARCHIVE_CHANNEL = 'lumen_archive';

const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

export interface ChangeFeedOptions extends PostgresConnectionOptions {
  schema: string;
  /** Called with the change number announced (0 after a (re)connection: "catch up"). */
  onChange(change: number): void;
  onError(error: Error): void;
}

export class ArchiveChangeFeed {
  readonly #options: ChangeFeedOptions;
  #client: pg.Client | undefined;
  #retryMs = RECONNECT_FIRST_MS;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: ChangeFeedOptions) {
    this.#options = options;
  }

  /** Connects and listens; rejects if the first connection fails (the archive then does not open). */
  async start(): Promise<void> {
    await this.#connect();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client(clientConfig(this.#options));
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, undefined));
    client.on('notification', (message) => {
      const [schema, change] = (message.payload ?? '').split(':');
      if (schema === this.#options.schema) this.#options.onChange(Number(change) || 0);
    });
    await client.connect();
    await client.query(`LISTEN ${ARCHIVE_CHANNEL}`);
    this.#client = client;
    this.#retryMs = RECONNECT_FIRST_MS;
  }

  #lost(client: pg.Client, error: Error | undefined): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = undefined;
    client.end().catch(() => undefined); // already broken; its error was reported just below
    this.#options.onError(new Error(`archive change feed lost its connection${error ? `: ${error.message}` : ''}; reconnecting`, { cause: error }));
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#connect().then(
        () => this.#options.onChange(0),
        (error: Error) => {
          this.#options.onError(new Error(`archive change feed could not reconnect: ${error.message}`, { cause: error }));
          this.#retryMs = Math.min(this.#retryMs * 2, RECONNECT_MAX_MS);
          this.#scheduleReconnect();
        },
      );
    }, this.#retryMs);
    this.#retry.unref();
  }

  async stop(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end();
  }
}
