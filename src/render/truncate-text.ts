/**
 * Shortening text to a limit at a natural boundary, with an ellipsis, for the places where
 * a renderer shows a preview (card summary, select labels) rather than the whole text.
 */
import { splitText } from './split-text.js';

const ELLIPSIS = '…';

/**
 * `text` unchanged when it fits in `max`; otherwise its longest head that ends at a paragraph,
 * sentence or word boundary, followed by "…". Works on already-escaped markdown: cuts fall on
 * whitespace, so an escape sequence is never separated from its character.
 */
export function truncateText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  // Only the first `max` characters can matter: a head of at most max − 1 never reaches the
  // last of them, so a word cut there is never kept. This keeps a 20,000-character summary cheap.
  const head = splitText(trimmed.slice(0, max), max - ELLIPSIS.length)[0] ?? '';
  return `${head}${ELLIPSIS}`;
}

/** Like {@link truncateText}, for a one-line label. */
export function truncateLabel(text: string, max: number): string {
  return truncateText(text.replace(/\s+/g, ' '), max);
}

/** `text` with `suffix`, the text shortened so that the whole fits in `max`. */
export function withSuffix(text: string, suffix: string, max: number): string {
  return `${truncateText(text, max - suffix.length)}${suffix}`;
}
