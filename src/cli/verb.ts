/**
 * A CLI verb: its help text, its options (node's util.parseArgs), and what it does.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import type { CliIo } from './cli-io.js';

export interface VerbInput {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
}

export interface Verb {
  name: string;
  /** One line for `lumen --help`. */
  summary: string;
  /** The full `lumen <verb> --help` text after the summary: usage line and options. */
  help: string;
  options: ParseArgsOptionsConfig;
  positionals: { min: number; max: number; name: string };
  run(input: VerbInput, io: CliIo): Promise<number>;
}

/** Wrong use of the command line: exit code 2, with a hint to the verb's help. */
export class UsageError extends Error {
  /** True when the message already points to `lumen <verb> --help`, so no second hint line is needed. */
  readonly namesHelp: boolean;

  constructor(message: string, options: { namesHelp?: boolean } = {}) {
    super(message);
    this.namesHelp = options.namesHelp ?? false;
  }
}

export function readVerbArgs(verb: Verb, argv: string[]): VerbInput {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: verb.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(verb, error as NodeJS.ErrnoException);
  }
  const { positionals } = parsed;
  if (positionals.length < verb.positionals.min) throw new UsageError(`missing ${verb.positionals.name}`);
  if (positionals.length > verb.positionals.max) throw new UsageError(`unexpected argument "${positionals[verb.positionals.max]}"`);
  return { positionals, values: parsed.values as VerbInput['values'] };
}

/**
 * parseArgs's own wording for an unknown option is a paragraph about `--` that a user who made a
 * typo does not need: say which option is unknown and where the real ones are listed.
 */
function usageErrorOf(verb: Verb, error: NodeJS.ErrnoException): UsageError {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
  if (unknown !== undefined) return new UsageError(`unknown option ${unknown} (lumen ${verb.name} --help lists the options)`, { namesHelp: true });
  return new UsageError(error.message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
}

/** Reads a `--limit N` style option as a positive whole number. */
export function readPositiveInt(value: unknown, option: string, fallback: number, max = 1000): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${option} must be a whole number from 1 to ${max} (got "${String(value)}")`);
  return n;
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
