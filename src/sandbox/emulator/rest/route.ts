import type { IncomingHttpHeaders } from 'node:http';

/** A file part of a multipart request (`files[n]`). */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** A REST request after parsing, as route handlers see it. */
export interface RestRequest {
  method: string;
  /** Decoded path below `/api/v10`, without the query (`/webhooks/1/tok/messages/@original`). */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** JSON body, or multipart `payload_json` merged with other text fields. */
  body: unknown;
  files: UploadedFile[];
  headers: IncomingHttpHeaders;
}

/** What a handler answers; the router adds Content-Type and rate-limit headers. */
export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** HTTP methods Discord's API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One REST route. */
export interface RouteDefinition {
  method: HttpMethod;
  /** Path template with `:params`, e.g. `/channels/:channel_id/messages`. */
  template: string;
  /** `bot` needs `Authorization: Bot <token>`; interaction callbacks and webhook-token routes take none. */
  auth: 'bot' | 'none';
  /** Whether the request counts toward the 50/s global limit (interaction endpoints do not, DOCS RL). */
  global: boolean;
  handler: (request: RestRequest) => RestResponse | Promise<RestResponse>;
}

/** Shorthand for a bot-authenticated, globally limited route. */
export function botRoute(method: HttpMethod, template: string, handler: RouteDefinition['handler']): RouteDefinition {
  return { method, template, auth: 'bot', global: true, handler };
}

/** Shorthand for an interaction endpoint: no auth, exempt from the global limit. */
export function interactionRoute(method: HttpMethod, template: string, handler: RouteDefinition['handler']): RouteDefinition {
  return { method, template, auth: 'none', global: false, handler };
}

/** 200 with a JSON body. */
export function ok(body: unknown): RestResponse {
  return { status: 200, body };
}

/** 204 No Content. */
export function noContent(): RestResponse {
  return { status: 204 };
}
