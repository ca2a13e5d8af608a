#!/usr/bin/env node
// The `lumen` command. It runs the JavaScript that `npm run build` compiled into dist/ (built by
// `npm install` through the `prepare` script), which starts in a fraction of the time tsx takes
// to compile TypeScript at every start. When dist/ is missing or older than any source, it runs
// the sources through tsx instead: slower, never stale.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDistFresh } from './dist-freshness.js';

// `lumen list --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const root = dirname(dirname(fileURLToPath(import.meta.url)));
let main;
if (isDistFresh(root)) {
  main = '../dist/src/cli/main.js';
} else {
  if (process.stderr.isTTY) process.stderr.write('lumen: dist/ is missing or older than the sources (npm run build); running the sources through tsx.\n');
  const { register } = await import('tsx/esm/api');
  register();
  main = '../src/cli/main.ts';
}
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
