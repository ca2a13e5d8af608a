import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/render/split-text.js';
import { prose, Rng, unbroken } from './briefing-generator.js';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('splitText', () => {
  it('given text that fits, then it is one chunk, trimmed', () => {
    expect(splitText('  Japan holds firm.  ', 100)).toEqual(['Japan holds firm.']);
  });

  it('given blank text, then there is no chunk', () => {
    expect(splitText(' \n\t ', 10)).toEqual([]);
  });

  it('given paragraphs that fit one by one, then it splits between paragraphs, not inside one', () => {
    const text = 'First paragraph, a sentence. Another one.\n\nSecond paragraph. Short.';
    expect(splitText(text, 45)).toEqual(['First paragraph, a sentence. Another one.', 'Second paragraph. Short.']);
  });

  it('given a paragraph longer than the limit, then it splits after a sentence', () => {
    const text = 'Japan will not concede. The U.S. presses on tariffs. Talks continue next week.';
    expect(splitText(text, 55)).toEqual(['Japan will not concede. The U.S. presses on tariffs.', 'Talks continue next week.']);
  });

  it('given an abbreviation such as "U.S." before a lower-case word, then it is not taken for a sentence end', () => {
    const text = 'The U.S. tariffs rose sharply. Japan answered.';
    expect(splitText(text, 31)).toEqual(['The U.S. tariffs rose sharply.', 'Japan answered.']);
  });

  it('given a sentence longer than the limit, then it splits between words', () => {
    expect(splitText('alpha beta gamma delta epsilon', 12)).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
  });

  it('given lines (a list), then it splits between lines before sentences', () => {
    expect(splitText('**1.** One item. Two.\n**2.** Second item.', 25)).toEqual(['**1.** One item. Two.', '**2.** Second item.']);
  });

  it('given one word longer than the limit, then only that word is cut, into pieces within the limit', () => {
    const chunks = splitText(`short ${'x'.repeat(25)} end`, 10);
    expect(chunks.every((c) => c.length <= 10)).toBe(true);
    expect(chunks.join('').replace(/\s/g, '')).toBe(`short${'x'.repeat(25)}end`);
    expect(chunks[0]).toBe('short');
    expect(chunks.filter((c) => /x/.test(c))).toHaveLength(3);
  });

  it('given emoji in a word that must be cut, then no emoji or flag is torn apart', () => {
    const chunks = splitText('🇯🇵'.repeat(10) + '👨‍👩‍👧‍👦'.repeat(3), 12);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(12);
      expect(LONE_SURROGATE.test(chunk)).toBe(false);
      expect(chunk).not.toMatch(/^\u200d|\u200d$/);
    }
    expect(chunks.join('')).toBe('🇯🇵'.repeat(10) + '👨‍👩‍👧‍👦'.repeat(3));
  });

  it('given escaped markdown in a word that must be cut, then a backslash is never separated from what it escapes', () => {
    const chunks = splitText('\\*'.repeat(20), 7);
    for (const chunk of chunks) expect(chunk).toMatch(/^(\\\*)+$/);
  });

  it('given Japanese text without spaces, then it splits after a full stop', () => {
    expect(splitText('日本は譲歩しない。米国は関税を見直す。', 12)).toEqual(['日本は譲歩しない。', '米国は関税を見直す。']);
  });

  it('given a limit below 2, then it refuses', () => {
    expect(() => splitText('abc', 1)).toThrow(RangeError);
  });

  it('given 500 seeded texts and limits, then chunks fit, are trimmed and non-empty, and no character is lost or reordered', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const rng = new Rng(seed);
      const text = rng.chance(0.2) ? `${unbroken(rng, rng.int(1, 400))} ${prose(rng, rng.int(0, 2000), true)}` : prose(rng, rng.int(0, 3000), true);
      const max = rng.int(2, 600);
      const chunks = splitText(text, max);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunk).toBe(chunk.trim());
        expect(chunk.length).toBeGreaterThan(0);
      }
      expect(chunks.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });

  it('given seeded texts whose words all fit the limit, then joining the chunks with spaces gives back exactly the same words', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const rng = new Rng(seed);
      const text = prose(rng, rng.int(0, 3000), true);
      const longest = Math.max(2, ...words(text).map((w) => w.length));
      const max = rng.int(longest, longest + 400);
      expect(words(splitText(text, max).join(' '))).toEqual(words(text));
    }
  });

  it('given a long text of sentences, then every chunk but the last ends a sentence', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} says something about tariffs.`).join(' ');
    const chunks = splitText(text, 500);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk).toMatch(/^Sentence number \d+ .*tariffs\.$/);
  });
});
