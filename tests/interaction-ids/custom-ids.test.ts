import { describe, expect, it } from 'vitest';
import { SECTION_CHOICES } from '../../src/domain/briefing-sections.js';
import { decodeCustomId, encodeCustomId, type CustomIdAction } from '../../src/interaction-ids/custom-ids.js';
import { packSlug, unpackSlug } from '../../src/interaction-ids/pack-slug.js';
import { prose, Rng } from '../render/briefing-generator.js';

const VIEWS = [...SECTION_CHOICES, 'full', 'card'] as const;

function randomSlug(rng: Rng, length: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let slug = '';
  while (slug.length < length) {
    const c = chars[rng.int(0, chars.length - 1)] as string;
    slug += slug.length > 0 && slug.length < length - 1 && !slug.endsWith('-') && rng.chance(0.2) ? '-' : c;
  }
  return slug;
}

/** Slugs of every length up to 100, plus the worst cases for packing. */
function slugs(): string[] {
  const rng = new Rng(7);
  const list = Array.from({ length: 100 }, (_, i) => randomSlug(rng, i + 1));
  list.push('z'.repeat(100), '9'.repeat(100), 'a'.repeat(100), `${'z-'.repeat(49)}zz`);
  return list;
}

function actionsFor(slug: string): CustomIdAction[] {
  return [
    ...VIEWS.map((view) => ({ kind: 'view', slug, view }) as const),
    { kind: 'variable', slug },
    { kind: 'variable', slug, n: 1 },
    { kind: 'variable', slug, n: 99_999 },
    { kind: 'open', slug },
  ];
}

describe('encodeCustomId and decodeCustomId', () => {
  it('given the seed slug, then the ids are readable and follow the lb1 scheme', () => {
    expect(encodeCustomId({ kind: 'view', slug: 'japan-tariffs', view: 'variables' })).toBe('lb1|sec|japan-tariffs|var');
    expect(encodeCustomId({ kind: 'variable', slug: 'japan-tariffs' })).toBe('lb1|var|japan-tariffs');
    expect(encodeCustomId({ kind: 'variable', slug: 'japan-tariffs', n: 3 })).toBe('lb1|var|japan-tariffs|3');
    expect(encodeCustomId({ kind: 'open', slug: 'japan-tariffs' })).toBe('lb1|open|japan-tariffs');
    expect(encodeCustomId({ kind: 'search', page: 2, query: 'chip export controls' })).toBe('lb1|srch|2|chip export controls');
    expect(encodeCustomId({ kind: 'publish', decision: 'confirm', token: 'abc123' })).toBe('lb1|pub|ok|abc123');
    expect(encodeCustomId({ kind: 'publish', decision: 'cancel', token: 'abc123' })).toBe('lb1|pub|no|abc123');
  });

  it('given slugs of every length up to 100, then every id of every action is at most 100 characters and round-trips', () => {
    for (const slug of slugs()) {
      for (const action of actionsFor(slug)) {
        const id = encodeCustomId(action);
        expect(id.length, id).toBeLessThanOrEqual(100);
        expect(decodeCustomId(id)).toEqual(action);
      }
    }
  });

  it('given a 100-character slug, then it is packed (and a short one is not)', () => {
    expect(encodeCustomId({ kind: 'open', slug: 'z'.repeat(100) })).toMatch(/^lb1\|open\|~/);
    expect(encodeCustomId({ kind: 'open', slug: 'z'.repeat(80) })).toBe(`lb1|open|${'z'.repeat(80)}`);
  });

  it('given queries of any length, unicode and separators included, then the id fits and decodes to the query or a prefix of it', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 300; i += 1) {
      const query = prose(rng, rng.int(0, 5000)) + (rng.chance(0.3) ? ' a|b 🇯🇵' : '');
      const page = rng.int(1, 99_999);
      const id = encodeCustomId({ kind: 'search', page, query });
      expect(id.length).toBeLessThanOrEqual(100);
      const decoded = decodeCustomId(id);
      expect(decoded?.kind).toBe('search');
      if (decoded?.kind !== 'search') return;
      expect(decoded.page).toBe(page);
      const normal = query.replace(/\s+/g, ' ').trim();
      expect(normal.startsWith(decoded.query)).toBe(true);
      if (normal.length <= 100 - `lb1|srch|${page}|`.length) expect(decoded.query).toBe(normal);
      expect(/[\uD800-\uDBFF]$/.test(decoded.query)).toBe(false);
    }
  });

  it('given a query too long for the id, then it is cut at a word', () => {
    const query = 'will japan coordinate protests regarding tariff policies with the european union at the world trade organization';
    const decoded = decodeCustomId(encodeCustomId({ kind: 'search', page: 1, query }));
    expect(decoded).toEqual({ kind: 'search', page: 1, query: 'will japan coordinate protests regarding tariff policies with the european union at the' });
  });

  it('given ids this bot did not write or that were tampered with, then decoding gives undefined', () => {
    for (const id of [
      '',
      'confirm',
      'lb2|open|japan-tariffs',
      'lb1|open|Japan Tariffs',
      'lb1|open|japan--tariffs',
      'lb1|open|japan-tariffs|extra',
      'lb1|sec|japan-tariffs|nope',
      'lb1|sec|japan-tariffs',
      'lb1|var|japan-tariffs|0',
      'lb1|var|japan-tariffs|x',
      'lb1|srch|0|query',
      'lb1|srch|1',
      'lb1|pub|maybe|abc',
      'lb1|pub|ok|bad token',
      'lb1|open|~',
      'lb1|open|~|',
      `lb1|open|${'a'.repeat(100)}`,
    ]) {
      expect(decodeCustomId(id), id).toBeUndefined();
    }
  });

  it('given a programming error (a bad slug, number or token), then encoding throws instead of writing a broken id', () => {
    expect(() => encodeCustomId({ kind: 'open', slug: 'Not A Slug' })).toThrow(RangeError);
    expect(() => encodeCustomId({ kind: 'variable', slug: 'a', n: 0 })).toThrow(RangeError);
    expect(() => encodeCustomId({ kind: 'search', page: 100_000, query: 'x' })).toThrow(RangeError);
    expect(() => encodeCustomId({ kind: 'publish', decision: 'confirm', token: 'has|pipe' })).toThrow(RangeError);
  });
});

