/**
 * A lossless, denser spelling of a slug for custom ids: a 100-character slug plus an action
 * would not fit Discord's 100-character custom_id, so long slugs are written in base 93
 * (printable ASCII without `|`), about 80 characters for 100. Short slugs stay readable.
 */

const SLUG_ALPHABET = '-0123456789abcdefghijklmnopqrstuvwxyz';
const PACKED_ALPHABET = [...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))].filter((c) => c !== '|').join('');
/** Marks a packed slug; never the first character of a real slug. */
export const PACKED_MARK = '~';

const SLUG_BASE = BigInt(SLUG_ALPHABET.length);
const PACKED_BASE = BigInt(PACKED_ALPHABET.length);

/** `slug` in the packed spelling, `~` first. Bijective numeration, so no leading digit is lost. */
export function packSlug(slug: string): string {
  let value = 0n;
  for (const char of slug) {
    const digit = SLUG_ALPHABET.indexOf(char);
    if (digit < 0) throw new RangeError(`packSlug: "${char}" cannot appear in a slug`);
    value = value * SLUG_BASE + BigInt(digit + 1);
  }
  return PACKED_MARK + toDigits(value, PACKED_ALPHABET, PACKED_BASE);
}

/** The slug a packed spelling stands for, or undefined when it is not one. */
export function unpackSlug(packed: string): string | undefined {
  if (!packed.startsWith(PACKED_MARK)) return undefined;
  let value = 0n;
  for (const char of packed.slice(PACKED_MARK.length)) {
    const digit = PACKED_ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * PACKED_BASE + BigInt(digit + 1);
  }
  return toDigits(value, SLUG_ALPHABET, SLUG_BASE);
}

const DIGIT_ALPHABET = '0123456789';

/**
 * A string of decimal digits (a delivery id, 16 digits) in the packed alphabet: 8 or 9
 * characters. Bijective like packSlug, so leading zeros survive.
 */
export function packDigits(digits: string): string {
  let value = 0n;
  for (const char of digits) {
    const digit = DIGIT_ALPHABET.indexOf(char);
    if (digit < 0) throw new RangeError(`packDigits: "${char}" is not a digit`);
    value = value * 10n + BigInt(digit + 1);
  }
  return toDigits(value, PACKED_ALPHABET, PACKED_BASE);
}

/** The digits a {@link packDigits} spelling stands for, or undefined when it is not one. */
export function unpackDigits(packed: string): string | undefined {
  if (packed === '') return undefined;
  let value = 0n;
  for (const char of packed) {
    const digit = PACKED_ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * PACKED_BASE + BigInt(digit + 1);
  }
  return toDigits(value, DIGIT_ALPHABET, 10n);
}

function toDigits(value: bigint, alphabet: string, base: bigint): string {
  const digits: string[] = [];
  let rest = value;
  while (rest > 0n) {
    const digit = ((rest - 1n) % base) + 1n;
    digits.push(alphabet[Number(digit - 1n)] ?? '');
    rest = (rest - digit) / base;
  }
  return digits.reverse().join('');
}
