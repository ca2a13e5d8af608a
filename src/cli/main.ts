/**
 * The `lumen` command line: finds the verb, reads its options, runs it, and turns failures into
 * exit codes (0 ok, 1 failure, 2 usage) with one readable line instead of a stack trace.
 */
import { loadDotEnv } from '../config.js';
import { LumenError } from '../domain/errors.js';
import { EXIT_FAILURE, EXIT_USAGE, processIo, type CliIo } from './cli-io.js';
import { UsageError, readVerbArgs, type Verb } from './verb.js';
import { importVerb } from './verbs/import-verb.js';
import { listVerb } from './verbs/list-verb.js';
import { parseVerb } from './verbs/parse-verb.js';
import { positionVerb } from './verbs/position-verb.js';
import { showVerb } from './verbs/show-verb.js';
import { startVerb } from './verbs/start-verb.js';
import { sandboxVerb } from './verbs/sandbox-verb.js';
import { deployCommandsVerb } from './verbs/deploy-commands-verb.js';
import { searchVerb } from './verbs/search-verb.js';
import { askVerb } from './verbs/ask-verb.js';
import { deliveriesVerb } from './verbs/deliveries-verb.js';

const VERBS: Verb[] = [startVerb, sandboxVerb, parseVerb, importVerb, listVerb, showVerb, positionVerb, searchVerb, askVerb, deliveriesVerb, deployCommandsVerb];

function generalHelp(): string {
  const width = Math.max(...VERBS.map((v) => v.name.length));
  return `Usage: lumen <verb> [options]   (lumen <verb> --help for details)

Verbs:
${VERBS.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`).join('\n')}

Environment (or .env): LUMEN_DATA_DIR (default ./data) holds every file lumen writes.
`;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (io.env === process.env) loadDotEnv(io.cwd);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(generalHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const verb = VERBS.find((v) => v.name === name);
  if (!verb) {
    io.stderr.write(`lumen: unknown verb "${name}". Verbs: ${VERBS.map((v) => v.name).join(', ')}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${verb.summary}\n\n${verb.help}\n`);
    return 0;
  }
  try {
    return await verb.run(readVerbArgs(verb, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`lumen ${verb.name}: ${error.message}\nRun "lumen ${verb.name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    // A LumenError's message is already the one line the user needs (a bad variable, a corrupt file).
    io.stderr.write(error instanceof LumenError ? `${error.message}\n` : `lumen ${verb.name}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
