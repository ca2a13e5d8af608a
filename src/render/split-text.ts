/**
 * Splits long text into chunks that fit a Discord limit, breaking where a reader would: each
 * chunk is filled as far as the limit allows and ends at the last paragraph break in its second
 * half, else the last line break there, else the last sentence end there, else the last space.
 * Only a single word longer than the limit is ever cut, and then between graphemes, so no emoji
 * or accented letter is torn apart.
 */

/** Boundaries from coarsest to finest; each regex matches the separator between two units. */
const LEVELS: readonly RegExp[] = [
  // Paragraphs: a blank line.
  /\n[^\S\n]*\n/g,
  // Lines.
  /\n/g,
  // Sentences: end punctuation (and closing quotes), whitespace, then something that starts a
  // sentence. "U.S. tariffs" is not a boundary; "U.S. Japan" is, which is harmless. In Chinese,
  // Japanese and Korean, which use no spaces, a full stop followed by more of the same script is.
  /(?<=[.!?…]["'”’»)\]]*)\s+(?=["'“‘«([]?[\p{Lu}\p{N}])|(?<=[。！？])(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])/gu,
  // Words.
  /\s+/g,
];
/** Characters past the limit a separator's lookahead may need to see. */
const LOOKAHEAD = 8;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` in chunks of at most `max` UTF-16 units (`max` ≥ 2), trimmed and never empty. Joining
 * the chunks with whitespace gives back the same words (CJK runs aside, which are split after a
 * full stop); a blank text gives no chunk.
 */
export function splitText(text: string, max: number): string[] {
  // Below 2, a character outside the BMP (an emoji) could not fit at all.
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitText: max must be an integer of at least 2, got ${max}`);
  const chunks: string[] = [];
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end -= 1;
  let pos = skipSpace(text, 0);
  while (pos < end) {
    if (end - pos <= max) {
      chunks.push(text.slice(pos, end));
      break;
    }
    const cut = findCut(text, pos, pos + max);
    let chunkEnd = cut;
    while (chunkEnd > pos && isSpace(text[chunkEnd - 1])) chunkEnd -= 1;
    chunks.push(text.slice(pos, chunkEnd));
    pos = skipSpace(text, cut);
  }
  return chunks;
}

/** Where the chunk starting at `pos` should end, at most `limit`. */
function findCut(text: string, pos: number, limit: number): number {
  const window = text.slice(pos, limit + LOOKAHEAD);
  const room = limit - pos;
  for (const [level, separator] of LEVELS.entries()) {
    // Coarse boundaries count only in the second half, so "1. Will…" is not cut after "1.".
    const least = level === LEVELS.length - 1 ? 1 : Math.floor(room / 2);
    let best = -1;
    for (const match of window.matchAll(separator)) {
      if (match.index > room) break;
      if (match.index >= least) best = match.index;
    }
    if (best > 0) return pos + best;
  }
  return hardCut(text, pos, limit);
}

/** The end of the longest run of whole graphemes from `pos` within `limit`, never right after an escaping backslash. */
function hardCut(text: string, pos: number, limit: number): number {
  let cut = pos;
  for (const { index, segment } of graphemes.segment(text.slice(pos, limit + LOOKAHEAD * 4))) {
    const segEnd = pos + index + segment.length;
    if (segEnd > limit) break;
    cut = segEnd;
  }
  if (cut === pos) return cutByCodePoints(text, pos, limit);
  let backslashes = 0;
  for (let i = cut - 1; i >= pos && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 1 && cut - 1 > pos ? cut - 1 : cut;
}

/** A single grapheme longer than the limit (a pathological joiner sequence): cut between code points. */
function cutByCodePoints(text: string, pos: number, limit: number): number {
  let at = pos;
  while (at < limit) {
    const width = (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    if (at + width > limit) break;
    at += width;
  }
  return at > pos ? at : pos + 1;
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text[at])) at += 1;
  return at;
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}
