/**
 * Where the program reads the time. Production uses the system clock; tests and the sandbox
 * inject a simulated one, so nothing that depends on time needs sleeps or real cron.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told: for tests and the sandbox's `@advance`. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string | number) {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  advance(ms: number): Date {
    this.#ms += ms;
    return this.now();
  }

  set(to: Date | string | number): void {
    this.#ms = new Date(to).getTime();
  }
}

/**
 * Real time plus a jump: the sandbox's clock. Time runs as usual, and `@advance 3h` moves it
 * forward at once, so scheduled jobs can be watched without waiting.
 */
export class OffsetClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  advance(ms: number): Date {
    this.#offsetMs += ms;
    return this.now();
  }
}

/** A clock that can be moved forward: what `@advance` needs. */
export interface AdvanceableClock extends Clock {
  advance(ms: number): Date;
}
