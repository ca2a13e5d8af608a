/**
 * One line of a sandbox script (or of what a person types at the sandbox prompt), read into a step.
 *
 *   /brief japan-tariffs section:full               a slash command, as typed in Discord (command-line.ts)
 *   @as admin | @as member                          who is typing
 *   @in briefings                                   the current channel
 *   @click Trends | @select 2                       a button or select on the bot's last message
 *   @reply will japan retaliate?                    reply to the bot's last message (mention on)
 *   @import path/to/file.md                         drop a briefing into the inbox
 *   @advance 90m | 3h | 2d                          simulated time passes
 *   @restart                                        stop the bot and start it again
 *   # a comment
 */
import { bindOptions, selectSubcommand, tokenizeOptions, type CommandShape, type OptionToken } from './command-line.js';

export type Step =
  | { kind: 'command'; name: string; tokens: OptionToken[] }
  | { kind: 'as'; user: string }
  | { kind: 'in'; channel: string }
  | { kind: 'click'; label: string }
  | { kind: 'select'; value: string }
  | { kind: 'reply'; text: string }
  | { kind: 'import'; path: string }
  | { kind: 'advance'; ms: number; text: string }
  | { kind: 'restart' }
  | { kind: 'help' }
  | { kind: 'comment' };

export type StepResult = { ok: true; step: Step } | { ok: false; error: string };

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads one line. With `commands` (the bot's command definitions), a command line is also checked
 * against its command: an unknown command or option is an error here, before anything runs.
 */
export function readScriptLine(line: string, commands?: readonly CommandShape[]): StepResult {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return ok({ kind: 'comment' });
  if (text.startsWith('/')) return readCommand(text.slice(1), commands);
  if (!text.startsWith('@')) return fail('a line is a /command, an @directive (@as, @in, @click, @select, @reply, @import, @advance, @restart) or a # comment');

  const [directive = '', ...rest] = text.slice(1).split(/\s+/);
  const argument = rest.join(' ').trim();
  const need = (what: string): StepResult => fail(`@${directive} needs ${what}`);
  switch (directive.toLowerCase()) {
    case 'as':
      return argument ? ok({ kind: 'as', user: argument }) : need('a user: @as admin or @as member');
    case 'in':
      return argument ? ok({ kind: 'in', channel: argument.replace(/^#/, '') }) : need('a channel, e.g. @in briefings');
    case 'click':
      return argument ? ok({ kind: 'click', label: unquote(argument) }) : need('a button label, e.g. @click Trends');
    case 'select':
      return argument ? ok({ kind: 'select', value: unquote(argument) }) : need('an option value, e.g. @select 2');
    case 'reply':
      return argument ? ok({ kind: 'reply', text: argument }) : need('the text of the reply, e.g. @reply will japan retaliate?');
    case 'import':
      return argument ? ok({ kind: 'import', path: unquote(argument) }) : need('a file path');
    case 'advance': {
      const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(argument);
      if (!match) return need('a duration such as 30m, 3h or 2d');
      return ok({ kind: 'advance', ms: Math.round(Number(match[1]) * (UNITS[match[2] as string] ?? 0)), text: argument });
    }
    case 'restart':
      return ok({ kind: 'restart' });
    case 'help':
      return ok({ kind: 'help' });
    default:
      return fail(`unknown directive @${directive}; use @as, @in, @click, @select, @reply, @import, @advance, @restart or @help`);
  }
}

function readCommand(text: string, commands: readonly CommandShape[] | undefined): StepResult {
  const name = /^[\p{L}\p{N}_-]+/u.exec(text)?.[0]?.toLowerCase();
  if (!name) return fail('a command starts with its name, e.g. /brief japan-tariffs');
  const read = tokenizeOptions(text.slice(name.length));
  if (!read.ok) return fail(read.error);
  if (commands) {
    const command = commands.find((c) => c.name === name);
    if (!command) return fail(`there is no /${name}: the commands are ${commands.map((c) => `/${c.name}`).join(', ')}`);
    const chosen = selectSubcommand(command, read.tokens);
    if (!chosen.ok) return fail(chosen.error);
    const bound = bindOptions(chosen.shape, chosen.tokens);
    if (!bound.ok) return fail(bound.error);
  }
  return ok({ kind: 'command', name, tokens: read.tokens });
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

const ok = (step: Step): StepResult => ({ ok: true, step });
const fail = (error: string): StepResult => ({ ok: false, error });
