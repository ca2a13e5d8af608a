/**
 * A short excerpt around the words that matched, for a search result: the item of the field with
 * the most matching words, cut at word boundaries to at most `maxLength` characters.
 */
import { stem } from './lexicon.js';
import { tokenize } from './normalize-text.js';

/** Default snippet length: two lines of a Discord embed on a phone. */
export const SNIPPET_LENGTH = 160;

/**
 * The best excerpt of `items` for the stems in `wanted`. Falls back to the start of the first item
 * when nothing matches (a match through a synonym the text does not contain, say).
 */
export function makeSnippet(items: readonly string[], wanted: ReadonlySet<string>, maxLength = SNIPPET_LENGTH): string {
  let bestItem = items[0] ?? '';
  let bestAt = -1;
  let bestCount = 0;
  for (const item of items) {
    let count = 0;
    let first = -1;
    for (const token of tokenize(item)) {
      if (wanted.has(stem(token.word)) || wanted.has(token.word)) {
        count++;
        if (first < 0) first = token.start;
      }
    }
    if (count > bestCount) {
      bestCount = count;
      bestItem = item;
      bestAt = first;
    }
  }
  return excerpt(bestItem.replace(/\s+/g, ' ').trim(), Math.max(bestAt, 0), maxLength);
}

/** Up to `maxLength` characters of `text` around `at`, cut between words, with ellipses where cut. */
export function excerpt(text: string, at: number, maxLength = SNIPPET_LENGTH): string {
  if (text.length <= maxLength) return text;
  // Lead with a little context before the match, as search engines do.
  let start = Math.max(0, Math.min(at - 40, text.length - maxLength));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  const room = maxLength - (start > 0 ? 1 : 0) - 1;
  let end = Math.min(text.length, start + room);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const body = text.slice(start, end).replace(/[\s,;:]+$/, '');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
