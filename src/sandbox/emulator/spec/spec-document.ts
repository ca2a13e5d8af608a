import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of an OpenAPI 3.1 document the checker reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, unknown>; parameters?: Record<string, unknown> };
}

/** Where the vendored spec sits, relative to the repository root. */
export const SPEC_RELATIVE_PATH = join('vendor', 'discord-api-spec', 'openapi.json');

let cached: OpenApiDocument | undefined;

/**
 * Discord's OpenAPI description (vendor/discord-api-spec), read once per process. Found by walking up
 * from this file, so it works from `src/` under tsx and from a compiled copy alike.
 */
export function loadSpecDocument(): OpenApiDocument {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, SPEC_RELATIVE_PATH);
    if (existsSync(candidate)) {
      cached = JSON.parse(readFileSync(candidate, 'utf8')) as OpenApiDocument;
      return cached;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Discord's OpenAPI description not found: expected ${SPEC_RELATIVE_PATH} in the repository`);
    dir = parent;
  }
}
