#!/usr/bin/env node
// The `lumen` command. The sources are TypeScript run through tsx, so there is no build step
// between `npm install` and a working CLI.
import { register } from 'tsx/esm/api';

register();
// `lumen list --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
