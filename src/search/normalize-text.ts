/**
 * Folding and tokenising shared by indexing and querying. Both sides must fold the same way, or
 * `turkiye` would never meet `Türkiye`: every comparison in src/search goes through here.
 */

/** Letters that Unicode decomposition does not reduce to ASCII but readers type as ASCII. */
const EXTRA_FOLDS: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
};
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;
/** `U.S.`, `U.K.`, `e.g.`: dots between single letters would otherwise split one word into letters. */
const DOTTED_ABBREVIATION = /\b(?:\p{L}\.){2,}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
/** Letters outside ASCII; typographic punctuation (curly quotes, dashes) does not count. */
// eslint-disable-next-line no-control-regex
const NON_ASCII_LETTER = /[^\x00-\x7f\u2000-\u206f]/;
const ASCII_DOTTED_ABBREVIATION = /\b(?:[a-z]\.){2,}/g;
/** Possessive and contracted endings (`Japan's`, `Japan’s`) that add nothing to a word. */
const POSSESSIVE = /['’](?:s|re|ll|ve|d|t)\b/g;

/** Lower-cases and strips accents: `Erdoğan` -> `erdogan`, `Türkiye` -> `turkiye`. Length may change. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII letters with some typographic punctuation: skip the costly
  // normalisation for it.
  if (!NON_ASCII_LETTER.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(EXTRA_FOLD_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch);
}

/** A word of a text with where it stood, so a snippet can be cut around it later. */
export interface Token {
  /** The folded word: lower case, no accents, no dots. */
  word: string;
  /** Offset of the word's first character in the folded text. */
  start: number;
  end: number;
}

/**
 * Splits folded text into words. `U.S.-Japan` gives `us`, `japan`; `Japan's` gives `japan`.
 * Offsets refer to the folded text, which keeps one character per source character for the
 * text we index (accents are dropped, not expanded), so they also locate the word in the source.
 */
export function tokenize(text: string): Token[] {
  const folded = prepareForTokens(foldText(text), true);
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD)) {
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The words alone, for callers that need no offsets (indexing hot path). */
export function words(text: string): string[] {
  const folded = foldText(text);
  // The ASCII patterns are several times faster than the Unicode ones, and find the same words
  // when every letter is ASCII: the common case after folding.
  const unicode = NON_ASCII_LETTER.test(folded);
  return prepareForTokens(folded, unicode).match(unicode ? WORD : ASCII_WORD) ?? [];
}

/**
 * Removes abbreviation dots and possessive endings while keeping every other character in place:
 * replacements use spaces of the same length, so token offsets still point into the source.
 */
function prepareForTokens(folded: string, unicode: boolean): string {
  return folded
    .replace(unicode ? DOTTED_ABBREVIATION : ASCII_DOTTED_ABBREVIATION, (m) => m.replace(/\./g, '') + ' '.repeat(m.replace(/[^.]/g, '').length))
    .replace(POSSESSIVE, (m) => ' '.repeat(m.length));
}
