/**
 * Which build of lumen is running: the id `npm run build` writes into dist/build-stamp.json,
 * read from beside the compiled code (bin/lumen.js runs dist/ only while it matches the
 * sources). The index snapshot is stamped with it: one written by this very build needs no spot
 * check of its encoding. Undefined when the sources run (tsx, tests): nothing is vouched for then.
 */
import { readFileSync } from 'node:fs';

let identity: { id: string | undefined } | undefined;

/** This build's id, or undefined when not running from a build. */
export function buildIdentity(): string | undefined {
  identity ??= { id: readBuildId(new URL('../../build-stamp.json', import.meta.url)) };
  return identity.id;
}

/** The `buildId` of a build stamp, or undefined if there is none or it has none. */
export function readBuildId(stamp: URL | string): string | undefined {
  try {
    const { buildId } = JSON.parse(readFileSync(stamp, 'utf8')) as { buildId?: unknown };
    return typeof buildId === 'string' && buildId.length > 0 ? buildId : undefined;
  } catch {
    return undefined; // no build stamp here: the sources are running
  }
}
