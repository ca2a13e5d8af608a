// How the scripts that tests run as child processes (bots killed with SIGKILL, lock holders) load
// the project: from dist/ when `npm run build` left it fresh (npm install and npm ci build it, so CI
// always has it), else from the sources through tsx, so a child never runs stale code: the choice
// bin/lumen.js makes, on the same check. Plain node loads the compiled app in about half the CPU tsx
// takes (src/app/lumen-app: 0.8 s against 1.6 s), which counts when a test starts four bots at once
// on two cores. These scripts are JavaScript for that reason: plain node cannot run TypeScript.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDistFresh } from '../../bin/dist-freshness.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** Whether the children run dist/ (true) or the sources through tsx (false). */
export const RUNS_COMPILED = isDistFresh(root);

if (!RUNS_COMPILED) {
  const { register } = await import('tsx/esm/api');
  register();
}

/**
 * Imports a module of the project by its path from the package folder, written as the TypeScript
 * imports write it (`src/app/lumen-app.js`): dist/'s compiled file, or the source itself.
 * @param {string} path e.g. `src/app/lumen-app.js`
 * @returns {Promise<any>} the module's exports
 */
export function importProject(path) {
  const file = RUNS_COMPILED ? join(root, 'dist', path) : join(root, path.replace(/\.js$/, '.ts'));
  return import(pathToFileURL(file).href);
}