describe('packSlug', () => {
  it('given any slug, then unpacking gives it back, and 100 characters pack into at most 82', () => {
    for (const slug of slugs()) {
      const packed = packSlug(slug);
      expect(unpackSlug(packed)).toBe(slug);
      expect(packed).not.toContain('|');
      if (slug.length === 100) expect(packed.length).toBeLessThanOrEqual(82);
    }
  });
});

describe('given a delivery mark (issue 11 item 1)', () => {
  const longest = `a${'-b'.repeat(49)}c`.slice(0, 100);
  const delivery = '1764620000000001';

  it('then the Full briefing and Open ids carry it and stay within 100 characters for a 100-character slug', () => {
    expect(longest).toHaveLength(100);
    for (const id of ['9999999999999999', delivery, '10000000000000007']) {
      const full = encodeCustomId({ kind: 'view', slug: longest, view: 'full', delivery: id });
      const open = encodeCustomId({ kind: 'open', slug: longest, delivery: id });
      expect(full.length).toBeLessThanOrEqual(100);
      expect(open.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(full)).toEqual({ kind: 'view', slug: longest, view: 'full', delivery: id });
      expect(decodeCustomId(open)).toEqual({ kind: 'open', slug: longest, delivery: id });
    }
  });

  it('then an unmarked id decodes without one, and a mark only goes on the full view', () => {
    expect(decodeCustomId(encodeCustomId({ kind: 'view', slug: 'japan-tariffs', view: 'full' }))).toEqual({ kind: 'view', slug: 'japan-tariffs', view: 'full' });
    expect(decodeCustomId('lb1|open|japan-tariffs')).toEqual({ kind: 'open', slug: 'japan-tariffs' });
    expect(() => encodeCustomId({ kind: 'view', slug: 'japan-tariffs', view: 'trends', delivery })).toThrow(RangeError);
    expect(() => encodeCustomId({ kind: 'open', slug: 'japan-tariffs', delivery: 'abc' })).toThrow(RangeError);
    expect(decodeCustomId('lb1|post||japan-tariffs')).toBeUndefined();
  });
});

describe('given a search owner (issue 11 item 10)', () => {
  it('then the owner round-trips with the page and the query, and older ids without one still decode', () => {
    const owner = '123456789012345678';
    const id = encodeCustomId({ kind: 'search', page: 3, query: 'chip | export controls', owner });
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(id)).toEqual({ kind: 'search', page: 3, query: 'chip | export controls', owner });
    expect(decodeCustomId('lb1|srch|2|tariffs')).toEqual({ kind: 'search', page: 2, query: 'tariffs' });
    expect(decodeCustomId('lb1|find|2|not-a-user|tariffs')).toBeUndefined();
    expect(decodeCustomId(encodeCustomId({ kind: 'search', page: 1, query: 'x'.repeat(300), owner }))).toMatchObject({ owner, page: 1 });
  });
});
