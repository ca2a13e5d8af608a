/** One request the bot made, as the emulator saw and answered it. */
export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** Decoded path below `/api/v10` with its query, e.g. `/interactions/1/tok/callback?with_response=false`. */
  path: string;
  /** The matched route template, e.g. `/channels/:channel_id/messages`; undefined for unknown routes. */
  route: string | undefined;
  /** Decoded JSON body (multipart: `payload_json`). */
  body: unknown;
  files: Array<{ field: string; filename: string; contentType: string; size: number }>;
  status: number;
  responseBody: unknown;
  /** Wall-clock arrival time (ms since epoch); rate limits run on this clock. */
  at: number;
  /** The emulator's (injectable) clock at arrival. */
  clockAt: number;
  /** Whether the request carried an Authorization header at all. */
  authorized: boolean;
  /** What answered it when not the route: an injected fault or a rate limit. */
  answeredBy: 'route' | 'fault' | 'rate-limit' | 'auth' | 'not-found';
}

/** Something that judges each exchange as it is logged (the spec checker, in tests); returns what is wrong. */
export type ExchangeInspector = (entry: RecordedRequest) => readonly SpecFinding[];

/** What an inspector found wrong with one exchange; kept in full for the report. */
export interface SpecFinding {
  kind: string;
  method: string;
  path: string;
  status: number;
  operationId: string | undefined;
  problems: ReadonlyArray<{ at: string; keyword: string; message: string }>;
}

/** The log of every REST request, for assertions and for the terminal sandbox's live view. */
export class RequestLog {
  #entries: RecordedRequest[] = [];
  #seq = 0;
  #inspector: ExchangeInspector | undefined;
  #inspected = 0;
  readonly #findings: SpecFinding[] = [];

  /** Judges every exchange logged from now on (LocalDiscord installs the spec checker here in tests). */
  inspectWith(inspector: ExchangeInspector): void {
    this.#inspector = inspector;
  }

  /** What the inspector found so far; `clear()` does not forget these, so a test cannot hide them. */
  get findings(): readonly SpecFinding[] {
    return this.#findings;
  }

  /** How many exchanges the inspector judged. */
  get inspected(): number {
    return this.#inspected;
  }

  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  add(entry: RecordedRequest): void {
    this.#entries.push(entry);
    if (this.#inspector) {
      this.#inspected += 1;
      this.#findings.push(...this.#inspector(entry));
    }
  }

  all(): RecordedRequest[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries = [];
  }

  /** Requests whose method matches and whose path (query included) matches `path`. */
  matching(method: string | undefined, path: RegExp | string): RecordedRequest[] {
    return this.#entries.filter(
      (r) => (method === undefined || r.method === method.toUpperCase()) && (typeof path === 'string' ? r.path.split('?')[0] === path : path.test(r.path)),
    );
  }
}
