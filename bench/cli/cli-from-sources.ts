/**
 * `lumen` run from the TypeScript sources through tsx, as bin/lumen.js did before the compiled
 * CLI (and still does when dist/ is stale). `node --import tsx bench/cli/cli-from-sources.ts <argv>`;
 * the CLI benchmark times it beside the compiled CLI.
 */
import { runCli } from '../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
