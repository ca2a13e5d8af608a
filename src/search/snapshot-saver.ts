/**
 * Saves the live index after archive changes, one save at a time: changes that arrive during a
 * save are covered by one more save after it, so a burst of imports costs two writes, not one
 * each, and two writes never race on the file. A save that throws is reported to `onError` and
 * never rejects the saver's own promise: nobody awaits it between imports, and an unhandled
 * rejection ends a Node process, while a snapshot not saved only costs the next cold start.
 */
export class SnapshotSaver {
  readonly #save: () => Promise<void>;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | undefined;
  #again = false;

  /** `onError` hears of every save that threw; should it throw in turn, that is dropped (nothing awaits the saver between imports). */
  constructor(save: () => Promise<void>, onError: (error: unknown) => void) {
    this.#save = save;
    this.#onError = onError;
  }

  /** Asks for a save of the current index. */
  request(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    // After the current turn, so the import that caused it is answered before the encoding
    // takes the event loop (~0.1 s at 10,000 briefings).
    this.#running = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.#loop())
      .finally(() => (this.#running = undefined));
  }

  /** Resolves once no save is running or asked for. */
  async whenIdle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#save().catch((error: unknown) => {
        try {
          this.#onError(error);
        } catch {
          // A reporter that fails cannot be reported to; the next save is tried all the same.
        }
      });
    } while (this.#again);
  }
}
