/**
 * The `lumen` command line: finds the verb, reads its options, runs it, and turns failures into
 * exit codes (0 ok, 1 failure, 2 usage) with one readable line instead of a stack trace.
 */
import { LumenError } from '../domain/errors.js';
import { EXIT_FAILURE, EXIT_USAGE, processIo, type CliIo } from './cli-io.js';
import { UsageError, readVerbArgs, type Verb } from './verb.js';

/** A verb as the general help sees it: its one-line summary, and how to load the rest. */
export interface VerbEntry {
  summary: string;
  load: () => Promise<Verb>;
}

/**
 * Every verb, loaded only when used: `lumen list` should not pay for loading discord.js and the
 * emulator (a third of a second) before it reads a single file. The summaries are copies of each
 * verb's own `summary`, so that `lumen --help` loads no verb at all; tests/cli/verb-table.test.ts
 * checks that they match.
 */
export const VERBS: Record<string, VerbEntry> = {
  start: { summary: 'Run the bot (the local sandbox when no DISCORD_TOKEN is set)', load: async () => (await import('./verbs/start-verb.js')).startVerb },
  sandbox: { summary: 'Run the bot against a local emulated Discord, interactively or from a script', load: async () => (await import('./verbs/sandbox-verb.js')).sandboxVerb },
  parse: { summary: 'Parse a briefing file and print it, without storing it', load: async () => (await import('./verbs/parse-verb.js')).parseVerb },
  import: { summary: 'Parse briefing files or folders and store them in the archive', load: async () => (await import('./verbs/import-verb.js')).importVerb },
  list: { summary: 'List the archive, newest first', load: async () => (await import('./verbs/list-verb.js')).listVerb },
  show: { summary: 'Show a stored briefing, or one section of it', load: async () => (await import('./verbs/show-verb.js')).showVerb },
  position: { summary: "Show an actor's position on each dimension of a briefing", load: async () => (await import('./verbs/position-verb.js')).positionVerb },
  search: { summary: 'Search the archive: fuzzy, accent-insensitive, best first', load: async () => (await import('./verbs/search-verb.js')).searchVerb },
  ask: { summary: 'Find the key variables a question is about, with related trends and positions', load: async () => (await import('./verbs/ask-verb.js')).askVerb },
  deliveries: { summary: 'The delivery log: every post attempt with its outcome and reason', load: async () => (await import('./verbs/deliveries-verb.js')).deliveriesVerb },
  'migrate-store': { summary: 'Copy the archive and state between the data directory and PostgreSQL', load: async () => (await import('./verbs/migrate-store-verb.js')).migrateStoreVerb },
  'deploy-commands': { summary: "Register the bot's slash commands with Discord (bulk overwrite)", load: async () => (await import('./verbs/deploy-commands-verb.js')).deployCommandsVerb },
};

function generalHelp(): string {
  const names = Object.keys(VERBS);
  const width = Math.max(...names.map((name) => name.length));
  return `Usage: lumen <verb> [options]   (lumen <verb> --help for details)

Verbs:
${Object.entries(VERBS)
  .map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`)
  .join('\n')}

Environment (or .env): LUMEN_DATA_DIR (default ./data) holds every file lumen writes.
`;
}

/** Runs `lumen <argv>` and returns its exit code; `io` is the outside world (tests pass their own). */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(generalHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const entry = Object.hasOwn(VERBS, name) ? VERBS[name] : undefined;
  if (!entry) {
    io.stderr.write(`lumen: unknown verb "${name}". Verbs: ${Object.keys(VERBS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  // config.ts brings zod; the help above and a verb's own --help need neither it nor .env.
  if (io.env === process.env) (await import('../config.js')).loadDotEnv(io.cwd);
  const verb = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${verb.summary}\n\n${verb.help}\n`);
    return 0;
  }
  try {
    return await verb.run(readVerbArgs(verb, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`lumen ${verb.name}: ${error.message}\n${error.namesHelp ? '' : `Run "lumen ${verb.name} --help" for usage.\n`}`);
      return EXIT_USAGE;
    }
    // A LumenError's message is already the one line the user needs (a bad variable, a corrupt file).
    io.stderr.write(error instanceof LumenError ? `${error.message}\n` : `lumen ${verb.name}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
