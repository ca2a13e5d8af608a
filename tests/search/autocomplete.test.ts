import { describe, expect, it } from 'vitest';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { DISCORD_MAX_CHOICE_LENGTH, DISCORD_MAX_CHOICES } from '../../src/search/name-index.js';
import { generateBriefings } from '../../bench/generate-briefings.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { makeBriefing } from './make-briefing.js';

describe('autocomplete', () => {
  it('given an empty query, then the newest briefings come first', () => {
    const index = BriefingIndex.from([
      makeBriefing({ slug: 'old', publishedAt: '2025-01-01T00:00:00.000Z' }),
      makeBriefing({ slug: 'newest', publishedAt: '2026-06-01T00:00:00.000Z' }),
      makeBriefing({ slug: 'middle', publishedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    expect(index.autocomplete('').map((c) => c.value)).toEqual(['newest', 'middle', 'old']);
    index.upsert(makeBriefing({ slug: 'older', publishedAt: '2024-01-01T00:00:00.000Z' }));
    expect(index.autocomplete('').map((c) => c.value)).toEqual(['newest', 'middle', 'old', 'older']);
  });

  it('given the start of a slug or title word, then those briefings are suggested, slug starts first', () => {
    const index = BriefingIndex.from(loadSampleBriefings());
    expect(index.autocomplete('japan').map((c) => c.value).slice(0, 2).sort()).toEqual(['japan-tariffs', 'japan-us-defense-costs']);
    expect(index.autocomplete('jap')[0]?.value).toMatch(/^japan-/);
    expect(index.autocomplete('red sea')[0]?.value).toBe('red-sea-shipping');
    expect(index.autocomplete('hormuz')[0]?.value).toBe('hormuz-tanker-seizures');
  });

  it('given a finished word with a typo, then it is still found', () => {
    const index = BriefingIndex.from(loadSampleBriefings());
    expect(index.autocomplete('drougth panama')[0]?.value).toBe('panama-canal-drought');
  });

  it('given one word that matches nothing, then names matching the other words are still suggested', () => {
    const index = BriefingIndex.from(loadSampleBriefings());
    expect(index.autocomplete('panama qqqqqq')[0]?.value).toBe('panama-canal-drought');
    expect(index.autocomplete('qqqqqq')).toEqual([]);
  });

  it('given thousands of briefings, then at most 25 choices, names within 100 characters, values are slugs', () => {
    const index = BriefingIndex.from(generateBriefings(2000));
    for (const partial of ['', 'c', 'china', 'russia sanc', 'zzz']) {
      const choices = index.autocomplete(partial, { limit: 100 });
      expect(choices.length).toBeLessThanOrEqual(DISCORD_MAX_CHOICES);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(DISCORD_MAX_CHOICE_LENGTH);
        expect(index.get(choice.value)?.slug).toBe(choice.value);
      }
    }
    expect(index.autocomplete('c')).toHaveLength(25);
  });

  it('given a very long title, then the choice name is cut at a word and keeps the date', () => {
    const title = `LUMEN INSIGHT: ${'A VERY LONG TITLE ABOUT SHIPPING '.repeat(6)}`;
    const index = BriefingIndex.from([makeBriefing({ slug: 'long', title, publishedAt: '2026-03-04T00:00:00.000Z' })]);
    const [choice] = index.autocomplete('long');
    expect(choice?.name.length).toBeLessThanOrEqual(100);
    expect(choice?.name).toMatch(/… · 2026-03-04$/);
    expect(choice?.name.startsWith('A VERY LONG TITLE')).toBe(true);
  });
});
