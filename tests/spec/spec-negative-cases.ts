/**
 * Negative cases generated from Discord's OpenAPI description: for each limit of a request schema the bot
 * uses (maxLength, minLength, maxItems, enum, required, format, minimum/maximum), one body just past it.
 * Each is expected to be refused with 400/50035 and an `errors` entry at the field's path.
 */
import type { OpenApiDocument } from '../../src/sandbox/emulator/spec/spec-document.js';

/** One generated invalid body. */
export interface NegativeCase {
  /** e.g. `MessageCreateRequest embeds.0.title maxLength 256`. */
  name: string;
  body: unknown;
  /** Path of the field whose limit is broken, as in Discord's `errors` object. */
  path: Array<string | number>;
}

type Schema = Record<string, unknown>;
/** Objects to place on the way to a field (a component of the right type), outermost first. */
type Scaffold = Array<[Array<string | number>, unknown]>;
type Emit = (path: Array<string | number>, label: string, value: unknown, kind: 'set' | 'delete', scaffold: Scaffold) => void;

const MAX_DEPTH = 4;

/** Generates cases for a component schema, starting from `base` (a valid body the case is added to). */
export function negativeCases(document: OpenApiDocument, schemaName: string, base: Record<string, unknown>, options: { skip?: RegExp } = {}): NegativeCase[] {
  const gen = new Generator(document);
  const root = document.components.schemas[schemaName] as Schema;
  const cases: NegativeCase[] = [];
  gen.walk(root, [], [], 0, (path, label, value, kind, scaffold) => {
    const name = `${schemaName} ${path.join('.') || '(root)'} ${label}`;
    if (options.skip?.test(name)) return;
    let body: unknown = base;
    for (const [at, sample] of scaffold) body = setAt(body, at, sample, 'set');
    cases.push({ name, body: setAt(body, path, value, kind), path });
  });
  return cases;
}

