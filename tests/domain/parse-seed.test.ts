import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { SEED_TEXT } from '../support/seed.js';

const NOW = new Date('2026-11-24T00:00:00.000Z');

function parseSeed() {
  const result = parseBriefing(SEED_TEXT, { fileName: 'japan-tariffs.md', now: NOW });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('given the seed briefing japan-tariffs.md', () => {
  const b = parseSeed();

  it('then the slug comes from the file name and the title from "# Title"', () => {
    expect(b.slug).toBe('japan-tariffs');
    expect(b.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });

  it('then the summary is the whole paragraph, clean', () => {
    expect(b.summary.startsWith('Japanese Prime Minister Shigeru Ishiba has adopted a firm stance')).toBe(true);
    expect(b.summary.endsWith('reshaping Asia-Pacific trade dynamics and U.S.-Japan relations.')).toBe(true);
  });

  it('then the incident keeps its quotes and loses the emoji, number and trailing spaces', () => {
    expect(b.incident).toMatch(/^Japanese Prime Minister Shigeru Ishiba signaled a tough stance/);
    expect(b.incident).toContain('“Japan will not make repeated concessions just to reach an agreement.”');
    expect(b.incident).toMatch(/new round of structural competition\.$/);
  });

  it('then the three motivations have their labels, including "Toward the U.S."', () => {
    expect(b.motivations.map((m) => m.label)).toEqual(['Outward', 'Inward', 'Toward the U.S.']);
    expect(b.motivations[0]?.text).toBe(
      "Japan seeks to rebalance its sovereignty and interests in the U.S.-China competition, avoiding being forced into the U.S.'s unilateral pressure policies.",
    );
  });

  it('then the actors come from the table header and every dimension has both positions', () => {
    expect(b.structure.actors).toEqual(['U.S.', 'Japan']);
    expect(b.structure.dimensions.map((d) => d.name)).toEqual([
      'Tariff Policy Tools',
      'Security Alliance Binding',
      'Domestic Political Variables',
      'Economic Dependency Level',
    ]);
    expect(b.structure.dimensions[0]?.positions).toEqual({
      'U.S.': 'Strong pressure, exchanging tariffs for structural concessions',
      Japan: 'Attempts to buffer, avoid re-imbalance',
    });
    expect(b.structure.dimensions[2]?.positions['Japan']).toBe('Ishiba’s government must fulfill election promises for “autonomous strategy”');
  });

  it('then the four key variables are numbered in order', () => {
    expect(b.keyVariables).toHaveLength(4);
    expect(b.keyVariables[0]).toEqual({ n: 1, text: 'Will the U.S. reassess tariffs on Japanese automakers or the chip industry?' });
    expect(b.keyVariables[3]?.n).toBe(4);
  });

  it('then the four trends are numbered in order', () => {
    expect(b.trends).toHaveLength(4);
    expect(b.trends[0]).toEqual({
      n: 1,
      text: 'Short-term, the U.S. and Japan will use technical coordination to avoid confrontation, but structural antagonism is starting.',
    });
  });

  it('then the structural summary is read from the last section', () => {
    expect(b.structuralSummary).toMatch(/^Ishiba's statement is not only a predictive response/);
    expect(b.structuralSummary).toMatch(/Asia-Pacific industrial chain and trade system\.$/);
  });

  it('then publishedAt is the import time, since the seed has no front matter', () => {
    expect(b.publishedAt).toBe('2026-11-24T00:00:00.000Z');
  });

  it('then the section emoji are kept as anchors and there are no warnings', () => {
    expect(b.sectionEmoji).toEqual({ incident: '🗞️', motivations: '🎯', structure: '📊', keyVariables: '🧨', trends: '📈', structuralSummary: '📐' });
    expect(b.warnings).toEqual([]);
  });

  it('then no text holds a bullet, tab, emoji, bold marker, carriage return or trailing space', () => {
    const texts = [
      b.title, b.summary, b.incident, b.structuralSummary,
      ...b.motivations.flatMap((m) => [m.label, m.text]),
      ...b.keyVariables.map((v) => v.text), ...b.trends.map((t) => t.text),
      ...b.structure.actors, ...b.structure.dimensions.flatMap((d) => [d.name, ...Object.values(d.positions)]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/[•\t\r]|\*\*|\p{Extended_Pictographic}|\s$/u);
    }
  });
});
