import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './spec-document.js';

const SPEC_ID = 'discord-openapi';

// ajv-formats is CommonJS: under Node's ESM loader its function arrives as the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv2020, validate: ValidateFunction) => string;
const require = createRequire(import.meta.url);

/** Bump when the ajv options below change, so cached validators are rebuilt. */
const OPTIONS_VERSION = 1;

/** One schema failure, flattened for a report. */
export interface SchemaProblem {
  /** JSON pointer into the checked value, e.g. `/embeds/0/url`. */
  at: string;
  keyword: string;
  message: string;
}

/**
 * JSON Schema validators for the spec's schemas, compiled on first use and kept for the process:
 * the document is large, so only the schemas a test actually touches are ever compiled.
 */
export class SpecValidators {
  #ajvInstance: Ajv2020 | undefined;
  readonly #document: OpenApiDocument;
  readonly #cache = new Map<string, ValidateFunction>();

  readonly #cacheDir: string | undefined;

  /**
   * @param cacheDir where compiled validators are kept as JavaScript between processes (each test file
   * runs in its own process, and compiling the message schemas takes seconds); undefined keeps them in memory only.
   */
  constructor(document: OpenApiDocument, cacheDir?: string) {
    this.#document = document;
    const fingerprint = createHash('sha256').update(JSON.stringify(document)).update(`ajv-${OPTIONS_VERSION}`).digest('hex').slice(0, 16);
    this.#cacheDir = cacheDir === undefined ? undefined : join(cacheDir, fingerprint);
  }

  /** Built on first compile only: a process whose validators are all cached never needs it. */
  get #ajv(): Ajv2020 {
    if (this.#ajvInstance) return this.#ajvInstance;
    // strict: false because OpenAPI adds keywords JSON Schema does not know (discriminator, example).
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, allowUnionTypes: true, code: { source: true } });
    addFormats(ajv);
    // Discord's own formats: a snowflake and a nonce are already constrained by pattern/maxLength beside them.
    ajv.addFormat('snowflake', true);
    ajv.addFormat('nonce', true);
    ajv.addSchema(this.#document as unknown as object, SPEC_ID);
    this.#ajvInstance = ajv;
    return ajv;
  }

  get document(): OpenApiDocument {
    return this.#document;
  }

  /** Validates `value` against the schema at a JSON pointer into the document (`/components/schemas/X`). */
  validate(pointer: string, value: unknown): SchemaProblem[] {
    const validator = this.#compiled(pointer);
    if (validator(value)) return [];
    return (validator.errors ?? []).map(toProblem);
  }

  /** Resolves a local `$ref` (`#/components/...`) to the object it points at. */
  resolve<T>(ref: string): T | undefined {
    let node: unknown = this.#document;
    for (const raw of ref.replace(/^#\//, '').split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node as T | undefined;
  }

  #compiled(pointer: string): ValidateFunction {
    let validator = this.#cache.get(pointer);
    if (!validator) {
      validator = this.#fromDisk(pointer) ?? this.#compileAndStore(pointer);
      this.#cache.set(pointer, validator);
    }
    return validator;
  }

  #file(pointer: string): string | undefined {
    return this.#cacheDir && join(this.#cacheDir, `${createHash('sha256').update(pointer).digest('hex').slice(0, 24)}.cjs`);
  }

  #fromDisk(pointer: string): ValidateFunction | undefined {
    const file = this.#file(pointer);
    if (!file || !existsSync(file)) return undefined;
    try {
      return require(file) as ValidateFunction;
    } catch {
      return undefined;
    }
  }

  #compileAndStore(pointer: string): ValidateFunction {
    const validator = this.#ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    const file = this.#file(pointer);
    if (file && this.#cacheDir) {
      try {
        mkdirSync(this.#cacheDir, { recursive: true });
        // Written aside then renamed, so a parallel test process never reads half a file.
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, standaloneCode(this.#ajv, validator));
        renameSync(partial, file);
      } catch {
        // A read-only checkout only loses the cache, not the check.
      }
    }
    return validator;
  }
}

/** A JSON pointer segment, escaped. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function toProblem(error: ErrorObject): SchemaProblem {
  return { at: error.instancePath || '/', keyword: error.keyword, message: `${error.message ?? error.keyword}${paramsText(error)}` };
}

function paramsText(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if ('allowedValues' in params) return ` (${JSON.stringify(params.allowedValues)})`;
  if ('missingProperty' in params) return '';
  if ('additionalProperty' in params) return ` (${String(params.additionalProperty)})`;
  return '';
}
