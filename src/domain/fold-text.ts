/**
 * Text folded for matching: lower case, no accents, single spaces. `Türkiye` and `turkiye`,
 * `Erdoğan` and `erdogan`, `U.S.` and `u.s.` compare equal after folding.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
