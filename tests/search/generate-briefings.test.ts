import { describe, expect, it } from 'vitest';
import { generateBriefing, generateBriefingMarkdown } from '../../bench/generate-briefings.js';
import { BriefingSchema } from '../../src/domain/briefing.schema.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';

describe('generated briefings', () => {
  it('given the same number, then the generator returns the same briefing', () => {
    expect(generateBriefing(42)).toEqual(generateBriefing(42));
    expect(generateBriefing(42)).not.toEqual(generateBriefing(43));
  });

  it('given 200 generated briefings, then each is valid and slugs are unique', () => {
    const slugs = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const briefing = BriefingSchema.parse(generateBriefing(i));
      expect(briefing.structure.actors.length).toBeGreaterThanOrEqual(2);
      expect(briefing.structure.actors.length).toBeLessThanOrEqual(4);
      slugs.add(briefing.slug);
    }
    expect(slugs.size).toBe(200);
  });

  it('given the markdown form, then the parser reads back the generated briefing', () => {
    for (const i of [0, 1, 7, 99, 1234]) {
      const expected = generateBriefing(i);
      const { fileName, text } = generateBriefingMarkdown(i);
      const parsed = parseBriefing(text, { fileName, now: new Date(expected.publishedAt) });
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect({ ...parsed.value, warnings: [] }).toEqual(expected);
    }
  });
});
