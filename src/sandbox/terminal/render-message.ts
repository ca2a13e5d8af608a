/**
 * A Discord message as a person reads it in a terminal: embeds as titled blocks, fields as
 * indented paragraphs, buttons as [Label], selects as a list of their options.
 */
import { terminalSafe } from '../../cli/cli-io.js';

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
  options?: { label?: string; value?: string }[];
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

function renderEmbed(embed: EmbedView): string {
  const parts: string[] = [];
  if (embed.author?.name) parts.push(plain(embed.author.name));
  if (embed.title) parts.push(`\u001b[1m${plain(embed.title)}\u001b[22m`);
  if (embed.description) parts.push(plain(embed.description));
  for (const field of embed.fields ?? []) parts.push(`▸ ${plain(field.name ?? '')}\n${indent(plain(field.value ?? ''), '  ')}`);
  if (embed.footer?.text) parts.push(`\u001b[2m${plain(embed.footer.text)}\u001b[22m`);
  return indent(parts.join('\n'), BAR);
}

function renderComponents(rows: ComponentView[]): string[] {
  return rows.map((row) =>
    (row.components ?? [])
      .map((c) =>
        c.type === 3
          ? `[▾ ${c.placeholder ?? 'Choose'}: ${(c.options ?? []).map((o) => `${o.value}) ${o.label}`).join(' · ')}]`
          : `[${c.label ?? '?'}]${c.disabled ? '(disabled)' : ''}`,
      )
      .join(' '),
  );
}

/** The message as lines of text; `color` false strips the bold/dim escapes (scripts, tests). */
export function renderMessageText(message: MessageView, options: { color?: boolean } = {}): string {
  const parts: string[] = [];
  if (message.content) parts.push(plain(message.content));
  for (const embed of message.embeds ?? []) parts.push(renderEmbed(embed));
  parts.push(...renderComponents(message.components ?? []));
  const text = parts.join('\n');
  return options.color === false ? stripAnsi(text) : text;
}
