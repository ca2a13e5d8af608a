/**
 * "Did you mean": the slugs closest to a mistyped one, for error messages. A small fuse.js
 * over slugs and titles only (short strings, where fuse.js shines), built per call because it
 * serves only the rare miss.
 */
import Fuse from 'fuse.js';

/** Up to `limit` slugs closest to a mistyped `query`, best first. */
export function suggestSlugs(query: string, briefings: { slug: string; title: string }[], limit = 3): string[] {
  const fuse = new Fuse(briefings, { keys: [{ name: 'slug', weight: 2 }, 'title'], threshold: 0.45, ignoreLocation: true });
  return fuse
    .search(query.replace(/[-_]+/g, ' '), { limit })
    .map((hit) => hit.item.slug);
}
