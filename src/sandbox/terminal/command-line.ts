/**
 * A slash command's options as typed in Discord's message box, bound to the command's declared
 * options the way Discord's client fills them:
 *
 *   /brief japan-tariffs                        a value right after the name fills the first option
 *   /brief japan-tariffs full                   positional values fill the options in declared order
 *   /ask question:will japan retaliate          a named string value runs on to the next option (or
 *                                               the end of the line), as it does in Discord's box
 *   /ask will japan retaliate                   so does a positional free-text value (no choices, no
 *                                               autocomplete); other positional values and fixed
 *                                               choices are one word each
 *   /search query:"chip export controls"        quotes keep a value together anywhere
 *   /brief briefing:x colour:blue               refused: /brief has no option colour
 *
 * Reading the words (`tokenizeOptions`) needs no command; binding them (`bindOptions`) needs the
 * command's definition, so the sandbox refuses a wrong option before anything is sent.
 */

/** One typed piece: `name:value`, a quoted string, or a bare word. */
export interface OptionToken {
  name?: string;
  value: string;
  quoted: boolean;
}

/** What binding needs of a command option (Discord's application command option object). */
export interface OptionShape {
  name: string;
  type: number;
  required?: boolean | null;
  autocomplete?: boolean | null;
  choices?: readonly { name: string; value: string | number }[] | null;
  /** A subcommand's own options. */
  options?: readonly OptionShape[] | null;
}

export interface CommandShape {
  name: string;
  options?: readonly OptionShape[] | null;
}

export type Tokenized = { ok: true; tokens: OptionToken[] } | { ok: false; error: string };
export type Bound = { ok: true; options: Record<string, string> } | { ok: false; error: string };

const STRING = 3;
// `name:` then a value; `https://…` is a value, not an option called https.
const NAMED = /^([\p{L}\p{N}_-]+):(?!\/\/)(?=\S)/u;
const QUOTED = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')(?=\s|$)/;
const BARE = /^\S+/;

/** Splits what follows the command name into tokens; an unclosed quote is an error. */
export function tokenizeOptions(text: string): Tokenized {
  const tokens: OptionToken[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const named = NAMED.exec(rest);
    const name = named?.[1];
    if (named) rest = rest.slice(named[0].length);
    const quoted = QUOTED.exec(rest);
    if (quoted) {
      tokens.push({ ...(name ? { name } : {}), value: (quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1'), quoted: true });
      rest = rest.slice(quoted[0].length).trimStart();
      continue;
    }
    if (/^["']/.test(rest)) return { ok: false, error: `cannot read ${rest.split(/\s+/)[0]}: a quote is not closed (name:"value with spaces")` };
    const bare = BARE.exec(rest)?.[0] ?? '';
    tokens.push({ ...(name ? { name } : {}), value: bare, quoted: false });
    rest = rest.slice(bare.length).trimStart();
  }
  return { ok: true, tokens };
}

/** Discord's SUB_COMMAND option type. */
const SUBCOMMAND = 1;

export type SubcommandChoice = { ok: true; name: string; shape: CommandShape; tokens: OptionToken[] } | { ok: false; error: string };

/**
 * `/subscriptions test id:x`: a command with subcommands is typed with the subcommand's name as
 * its first word, as in Discord's box; its options are then that subcommand's. A command without
 * subcommands is returned as it is.
 */
export function selectSubcommand(command: CommandShape, tokens: readonly OptionToken[]): SubcommandChoice {
  const subcommands = (command.options ?? []).filter((o) => o.type === SUBCOMMAND);
  if (subcommands.length === 0) return { ok: true, name: command.name, shape: command, tokens: [...tokens] };
  const first = tokens[0];
  const chosen = first && first.name === undefined ? subcommands.find((s) => s.name === first.value.toLowerCase()) : undefined;
  if (!chosen) return { ok: false, error: `/${command.name} needs a subcommand: ${subcommands.map((s) => `/${command.name} ${s.name}`).join(', ')}` };
  const name = `${command.name} ${chosen.name}`;
  return { ok: true, name, shape: { name, options: chosen.options ?? [] }, tokens: tokens.slice(1) };
}

/** Binds tokens to the command's options; every mistake names the command's options. */
export function bindOptions(command: CommandShape, tokens: readonly OptionToken[]): Bound {
  const declared = command.options ?? [];
  const list = declared.length > 0 ? `its options are ${declared.map((o) => o.name).join(', ')}` : 'it takes no options';
  const options: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as OptionToken;
    const option = token.name !== undefined ? declared.find((o) => o.name === token.name) : declared.find((o) => options[o.name] === undefined && !namedLater(tokens, i, o.name));
    if (token.name !== undefined && !option) return { ok: false, error: `/${command.name} has no option "${token.name}": ${list}` };
    if (!option) return { ok: false, error: `/${command.name} has no option left for "${token.value}": ${list}` };
    if (options[option.name] !== undefined) return { ok: false, error: `/${command.name}: ${option.name} is given twice` };
    let value = token.value;
    // A string value typed without quotes goes on until the next option, as in Discord's box
    // (a fixed choice is one word); positionally only free text does, so that
    // `/brief japan-tariffs full` still fills two options.
    const runs = !token.quoted && option.type === STRING && (option.choices ?? []).length === 0 && (token.name !== undefined || isFreeText(option));
    while (runs && tokens[i + 1] !== undefined && tokens[i + 1]?.name === undefined) value += ` ${tokens[++i]?.value ?? ''}`;
    options[option.name] = value;
  }
  return { ok: true, options };
}

/** A string option the user writes in their own words: no fixed choices, no suggestions. */
function isFreeText(option: OptionShape): boolean {
  return option.type === STRING && !option.autocomplete && (option.choices ?? []).length === 0;
}

/** Whether a later token names `name`, so a positional value must leave that option to it. */
function namedLater(tokens: readonly OptionToken[], from: number, name: string): boolean {
  return tokens.slice(from + 1).some((t) => t.name === name);
}
