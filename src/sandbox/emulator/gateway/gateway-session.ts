/** A dispatch payload as sent on the wire. */
export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

/** Dispatches kept for RESUME; Discord's buffer is finite too. */
const BUFFER_LIMIT = 5_000;

/**
 * A gateway session: what survives a dropped socket. It numbers dispatches and keeps them so
 * a RESUME with `seq` can replay exactly the ones the client missed, with their original `s`.
 */
export class GatewaySession {
  readonly id: string;
  readonly intents: number;
  readonly shard: [number, number];
  #seq = 0;
  readonly #buffer: DispatchPayload[] = [];
  /** Set when the socket goes away without a normal close; cleared on resume. */
  disconnectedAt: number | undefined;

  constructor(id: string, intents: number, shard: [number, number]) {
    this.id = id;
    this.intents = intents;
    this.shard = shard;
  }

  /** The last sequence number handed out. */
  get seq(): number {
    return this.#seq;
  }

  /** Numbers and buffers a dispatch; the caller sends it if a socket is attached. */
  next(t: string, d: unknown): DispatchPayload {
    this.#seq += 1;
    const payload: DispatchPayload = { op: 0, t, s: this.#seq, d };
    this.#buffer.push(payload);
    if (this.#buffer.length > BUFFER_LIMIT) this.#buffer.shift();
    return payload;
  }

  /** Dispatches after `seq`, or undefined if some were already dropped from the buffer. */
  since(seq: number): DispatchPayload[] | undefined {
    const first = this.#buffer[0];
    if (first && first.s > seq + 1) return undefined;
    return this.#buffer.filter((p) => p.s > seq);
  }
}
