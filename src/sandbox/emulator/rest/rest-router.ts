import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from '../api-error.js';
import type { FaultInjector } from './fault-injector.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RecordedRequest } from './request-log.js';
import type { RestRequest, RouteDefinition } from './route.js';

/** What the HTTP layer should do with a request. */
export type RouterResult =
  | { kind: 'respond'; status: number; body: unknown; headers: Record<string, string>; route: string | undefined; answeredBy: RecordedRequest['answeredBy'] }
  | { kind: 'drop'; mode: 'reset' | 'close'; route: string | undefined };

interface CompiledRoute {
  definition: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/**
 * The REST pipeline, in Discord's order as a client observes it: injected faults, route lookup
 * (404/405), the bot token (401), the global then per-route rate limits (429), then the handler,
 * whose ApiErrors become Discord-shaped JSON. Rate-limit headers ride on every routed answer.
 */
export class RestRouter {
  readonly #routes: CompiledRoute[];
  readonly #limiter: RateLimiter;
  readonly #faults: FaultInjector;
  readonly #checkToken: (authorization: string | undefined) => boolean;

  constructor(deps: { routes: RouteDefinition[]; limiter: RateLimiter; faults: FaultInjector; checkToken: (authorization: string | undefined) => boolean }) {
    this.#routes = deps.routes.map(compile);
    this.#limiter = deps.limiter;
    this.#faults = deps.faults;
    this.#checkToken = deps.checkToken;
  }

  /** Every route served, as (method, template). */
  routes(): Array<{ method: string; template: string }> {
    return this.#routes.map((r) => ({ method: r.definition.method, template: r.definition.template }));
  }

  async handle(request: Omit<RestRequest, 'params'>): Promise<RouterResult> {
    const matched = this.#match(request.method, request.path);
    const route = matched && matched !== 'method-not-allowed' ? matched.definition.template : undefined;
    const fault = this.#faults.take(request.method, request.path);
    if (fault) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (fault.holdUntil) await fault.holdUntil.catch(() => undefined);
      if (fault.kind === 'drop') return { kind: 'drop', mode: fault.mode, route };
      if (fault.kind === 'respond') return { kind: 'respond', status: fault.status, body: fault.body, headers: fault.headers, route, answeredBy: 'fault' };
    }
    if (matched === undefined) return error(ApiError.notFound(), undefined, 'not-found');
    if (matched === 'method-not-allowed') return error(ApiError.methodNotAllowed(), undefined, 'not-found');
    const { definition, params } = matched;
    if (definition.auth === 'bot' && !this.#checkToken(firstHeader(request.headers.authorization))) {
      return error(ApiError.unauthorized(), route, 'auth');
    }
    const decision = this.#limiter.check(request.method, definition.template, majorParameter(params), definition.global);
    if (!decision.allowed) {
      // `code: 0` as Discord sends it on 429s (the spec's RatelimitedResponse requires it).
      const body = { message: 'You are being rate limited.', retry_after: decision.retryAfter, global: decision.global, code: 0 };
      return { kind: 'respond', status: 429, body, headers: decision.headers, route, answeredBy: 'rate-limit' };
    }
    try {
      const response = await definition.handler({ ...request, params });
      return { kind: 'respond', status: response.status, body: response.body, headers: { ...decision.headers, ...response.headers }, route, answeredBy: 'route' };
    } catch (caught) {
      if (caught instanceof ApiError) return { kind: 'respond', status: caught.status, body: caught.toBody(), headers: decision.headers, route, answeredBy: 'route' };
      console.error('[LocalDiscord] route handler failed', request.method, request.path, caught);
      return { kind: 'respond', status: 500, body: { message: '500: Internal Server Error', code: 0 }, headers: decision.headers, route, answeredBy: 'route' };
    }
  }

  #match(method: string, path: string): { definition: RouteDefinition; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const compiled of this.#routes) {
      const match = compiled.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (compiled.definition.method !== method) continue;
      const params = Object.fromEntries(compiled.names.map((name, i) => [name, match[i + 1] ?? '']));
      return { definition: compiled.definition, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function compile(definition: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = definition.template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { definition, pattern: new RegExp(`^${source}/?$`), names };
}

/** The top-level resource a bucket is kept per (DOCS RL): channel, guild, webhook+token, or interaction. */
function majorParameter(params: Record<string, string>): string {
  if (params.channel_id) return params.channel_id;
  if (params.guild_id) return params.guild_id;
  if (params.token) return `${params.application_id ?? params.interaction_id ?? ''}:${params.token}`;
  return '';
}

function error(apiError: ApiError, route: string | undefined, answeredBy: RecordedRequest['answeredBy']): Extract<RouterResult, { kind: 'respond' }> {
  return { kind: 'respond', status: apiError.status, body: apiError.toBody(), headers: {}, route, answeredBy };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
