/**
 * The state file through lowdb: read once at start (refused if it cannot be trusted), changed in
 * memory, written atomically. `update` resolves once the change is on disk. Only the lowdb stores
 * (lowdb-stores.ts) change it; the rest of the program goes through the interfaces of
 * lumen-stores.ts.
 */
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { DeliveryRecord } from '../domain/subscription.schema.js';
import { emptyState, MAX_DELIVERY_LOG, MAX_THREADS, StateFileSchema, type StateFile } from './state.schema.js';
import { ValidatedJsonFile } from './validated-json-file.js';

export const STATE_FILE_NAME = 'state.json';

export class StateStore {
  readonly #db: Low<StateFile>;

  private constructor(db: Low<StateFile>) {
    this.#db = db;
  }

  static async open(dataDir: string): Promise<StateStore> {
    return StateStore.fromAdapter(new ValidatedJsonFile(join(dataDir, STATE_FILE_NAME), StateFileSchema, { pretty: true }));
  }

  static async fromAdapter(adapter: Adapter<StateFile>): Promise<StateStore> {
    const db = new Low<StateFile>(adapter, emptyState());
    await db.read();
    return new StateStore(db);
  }

  /** The current state. Read-only by convention: change it through `update`. */
  get data(): Readonly<StateFile> {
    return this.#db.data;
  }

  /** Applies `change` and resolves once it (or a later state) is written. */
  async update(change: (state: StateFile) => void): Promise<void> {
    change(this.#db.data);
    await this.#db.write();
  }

  /** Remembers the briefing a thread discusses, forgetting the oldest threads past the cap. */
  static rememberThread(state: StateFile, threadId: string, slug: string): void {
    state.threads[threadId] = slug;
    const ids = Object.keys(state.threads);
    if (ids.length <= MAX_THREADS) return;
    // Snowflakes grow with time: the smallest ids are the oldest threads.
    ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    for (const id of ids.slice(0, ids.length - MAX_THREADS)) delete state.threads[id];
  }

  /** Appends to the delivery log, keeping only the newest records. */
  static appendDelivery(state: StateFile, record: DeliveryRecord): void {
    state.deliveries.push(record);
    if (state.deliveries.length > MAX_DELIVERY_LOG) state.deliveries.splice(0, state.deliveries.length - MAX_DELIVERY_LOG);
  }
}