class Generator {
  readonly #doc: OpenApiDocument;

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
  }

  resolve(schema: Schema): Schema {
    let current = schema;
    for (let i = 0; i < 10 && typeof current.$ref === 'string'; i += 1) {
      current = this.#doc.components.schemas[current.$ref.replace('#/components/schemas/', '')] as Schema;
    }
    return current;
  }

  /** The non-null branches of a schema (type arrays and oneOf with a null branch are nullable wrappers). */
  branches(schema: Schema): Schema[] {
    const s = this.resolve(schema);
    const union = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (union && !union.every((b) => 'const' in b)) return union.map((b) => this.resolve(b)).filter((b) => b.type !== 'null');
    return [s];
  }

  /** Calls `emit` for each limit under `schema`, at `path`. */
  walk(schema: Schema, path: Array<string | number>, scaffold: Scaffold, depth: number, emit: Emit): void {
    if (depth > MAX_DEPTH) return;
    const branches = this.branches(schema);
    // A union of object kinds (components): one walk per kind, each under a base of that kind.
    if (branches.length > 1) {
      for (const branch of branches) {
        const kind = discriminant(branch);
        if (kind === undefined) continue;
        this.walk(branch, path, [...scaffold, [path, this.sample(branch, 0)]], depth + 1, (p, label, value, k, sc) => emit(p, `[type ${kind}] ${label}`, value, k, sc));
      }
      return;
    }
    const s = branches[0] as Schema;
    this.#limits(s, path, (p, label, value, kind) => emit(p, label, value, kind, scaffold));
    if (isType(s, 'object') && s.properties) {
      const properties = s.properties as Record<string, Schema>;
      for (const name of (s.required as string[] | undefined) ?? []) {
        if (path.length > 0) emit([...path, name], 'required', undefined, 'delete', [...scaffold, [path, this.sample(s, 0)]]);
      }
      for (const [name, child] of Object.entries(properties)) this.walk(child, [...path, name], scaffold, depth + 1, emit);
    }
    if (isType(s, 'array') && s.items) {
      const item = s.items as Schema;
      const itemBranches = this.branches(item);
      if (itemBranches.length === 1) this.walk(item, [...path, 0], [...scaffold, [[...path, 0], this.sample(item, 0)]], depth + 1, emit);
      else {
        for (const branch of itemBranches) {
          const kind = discriminant(branch);
          if (kind === undefined) continue;
          const at = [...path, 0];
          this.walk(branch, at, [...scaffold, [at, this.sample(branch, 0)]], depth + 1, (p, label, value, k, sc) => emit(p, `[type ${kind}] ${label}`, value, k, sc));
        }
      }
    }
  }

  #limits(s: Schema, path: Array<string | number>, emit: (path: Array<string | number>, label: string, value: unknown, kind: 'set') => void): void {
    if (path.length === 0) return;
    if (isType(s, 'string')) {
      if (typeof s.maxLength === 'number') emit(path, `maxLength ${s.maxLength}`, 'a'.repeat(s.maxLength + 1), 'set');
      if (typeof s.minLength === 'number' && s.minLength > 0) emit(path, `minLength ${s.minLength}`, 'a'.repeat(s.minLength - 1), 'set');
      if (s.format === 'uri') emit(path, 'format uri', 'not a url', 'set');
      if (s.format === 'date-time') emit(path, 'format date-time', 'yesterday at noon', 'set');
    }
    if (isType(s, 'array') && typeof s.maxItems === 'number' && s.maxItems <= 200) {
      emit(path, `maxItems ${s.maxItems}`, Array.from({ length: s.maxItems + 1 }, (_, i) => this.sample(s.items as Schema, i)), 'set');
    }
    if (isType(s, 'integer') || isType(s, 'number')) {
      const allowed = constValues(this.resolve(s)) ?? (Array.isArray(s.enum) ? (s.enum as unknown[]) : undefined);
      if (allowed) emit(path, `enum ${JSON.stringify(allowed)}`, 987_654, 'set');
      else {
        if (typeof s.maximum === 'number' && s.maximum < 1e15) emit(path, `maximum ${s.maximum}`, s.maximum + 1, 'set');
        if (typeof s.minimum === 'number' && s.minimum > -1e15) emit(path, `minimum ${s.minimum}`, s.minimum - 1, 'set');
      }
    }
    if (isType(s, 'string') && Array.isArray(s.enum)) emit(path, `enum ${JSON.stringify(s.enum)}`, 'not-a-choice', 'set');
  }

  /** A small valid value for a schema (for filling arrays past maxItems). */
  sample(schema: Schema, index: number): unknown {
    const s = this.branches(schema)[0] as Schema;
    if (isType(s, 'string')) {
      if (s.format === 'uri') return `https://example.com/${index}`;
      if (s.format === 'snowflake' || s.pattern) return String(1000 + index);
      return `v${index}`;
    }
    if (isType(s, 'integer') || isType(s, 'number')) return constValues(s)?.[0] ?? (Array.isArray(s.enum) ? s.enum[0] : 1);
    if (isType(s, 'boolean')) return false;
    if (isType(s, 'object')) {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(((s.required as string[] | undefined) ?? []).map((name) => [name, this.sample(props[name] ?? {}, index)]));
    }
    return null;
  }
}

function isType(s: Schema, type: string): boolean {
  return s.type === type || (Array.isArray(s.type) && s.type.includes(type));
}

function constValues(s: Schema): unknown[] | undefined {
  const union = s.oneOf as Schema[] | undefined;
  return union && union.length > 0 && union.every((b) => 'const' in b) ? union.map((b) => b.const) : undefined;
}

function discriminant(s: Schema): number | undefined {
  const type = (s.properties as Record<string, Schema> | undefined)?.type;
  const values = type && Array.isArray(type.enum) ? (type.enum as unknown[]) : undefined;
  return typeof values?.[0] === 'number' ? values[0] : undefined;
}

/** `base` with the value at `path` set (or deleted), creating containers along the way. */
export function setAt(base: unknown, path: Array<string | number>, value: unknown, kind: 'set' | 'delete'): unknown {
  const root = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    if (last) {
      if (kind === 'delete') delete node[segment];
      else node[segment] = value;
      return;
    }
    const nextIsIndex = typeof path[i + 1] === 'number';
    if (node[segment] === undefined || node[segment] === null) node[segment] = nextIsIndex ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  return root;
}
