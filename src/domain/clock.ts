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
