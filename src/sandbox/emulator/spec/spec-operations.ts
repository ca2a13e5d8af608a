import type { OpenApiDocument } from './spec-document.js';

/** One operation of the spec: a method on a path template. */
export interface SpecOperation {
  method: string;
  /** The spec's template, e.g. `/channels/{channel_id}/messages`. */
  path: string;
  operationId: string;
  /** The raw operation object (requestBody, responses, parameters). */
  operation: SpecOperationObject;
  /** Path-level parameters plus the operation's. */
  parameters: SpecParameter[];
}

/** The fields of an OpenAPI operation object the checker reads. */
export interface SpecOperationObject {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
  parameters?: SpecParameter[];
}

/** A query or path parameter. */
export interface SpecParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
  $ref?: string;
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  /** Literal segments count: `/applications/@me` beats `/applications/{application_id}`. */
  literals: number;
  methods: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Finds the spec operation for a concrete (method, path), as Discord's router would. */
export class SpecOperationIndex {
  readonly #paths: CompiledPath[];

  constructor(document: OpenApiDocument) {
    this.#paths = Object.entries(document.paths)
      .map(([template, methods]) => compile(template, methods))
      .sort((a, b) => b.literals - a.literals);
  }

  /** The operation serving `method path` (path without query), or undefined when the spec has none. */
  find(method: string, path: string): SpecOperation | undefined {
    const bare = path.split('?')[0] ?? path;
    const m = method.toLowerCase();
    for (const compiled of this.#paths) {
      if (!compiled.pattern.test(bare)) continue;
      const operation = compiled.methods[m] as SpecOperationObject | undefined;
      if (!operation) continue;
      const shared = (compiled.methods.parameters as SpecParameter[] | undefined) ?? [];
      return {
        method: m.toUpperCase(),
        path: compiled.template,
        operationId: operation.operationId ?? `${m} ${compiled.template}`,
        operation,
        parameters: [...shared, ...(operation.parameters ?? [])],
      };
    }
    return undefined;
  }

  /** Every (method, template) the spec describes. */
  all(): Array<{ method: string; path: string }> {
    return this.#paths.flatMap((p) => METHODS.filter((m) => p.methods[m]).map((m) => ({ method: m.toUpperCase(), path: p.template })));
  }
}

function compile(template: string, methods: Record<string, unknown>): CompiledPath {
  let literals = 0;
  const source = template
    .split('/')
    .map((segment) => {
      if (/^\{[^}]+\}$/.test(segment)) return '[^/]+';
      literals += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { template, pattern: new RegExp(`^${source}/?$`), literals, methods };
}
