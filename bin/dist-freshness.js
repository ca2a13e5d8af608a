// Whether dist/ (what `npm run build` compiles) still matches the sources. bin/lumen.js runs the
// compiled JavaScript only when it does: a source edited since the last build must never be
// answered by stale code, so then the sources themselves run, through tsx.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders compiled into dist/ (tsconfig.build.json's `include`). */
export const SOURCE_DIRS = ['src', 'commands'];
/** Written by bin/build-dist.js after a successful build: `{ "startedAt": <ms>, "buildId": <uuid> }`. */
export const STAMP_FILE = join('dist', 'build-stamp.json');

/**
 * True when `root`'s dist/ was built after every file under the source folders last changed.
 * The build's start time is what counts, so a file saved while tsc was running makes it stale.
 * @param {string} root the package folder
 * @returns {boolean}
 */
export function isDistFresh(root) {
  let startedAt;
  try {
    startedAt = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8')).startedAt;
  } catch {
    return false;
  }
  if (typeof startedAt !== 'number') return false;
  for (const dir of SOURCE_DIRS) {
    if (changedSince(join(root, dir), startedAt)) return false;
  }
  return true;
}

/** Whether the folder, or anything in it, was modified after `time` (deleting a file changes its folder). */
function changedSince(dir, time) {
  let entries;
  try {
    if (statSync(dir).mtimeMs > time) return true;
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (changedSince(path, time)) return true;
    } else if (statSync(path).mtimeMs > time) return true;
  }
  return false;
}
