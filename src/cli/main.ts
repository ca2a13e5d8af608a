/**
 * The `lumen` command line: finds the verb, reads its options, runs it, and turns failures into
 * exit codes (0 ok, 1 failure, 2 usage) with one readable line instead of a stack trace.
 */
import { loadDotEnv } from '../config.js';
import { LumenError } from '../domain/errors.js';
import { EXIT_FAILURE, EXIT_USAGE, processIo, type CliIo } from './cli-io.js';
import { UsageError, readVerbArgs, type Verb } from './verb.js';

/**
 * Each verb is loaded only when used: `lumen list` should not pay for loading discord.js and the
 * emulator (a third of a second) before it reads a single file.
 */
const VERBS: Record<string, () => Promise<Verb>> = {
  start: async () => (await import('./verbs/start-verb.js')).startVerb,
  sandbox: async () => (await import('./verbs/sandbox-verb.js')).sandboxVerb,
  parse: async () => (await import('./verbs/parse-verb.js')).parseVerb,
  import: async () => (await import('./verbs/import-verb.js')).importVerb,
  list: async () => (await import('./verbs/list-verb.js')).listVerb,
  show: async () => (await import('./verbs/show-verb.js')).showVerb,
  position: async () => (await import('./verbs/position-verb.js')).positionVerb,
  search: async () => (await import('./verbs/search-verb.js')).searchVerb,
  ask: async () => (await import('./verbs/ask-verb.js')).askVerb,
  deliveries: async () => (await import('./verbs/deliveries-verb.js')).deliveriesVerb,
  'deploy-commands': async () => (await import('./verbs/deploy-commands-verb.js')).deployCommandsVerb,
};

async function generalHelp(): Promise<string> {
  const verbs = await Promise.all(Object.values(VERBS).map((load) => load()));
  const width = Math.max(...verbs.map((v) => v.name.length));
  return `Usage: lumen <verb> [options]   (lumen <verb> --help for details)

Verbs:
${verbs.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`).join('\n')}

Environment (or .env): LUMEN_DATA_DIR (default ./data) holds every file lumen writes.
`;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (io.env === process.env) loadDotEnv(io.cwd);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await generalHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = Object.hasOwn(VERBS, name) ? VERBS[name] : undefined;
  if (!load) {
    io.stderr.write(`lumen: unknown verb "${name}". Verbs: ${Object.keys(VERBS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const verb = await load();
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
