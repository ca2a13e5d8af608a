/**
 * What the parser removes from a briefing's text before reading it (issue 11, items 7 and 11):
 * control characters other than tab and newline (ESC sequences would reach an operator's
 * terminal), and invisible characters (soft hyphen, zero-width space, bidi marks, word joiner,
 * a BOM mid-text) that hide a heading from the parser and a word from search. Emoji sequences
 * keep their joiners and selectors; scripts that need joiners (Arabic, Indic) keep them between
 * letters. Newlines are never removed, so line numbers stay those of the file.
 */

// ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC), and other two-byte ESC sequences.
// Control characters are what these expressions are for.
/* eslint-disable no-control-regex */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?/g;
// C0 controls except tab and newline, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// Skin tones and the selector are listed to be matched one by one, after the emoji they modify.
// eslint-disable-next-line no-misleading-character-class
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{E007F}]$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const KEYCAP_BASE = /[0-9#*]$/;
const JOINING_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}\p{M}]/u;

export interface NormalisedText {
  text: string;
  /** How many control characters were removed, and the line of the first. */
  control: { count: number; firstLine: number } | undefined;
  /** How many invisible characters were removed, and the line of the first. */
  invisible: { count: number; firstLine: number } | undefined;
}

/** Removes control and invisible characters; linear in the text's length. */
export function normaliseBriefingText(text: string): NormalisedText {
  let control: NormalisedText['control'];
  let invisible: NormalisedText['invisible'];
  let out = text;
  if (CONTROL.test(out)) {
    CONTROL.lastIndex = 0;
    let count = 0;
    let first = -1;
    const count1 = (match: string, offset: number) => {
      count += match.length;
      if (first < 0) first = offset;
      return '';
    };
    out = out.replace(ESCAPE_SEQUENCE, count1).replace(CONTROL, count1);
    control = { count, firstLine: lineOf(text, first) };
  }
  CONTROL.lastIndex = 0;
  if (INVISIBLE.test(out)) {
    INVISIBLE.lastIndex = 0;
    const source = out;
    let count = 0;
    let first = -1;
    out = source.replace(INVISIBLE, (match: string, offset: number) => {
      if (keepsInvisible(source, match, offset)) return match;
      count += 1;
      if (first < 0) first = offset;
      return '';
    });
    if (count > 0) invisible = { count, firstLine: lineOf(source, first) };
  }
  INVISIBLE.lastIndex = 0;
  return { text: out, control, invisible };
}

/** Removes every invisible character, with no exception: for heading and title keys. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

// The two code units before and after an offset are enough to see a neighbouring emoji or letter.
function keepsInvisible(text: string, char: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 2), offset);
  const after = text.slice(offset + char.length, offset + char.length + 2);
  const code = char.codePointAt(0) ?? 0;
  if (code === 0xfe0f || code === 0xfe0e) return EMOJI_BEFORE.test(before) || KEYCAP_BASE.test(before);
  if (code === 0x200d) return (EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after)) || joinsLetters(before, after);
  if (code === 0x200c) return joinsLetters(before, after);
  // Tag characters spell a subdivision flag after 🏴 (England, Scotland, Wales).
  if (code >= 0xe0020 && code <= 0xe007f) return /[\u{1F3F4}\u{E0020}-\u{E007E}]$/u.test(before);
  return false;
}

function joinsLetters(before: string, after: string): boolean {
  return JOINING_SCRIPT.test(before.slice(-1)) && JOINING_SCRIPT.test(after.slice(0, 1));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
