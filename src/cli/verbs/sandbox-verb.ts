import { runRepl } from '../../sandbox/terminal/repl.js';
import { readScript, runScript } from '../../sandbox/terminal/run-script.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeText } from '../cli-io.js';
import { requireConfig } from '../open-archive.js';
import { startCliSandbox } from '../run-sandbox.js';
import type { Verb } from '../verb.js';

export const sandboxVerb: Verb = {
  name: 'sandbox',
  summary: 'Run the bot against a local emulated Discord, interactively or from a script',
  help: `Usage: lumen sandbox [--script FILE] [--json]

Starts the local Discord emulator (guild "Lumen Sandbox": channels general, briefings, analysts
and the forum "forum"; users admin, member and analyst), the real bot connected to it, and the
sample archive, in a fresh LUMEN_DATA_DIR/sandbox folder. Without --script you type as in a
channel; @help lists the sandbox directives.

Script lines, run in order:
  /brief japan-tariffs                           a slash command as typed in Discord: values fill the
  /ask question:will japan retaliate             options in order or by name; a string value runs
  /publish file:examples/new-briefing.md         to the next option; file: uploads a local file
  @as admin | @as member | @as analyst           who is typing
  @in <channel>                                  the current channel (a forum takes commands only in its posts)
  @click <label> | @select <value>               a button or menu on the bot's last message
  @import <path>                                 drop a briefing file into the inbox
  @advance <N>m|h|d                              simulated time passes
  @restart                                       restart the bot on the same data
  # ...                                          a comment

Options:
  --script FILE   run FILE and exit (exit 1 if a step failed, 2 if a line cannot be read)
  --json          JSON lines: the sandbox ids, then per line { step } and each REST request
                  the bot made: { method, path, body, status }`,
  options: { script: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, name: '' },
  async run({ values }, io) {
    const config = requireConfig(io);
    const scriptFile = values['script'] as string | undefined;
    const script = scriptFile === undefined ? undefined : await readScript(scriptFile).catch((error: Error) => ({ ok: false as const, errors: [`${scriptFile}: ${error.message}`] }));
    if (script && !script.ok) {
      for (const error of script.errors) writeText(io.stderr, `${error}\n`);
      return EXIT_USAGE;
    }
    // A script runs on simulated time alone, so its output does not depend on how fast it runs.
    const sandbox = await startCliSandbox(config, io, { realTimeSchedule: scriptFile === undefined });
    if (!sandbox) return EXIT_FAILURE;
    try {
      if (script) return (await runScript(sandbox, script.steps, io.stdout, values['json'] === true)) ? EXIT_OK : EXIT_FAILURE;
      await runRepl(sandbox, process.stdin, io.stdout);
      return EXIT_OK;
    } finally {
      await sandbox.stop();
    }
  },
};
