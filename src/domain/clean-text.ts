/**
 * Text cleaning shared by the parser: briefings arrive with emoji, bold markers, bullets,
 * tabs and trailing spaces, and the model keeps only the words.
 */

// Pictographs, flags, skin tones, variation selectors, joiners and keycaps: everything that makes an emoji.
// The class lists joiners and selectors on purpose, to remove them one by one.
// eslint-disable-next-line no-misleading-character-class
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;
const BOLD = /\*\*|__/g;

/** Bullets and list numbers as authors and exporters write them: `•\t`, `- `, `* `, `1.`, `2)`, `(3)`. */
const BULLET = /^\s*(?:[•●▪◦‣∙·▸►➤\-*+–—]|\d{1,3}[.)]|\(\d{1,3}\)|\d\u{FE0F}?\u{20E3})\s+/u;

export function stripEmoji(text: string): string {
  return text.replace(EMOJI, '');
}

/** The emoji at the start of a line (with its variation selector), if any: kept as a visual anchor. */
export function leadingEmoji(text: string): string | undefined {
  const match = /^\s*((?:[\p{Extended_Pictographic}\p{Regional_Indicator}][\u{FE0F}\u{200D}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]*)+)/u.exec(
    text.replace(/^[#\s]+/, ''),
  );
  return match?.[1];
}

/** Whether a line starts with a list bullet or number. */
export function hasBullet(line: string): boolean {
  return BULLET.test(stripEmojiKeepingKeycaps(line));
}

export function stripBullet(line: string): string {
  return stripEmojiKeepingKeycaps(line).replace(BULLET, '');
}

// Keycap numbers (1️⃣) are list numbers, so they must survive until the bullet is recognised.
function stripEmojiKeepingKeycaps(line: string): string {
  return line.replace(/^(\s*)(?:[\p{Extended_Pictographic}\p{Regional_Indicator}]\u{FE0F}?\s*)+/u, '$1');
}

/** One clean line of text: no emoji, no bold markers, no tabs, single spaces, trimmed. */
export function cleanInline(text: string): string {
  return stripEmoji(text).replace(BOLD, '').replace(/\s+/g, ' ').trim();
}
