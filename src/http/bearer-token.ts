/** The `Authorization: Bearer <token>` check of the ingest route, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether the header carries exactly `expected`. Both sides are hashed first, so the comparison
 * takes the same time whatever the length or the first differing byte of what was sent.
 */
export function bearerTokenMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  // Always compare, even with nothing given: no early return to time.
  const same = timingSafeEqual(digest(given), digest(expected));
  return same && given.length > 0;
}
