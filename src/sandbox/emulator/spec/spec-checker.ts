import { join } from 'node:path';
import type { RecordedRequest } from '../rest/request-log.js';
import { loadSpecDocument } from './spec-document.js';
import { SpecOperationIndex, type SpecOperation, type SpecParameter } from './spec-operations.js';
import { REQUEST_QUIRKS, RESPONSE_QUIRKS } from './spec-quirks.js';
import { pointerSegment, SpecValidators, type SchemaProblem } from './spec-validators.js';

/** How an exchange departs from the spec. */
export type SpecMismatchKind =
  /** The emulator answered 2xx on a (method, path) the spec does not have. */
  | 'no-operation'
  /** The status is not among the operation's responses. */
  | 'status-not-listed'
  /** The response body breaks the schema for its status. */
  | 'response-body'
  /** The emulator accepted (2xx) a body the spec refuses. */
  | 'accepted-invalid-body'
  /** The emulator accepted (2xx) a query parameter the spec refuses. */
  | 'accepted-invalid-query';

/** One departure from Discord's OpenAPI description. */
export interface SpecMismatch {
  kind: SpecMismatchKind;
  method: string;
  path: string;
  status: number;
  operationId: string | undefined;
  problems: SchemaProblem[];
}

const JSON_CONTENT = 'application/json';

/**
 * Checks recorded REST exchanges against Discord's OpenAPI description (vendor/discord-api-spec):
 * the operation must exist, the status must be one it lists, the response body must fit that status's
 * schema, and a request the spec refuses must not have been accepted. Known quirks of the spec
 * (spec-quirks.ts) are applied first.
 */
export class SpecChecker {
  readonly validators: SpecValidators;
  readonly operations: SpecOperationIndex;

  constructor(validators = new SpecValidators(loadSpecDocument(), defaultCacheDir())) {
    this.validators = validators;
    this.operations = new SpecOperationIndex(validators.document);
  }

  /** Mismatches of one recorded exchange; injected faults are the test's own words and are not checked. */
  check(record: Pick<RecordedRequest, 'method' | 'path' | 'status' | 'body' | 'responseBody' | 'answeredBy'>): SpecMismatch[] {
    if (record.answeredBy === 'fault' || record.status === 0) return [];
    const operation = this.operations.find(record.method, record.path);
    const ok = record.status >= 200 && record.status < 300;
    const base = { method: record.method, path: record.path, status: record.status, operationId: operation?.operationId };
    if (!operation) return ok ? [{ ...base, kind: 'no-operation', problems: [] }] : [];
    const mismatches: SpecMismatch[] = [];
    const add = (kind: SpecMismatchKind, problems: SchemaProblem[]): void => {
      if (problems.length > 0) mismatches.push({ ...base, kind, problems });
    };
    const response = this.responseSchema(operation, record.status);
    if (response === undefined) {
      mismatches.push({ ...base, kind: 'status-not-listed', problems: [{ at: '/', keyword: 'status', message: `status ${record.status} not in [${this.listedStatuses(operation).join(', ')}]` }] });
    } else if (response.pointer) {
      const body = record.status >= 400 ? RESPONSE_QUIRKS.reduce((b, q) => q.normalise(b), record.responseBody) : record.responseBody;
      add('response-body', this.validators.validate(response.pointer, body));
    }
    if (ok) {
      const request = this.requestSchema(operation);
      if (request && record.body !== undefined) add('accepted-invalid-body', this.validators.validate(request, normaliseRequest(operation, record.body)));
      add('accepted-invalid-query', this.#checkQuery(operation, record.path));
    }
    return mismatches;
  }

  /** The statuses an operation lists (`200`, `204`, `4XX`, `429`…). */
  listedStatuses(operation: SpecOperation): string[] {
    return Object.keys(operation.operation.responses ?? {});
  }

  /**
   * The response entry for a status (exact, then `4XX`-style, then `default`): undefined when the
   * status is not listed; `pointer` undefined when the status has no JSON body.
   */
  responseSchema(operation: SpecOperation, status: number): { pointer: string | undefined } | undefined {
    const responses = operation.operation.responses ?? {};
    const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) return undefined;
    const entry = responses[key] as { $ref?: string; content?: Record<string, unknown> };
    if (entry.$ref) {
      const resolved = this.validators.resolve<{ content?: Record<string, unknown> }>(entry.$ref);
      return { pointer: resolved?.content?.[JSON_CONTENT] ? `${entry.$ref.slice(1)}/content/${pointerSegment(JSON_CONTENT)}/schema` : undefined };
    }
    return { pointer: entry.content?.[JSON_CONTENT] ? `${operationPointer(operation)}/responses/${pointerSegment(key)}/content/${pointerSegment(JSON_CONTENT)}/schema` : undefined };
  }

  /** Pointer to the operation's JSON request-body schema, if it takes one. */
  requestSchema(operation: SpecOperation): string | undefined {
    return operation.operation.requestBody?.content?.[JSON_CONTENT] ? `${operationPointer(operation)}/requestBody/content/${pointerSegment(JSON_CONTENT)}/schema` : undefined;
  }

  #checkQuery(operation: SpecOperation, path: string): SchemaProblem[] {
    const query = new URLSearchParams(path.split('?')[1] ?? '');
    const problems: SchemaProblem[] = [];
    for (const raw of operation.parameters) {
      const parameter = raw.$ref ? this.validators.resolve<SpecParameter>(raw.$ref) : raw;
      if (!parameter || parameter.in !== 'query' || !query.has(parameter.name)) continue;
      const value = coerce(query.get(parameter.name) ?? '', parameter.schema);
      const index = operation.parameters.indexOf(raw);
      const pointer = raw.$ref ? `${raw.$ref.slice(1)}/schema` : parameterPointer(operation, index);
      for (const problem of this.validators.validate(pointer, value)) problems.push({ ...problem, at: `?${parameter.name}` });
    }
    return problems;
  }
}

/** Request quirks concern application commands only; other bodies are checked as sent. */
function normaliseRequest(operation: SpecOperation, body: unknown): unknown {
  return operation.path.includes('/commands') ? REQUEST_QUIRKS.reduce((b, q) => q.normalise(b), body) : body;
}

function operationPointer(operation: SpecOperation): string {
  return `/paths/${pointerSegment(operation.path)}/${operation.method.toLowerCase()}`;
}

/** Path-level parameters come first in `operation.parameters`; point at whichever list holds this one. */
function parameterPointer(operation: SpecOperation, index: number): string {
  const own = operation.operation.parameters ?? [];
  const shared = operation.parameters.length - own.length;
  return index < shared ? `/paths/${pointerSegment(operation.path)}/parameters/${index}/schema` : `${operationPointer(operation)}/parameters/${index - shared}/schema`;
}

/** Query strings are text; the spec types them, so read numbers and booleans as such. */
function coerce(value: string, schema: unknown): unknown {
  const types = typesOf(schema);
  if ((types.includes('integer') || types.includes('number')) && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function typesOf(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { type?: string | string[]; oneOf?: unknown[]; anyOf?: unknown[] };
  const own = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  return [...own, ...[...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap(typesOf)];
}

/** Compiled validators are cached under node_modules/.cache, like other tools' build caches. */
function defaultCacheDir(): string {
  return join(process.cwd(), 'node_modules', '.cache', 'lumen-spec-validators');
}

let shared: SpecChecker | undefined;

/** The process's one checker: validators are compiled once and reused by every emulator in the process. */
export function sharedSpecChecker(): SpecChecker {
  shared ??= new SpecChecker();
  return shared;
}
