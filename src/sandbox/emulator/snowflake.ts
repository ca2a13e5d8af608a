/** Milliseconds between the Unix epoch and Discord's epoch (2015-01-01T00:00:00Z). */
export const DISCORD_EPOCH = 1_420_070_400_000;

/**
 * Makes Discord snowflakes from a clock: `(ms since Discord epoch) << 22 | worker | process | increment`.
 * Ids are strictly increasing even when the injected clock stands still, because tests freeze time
 * and discord.js buckets and sorts by id.
 */
export class SnowflakeGenerator {
  readonly #now: () => number;
  readonly #workerId: bigint;
  #last = 0n;

  constructor(now: () => number, workerId = 1) {
    this.#now = now;
    this.#workerId = BigInt(workerId & 0x1f);
  }

  /** The next id, as Discord sends it: a decimal string of 17–19 digits. */
  next(): string {
    const ms = BigInt(Math.max(0, Math.floor(this.#now()) - DISCORD_EPOCH));
    let id = (ms << 22n) | (this.#workerId << 17n);
    if (id <= this.#last) id = this.#last + 1n;
    this.#last = id;
    return id.toString();
  }

  /** When a snowflake was made, in Unix milliseconds. */
  static timestampOf(id: string): number {
    return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
  }
}
