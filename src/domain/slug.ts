/** Turning names into slugs: `Japan Takes Stand on US Tariffs` -> `japan-takes-stand-on-us-tariffs`. */

const BRAND_PREFIX = /^\s*lumen\s+insight\s*[:：-]\s*/i;
const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG_LENGTH);
}

/** A slug from a title, without the `LUMEN INSIGHT:` brand every title shares. */
export function slugFromTitle(title: string): string {
  return slugify(title.replace(BRAND_PREFIX, ''));
}

/** `reports/Japan Tariffs.md` -> `japan-tariffs`. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return slugify(base.replace(/\.[^.]+$/, ''));
}
