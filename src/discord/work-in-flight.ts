/**
 * The handlers a router has running, so the sandbox can wait until they are done and a stopping
 * bot can let them finish (up to a bound) before it disconnects. Shared by the interaction
 * router and the reply router.
 */
export class WorkInFlight {
  readonly #work = new Set<Promise<void>>();

  /** Tracks `work` until it settles; returns it. */
  track(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => this.#work.delete(tracked));
    this.#work.add(tracked);
    return tracked;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async whenIdle(): Promise<void> {
    while (this.#work.size > 0) await Promise.allSettled([...this.#work]);
  }

  /** Waits for what is running now, at most `timeoutMs`. */
  async settle(timeoutMs: number): Promise<void> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.allSettled([...this.#work]).then(() => undefined), timeout]);
  }
}
