#!/usr/bin/env node
// The `lumen` command. The sources are TypeScript run through tsx, so there is no build step
// between `npm install` and a working CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
