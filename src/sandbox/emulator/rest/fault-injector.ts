import { DISCORD_ERRORS, isKnownErrorCode } from '../error-codes.js';

/** A failure to inject into matching requests. */
export interface FaultSpec {
  /** HTTP method to match; any when omitted. */
  method?: string;
  /** Path below `/api/v10` (decoded, no query): a RegExp, or an exact string. */
  path: RegExp | string;
  /** HTTP status; derived from `code` when omitted (50013 → 403). */
  status?: number;
  /** Discord JSON error code for the body. */
  code?: number;
  /** Overrides the body's message. */
  message?: string;
  /** Seconds, for a 429 (`Retry-After` header and `retry_after` field). Default 1. */
  retryAfter?: number;
  /** A 429 from the global limit (`X-RateLimit-Global`). */
  global?: boolean;
  /** `X-RateLimit-Scope` of a 429; default `user`. */
  scope?: 'user' | 'global' | 'shared';
  /** Drop the connection instead of answering: `reset` sends a TCP RST (ECONNRESET, which discord.js retries), `close` just closes. */
  network?: 'reset' | 'close';
  /** Wait this long before answering (or, with no status/network, before handling normally). */
  delayMs?: number;
  /**
   * Hold the request (after any `delayMs`) until this settles: a slow answer that ends when the
   * test has seen what it waits for, rather than after a guessed number of real seconds.
   */
  holdUntil?: Promise<unknown>;
  /** How many matching requests to hit; default 1, `Infinity` for all. */
  times?: number;
}

/** An injected fault: how often it fired, and a way to withdraw it. */
export interface InjectedFault {
  readonly spec: FaultSpec;
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

/** What the router does with a request a fault matched. */
export type FaultAction = (
  | { kind: 'respond'; status: number; body: unknown; headers: Record<string, string>; delayMs: number }
  | { kind: 'drop'; mode: 'reset' | 'close'; delayMs: number }
  | { kind: 'delay'; delayMs: number }
) & { holdUntil?: Promise<unknown> };

class Fault implements InjectedFault {
  hits = 0;
  remaining: number;
  constructor(readonly spec: FaultSpec) {
    this.remaining = spec.times ?? 1;
  }
  cancel(): void {
    this.remaining = 0;
  }
}

/**
 * Per-route fault injection for tests: 5xx, Discord error codes, 429s with a chosen Retry-After,
 * dropped connections and slow answers, each for a number of matching requests.
 */
export class FaultInjector {
  #faults: Fault[] = [];

  inject(spec: FaultSpec): InjectedFault {
    const fault = new Fault(spec);
    this.#faults.push(fault);
    return fault;
  }

  clear(): void {
    this.#faults = [];
  }

  /** Faults that can still fire. */
  active(): InjectedFault[] {
    return this.#faults.filter((f) => f.remaining > 0);
  }

  /** Consumes the first matching fault and says what to do, or undefined to carry on normally. */
  take(method: string, path: string): FaultAction | undefined {
    const fault = this.#faults.find((f) => f.remaining > 0 && matches(f.spec, method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    const action = actionFor(fault.spec);
    return fault.spec.holdUntil ? { ...action, holdUntil: fault.spec.holdUntil } : action;
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  return typeof spec.path === 'string' ? spec.path === path : spec.path.test(path);
}

function actionFor(spec: FaultSpec): FaultAction {
  const delayMs = spec.delayMs ?? 0;
  if (spec.network) return { kind: 'drop', mode: spec.network, delayMs };
  if (spec.status === undefined && spec.code === undefined) return { kind: 'delay', delayMs };
  const known = spec.code !== undefined && isKnownErrorCode(spec.code) ? DISCORD_ERRORS[spec.code] : undefined;
  const status = spec.status ?? known?.status ?? 400;
  if (status === 429) {
    const retryAfter = spec.retryAfter ?? 1;
    const global = spec.global ?? false;
    const headers: Record<string, string> = {
      'Retry-After': String(retryAfter),
      'X-RateLimit-Scope': spec.scope ?? (global ? 'global' : 'user'),
      ...(global ? { 'X-RateLimit-Global': 'true' } : { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': String(retryAfter) }),
    };
    const body = { message: spec.message ?? 'You are being rate limited.', retry_after: retryAfter, global, ...(spec.code ? { code: spec.code } : {}) };
    return { kind: 'respond', status, body, headers, delayMs };
  }
  const message = spec.message ?? known?.message ?? `${status}: ${statusText(status)}`;
  return { kind: 'respond', status, body: { message, code: spec.code ?? 0 }, headers: {}, delayMs };
}

function statusText(status: number): string {
  const texts: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
  return texts[status] ?? 'Error';
}
