import { EventEmitter } from 'node:events';
import type { InteractionRecord } from './interaction-record.js';

/** Every interaction the emulator dispatched, by id and by token; emits `change` when the bot answers. */
export class InteractionRegistry extends EventEmitter<{ change: [InteractionRecord] }> {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  add(record: InteractionRecord): InteractionRecord {
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }

  all(): InteractionRecord[] {
    return [...this.#byId.values()];
  }

  /**
   * Tells waiting handles that a record changed. Deferred to the next turn of the event loop so the
   * HTTP answer is written and logged first: a test that awaits a response can then assert on it.
   */
  touch(record: InteractionRecord): void {
    setImmediate(() => this.emit('change', record));
  }
}
