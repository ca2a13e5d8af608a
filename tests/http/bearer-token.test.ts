import { describe, expect, it } from 'vitest';
import { bearerTokenMatches } from '../../src/http/bearer-token.js';

describe('bearerTokenMatches', () => {
  const token = 'k'.repeat(32);
  it('given the exact token, then it matches; any other header does not', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
    for (const header of [undefined, '', 'Bearer', `Bearer ${token}k`, `Bearer ${token.slice(1)}`, `Token ${token}`, `Bearer ${token} extra`]) {
      expect(bearerTokenMatches(header, token)).toBe(false);
    }
  });
});
