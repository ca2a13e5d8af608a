import { describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/search/resolve-actor.js';

const ACTORS = ['U.S.', 'Japan', 'China', 'EU', 'Russia', 'Ukraine', 'Türkiye', 'UAE', 'Saudi Arabia'];

describe('resolveActor', () => {
  it.each([
    ['us', 'U.S.'],
    ['USA', 'U.S.'],
    ['united states', 'U.S.'],
    ['Washington', 'U.S.'],
    ['the White House', 'U.S.'],
    ['tokyo', 'Japan'],
    ['beijing', 'China'],
    ['brussels', 'EU'],
    ['moscow', 'Russia'],
    ['the Kremlin', 'Russia'],
    ['kyiv', 'Ukraine'],
    ['kiev', 'Ukraine'],
    ['turkiye', 'Türkiye'],
    ['Turkey', 'Türkiye'],
    ['ankara', 'Türkiye'],
    ['abu dhabi', 'UAE'],
    ['riyadh', 'Saudi Arabia'],
  ])('given "%s", then it names %s', (query, actor) => {
    expect(resolveActor(query, ACTORS)).toBe(actor);
  });

  it('given the exact name in another case or without its dots, then that actor', () => {
    expect(resolveActor('JAPAN', ACTORS)).toBe('Japan');
    expect(resolveActor('u.s.', ACTORS)).toBe('U.S.');
    expect(resolveActor('TÜRKIYE', ACTORS)).toBe('Türkiye');
  });

  it('given a unique prefix or a typo, then the actor it starts or resembles', () => {
    expect(resolveActor('jap', ACTORS)).toBe('Japan');
    expect(resolveActor('japn', ACTORS)).toBe('Japan');
    expect(resolveActor('saudi', ACTORS)).toBe('Saudi Arabia');
  });

  it('given an actor the briefing does not have, then undefined', () => {
    expect(resolveActor('india', ACTORS)).toBeUndefined();
    expect(resolveActor('new delhi', ACTORS)).toBeUndefined();
    expect(resolveActor('', ACTORS)).toBeUndefined();
    expect(resolveActor('us', [])).toBeUndefined();
  });

  it('given a briefing that spells an actor another way, then the alias still finds it', () => {
    expect(resolveActor('us', ['United States', 'Japan'])).toBe('United States');
    expect(resolveActor('turkiye', ['Turkey', 'Greece'])).toBe('Turkey');
  });
});
