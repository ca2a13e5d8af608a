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

/** The log of every REST request, for assertions and for the terminal sandbox's live view. */
export class RequestLog {
  #entries: RecordedRequest[] = [];
  #seq = 0;

  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  add(entry: RecordedRequest): void {
    this.#entries.push(entry);
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
