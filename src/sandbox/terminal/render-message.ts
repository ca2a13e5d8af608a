/**
 * A Discord message as a person reads it in a terminal: embeds as titled blocks, fields as
 * indented paragraphs, buttons as [Label], selects as their placeholder over one option a line;
 * long lines wrapped at the terminal's width, keeping the block's bar and indentation.
 */
import { terminalSafe } from '../../cli/cli-io.js';
import { packItems, wrapLines } from './wrap-lines.js';

interface EmbedView {
  title?: string;
  description?: string;
  author?: { name?: string };
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
}

interface ComponentView {
  type?: number;
  label?: string;
  disabled?: boolean;
  placeholder?: string;
  options?: { label?: string; value?: string; default?: boolean }[];
  components?: ComponentView[];
}

export interface MessageView {
  content?: string;
  embeds?: EmbedView[];
  components?: ComponentView[];
}

const BAR = '│ ';
const ESC = String.fromCharCode(27);
const ANSI_STYLE = new RegExp(`${ESC}\\[\\d+m`, 'g');

/** Text without terminal colour codes, for scripts and files. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_STYLE, '');
}

/** Markdown a terminal cannot show, reduced to plain text; control characters from a briefing made visible, never run. */
function plain(text: string): string {
  return terminalSafe(text)
    .replace(/^-# /gm, '')
    .replace(/\*\*(.+?)\*\*/gs, '$1')
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/gs, '$1')
    .replace(/__(.+?)__/gs, '$1')
    .replace(/\u200b/g, '')
    .replace(/\\([*_~`|>\\[\]()#-])/g, '$1');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`.trimEnd())
    .join('\n');
}

/** How a message is shown: `width` wraps long lines at that many columns (undefined: never). */
export interface RenderOptions {
  /** False strips the bold/dim escapes (scripts, tests). */
  color?: boolean;
  /** The terminal's columns; undefined (not a terminal) leaves lines whole, so script output stays stable. */
  width?: number;
  /** Mentions and timestamps made readable, before wrapping, so a line is wrapped at the width it is shown at. */
  readable?: (text: string) => string;
}

function renderEmbed(embed: EmbedView, text: (raw: string) => string, width: number | undefined): string {
  const parts: string[] = [];
  if (embed.author?.name) parts.push(text(embed.author.name));
  if (embed.title) parts.push(`\u001b[1m${text(embed.title)}\u001b[22m`);
  if (embed.description) parts.push(text(embed.description));
  for (const field of embed.fields ?? []) parts.push(`▸ ${text(field.name ?? '')}\n${indent(text(field.value ?? ''), '  ')}`);
  if (embed.footer?.text) parts.push(`\u001b[2m${text(embed.footer.text)}\u001b[22m`);
  return wrapLines(indent(parts.join('\n'), BAR), width);
}

/** `1) label`, without numbering twice a label that starts with its own number ("1. Will…"), as key variables do. */
function optionLine(option: { label?: string; value?: string; default?: boolean }, position: number, text: (raw: string) => string): string {
  const value = option.value ?? String(position);
  const label = text(option.label ?? value);
  const numbered = /^(\d+)[.):]\s+/.exec(label);
  const shown = numbered && (numbered[1] === value || numbered[1] === String(position)) ? label.slice(numbered[0].length) : label;
  return `  ${value}) ${shown}${option.default ? ' (chosen)' : ''}`;
}

/** A select as its placeholder, then one option a line (what `@select VALUE` picks); buttons side by side. */
function renderComponents(rows: ComponentView[], text: (raw: string) => string, width: number | undefined): string[] {
  return rows.map((row) => {
    const components = row.components ?? [];
    const buttons = components.filter((c) => c.type !== 3).map((c) => `[${text(c.label ?? '?')}]${c.disabled ? '(disabled)' : ''}`);
    const menus = components
      .filter((c) => c.type === 3)
      .map((c) => wrapLines([`[▾ ${text(c.placeholder ?? 'Choose')}]`, ...(c.options ?? []).map((o, i) => optionLine(o, i + 1, text))].join('\n'), width));
    return [...menus, ...(buttons.length > 0 ? [packItems(buttons, width)] : [])].join('\n');
  });
}

/** The message as lines of text, wrapped at `options.width` when given. */
export function renderMessageText(message: MessageView, options: RenderOptions = {}): string {
  const readable = options.readable ?? ((raw: string) => raw);
  const text = (raw: string): string => readable(plain(raw));
  const parts: string[] = [];
  if (message.content) parts.push(wrapLines(text(message.content), options.width));
  for (const embed of message.embeds ?? []) parts.push(renderEmbed(embed, text, options.width));
  parts.push(...renderComponents(message.components ?? [], text, options.width));
  const shown = parts.join('\n');
  return options.color === false ? stripAnsi(shown) : shown;
}
