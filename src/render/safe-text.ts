/**
 * Makes text taken from a briefing (or typed by a user) safe to display: it must not ping,
 * look like a mention or link, or restyle the layout around it. `allowed_mentions` (set by the
 * Discord glue) already stops pings; this stops the text from *looking* like one.
 */

const ZWSP = '\u200b';

// Markdown that would distort the layout: emphasis, strike, code, spoilers, masked links, and the
// escape character itself so that an author's own backslashes survive.
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
// Quotes, headings and subtext only act at the start of a line.
const LINE_START_MARKDOWN = /^([^\S\n]*)(>|#|-#)/gm;
// URLs stay as written: a backslash inside one would end up in the link.
const URL = /(https?:\/\/[^\s<>]+)/;

/**
 * Defuses `@everyone` / `@here` (a zero-width space after `@`) and mention syntax
 * (`<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<t:…>`, custom emoji) by breaking the `<`.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:|t:)/g, `<${ZWSP}`);
}

/** Text for a markdown context (description, field, content): markdown escaped, mentions defused. */
export function escapeMarkdown(text: string): string {
  const parts = text.split(URL);
  const escaped = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(INLINE_MARKDOWN, '\\$&').replace(LINE_START_MARKDOWN, '$1\\$2')));
  return neutraliseMentions(escaped.join(''));
}

/** Text for a plain context (button or option label, placeholder, footer, author): one line, mentions defused. */
export function plainText(text: string): string {
  return neutraliseMentions(oneLine(text));
}

/** All whitespace, newlines included, collapsed to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraph text normalised: Windows newlines, trailing spaces and runs of blank lines tidied. */
export function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Inline text for a markdown context: one line, escaped. */
export function inlineMarkdown(text: string): string {
  return escapeMarkdown(oneLine(text));
}
