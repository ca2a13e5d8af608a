import { describe, expect, it } from 'vitest';
import { CLEAR_MATCH, nameMatchScore, rankNames, resolveBriefingName } from '../../src/search/suggest-slugs.js';
import { loadSampleBriefings } from '../eval/load-samples.js';

const samples = loadSampleBriefings().map((b) => ({ slug: b.slug, title: b.title }));
const margin = (typed: string): number => {
  const [best, second] = rankNames(typed, samples);
  return (best?.score ?? 0) - (second?.score ?? 0);
};

describe('given a typed briefing name and the sample archive', () => {
  it('given the exact slug in any case, then it is that briefing', () => {
    expect(resolveBriefingName('Japan-Tariffs', samples)).toEqual({ kind: 'found', slug: 'japan-tariffs', exact: true });
  });

  it.each([
    ['japan-tarifs', 'japan-tariffs'],
    ['japantariffs', 'japan-tariffs'],
    ['red sea shiping', 'red-sea-shipping'],
    ['japan-tar', 'japan-tariffs'],
    ['hormuz', 'hormuz-tanker-seizures'],
    ['taipei tightens the chip gate', 'taiwan-chip-export-controls'],
  ])('given "%s" (a clear typo, prefix or title words), then %s answers, clearing the margin', (typed, slug) => {
    expect(resolveBriefingName(typed, samples)).toEqual({ kind: 'found', slug, exact: false });
    expect(margin(typed)).toBeGreaterThanOrEqual(CLEAR_MATCH.margin);
    expect(rankNames(typed, samples)[0]?.score).toBeGreaterThanOrEqual(CLEAR_MATCH.minScore);
  });

  it('given "japan", which two briefings fit about as well, then nothing is guessed and both are candidates', () => {
    expect(resolveBriefingName('japan', samples)).toEqual({ kind: 'unresolved', candidates: ['japan-tariffs', 'japan-us-defense-costs'] });
    expect(rankNames('japan', samples)[1]?.score).toBeGreaterThanOrEqual(CLEAR_MATCH.minScore);
    expect(margin('japan')).toBeLessThan(CLEAR_MATCH.margin);
  });

  it('given a typo that two slugs share, then both good matches are listed rather than one picked', () => {
    const twins = [...samples, { slug: 'us-tariffs-china', title: 'US TARIFFS ON CHINA' }, { slug: 'us-tariffs-mexico', title: 'US TARIFFS ON MEXICO' }];
    const [first, second] = rankNames('us-tarifs', twins);
    expect(second?.score).toBeGreaterThanOrEqual(CLEAR_MATCH.minScore);
    expect((first?.score ?? 0) - (second?.score ?? 0)).toBeLessThan(CLEAR_MATCH.margin);
    const resolution = resolveBriefingName('us-tarifs', twins);
    expect(resolution.kind === 'unresolved' && resolution.candidates.slice(0, 2)).toEqual(['us-tariffs-china', 'us-tariffs-mexico']);
    expect(resolveBriefingName('us-tarifs-mexco', twins)).toEqual({ kind: 'found', slug: 'us-tariffs-mexico', exact: false });
  });

  it('given a lone best match that scores too low, then it is a candidate, not an answer', () => {
    const resolution = resolveBriefingName('taiwan chips', samples);
    expect(rankNames('taiwan chips', samples)[0]?.score).toBeLessThan(CLEAR_MATCH.minScore);
    expect(resolution).toEqual({ kind: 'unresolved', candidates: ['taiwan-chip-export-controls'] });
  });

  it('given something nothing resembles, or nothing at all, then there are no candidates', () => {
    expect(resolveBriefingName('qqqqqqqq', samples)).toEqual({ kind: 'unresolved', candidates: [] });
    expect(resolveBriefingName('  ', samples)).toEqual({ kind: 'unresolved', candidates: [] });
  });

  it('then the score is 1 for the slug or title words, and 0 for words a third different', () => {
    expect(nameMatchScore('japan tariffs', { slug: 'japan-tariffs', title: 'X' })).toBe(1);
    expect(nameMatchScore('japan takes stand ustariffs', { slug: 'x-y', title: 'LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS' })).toBe(1);
    expect(nameMatchScore('china', { slug: 'japan', title: 'JAPAN' })).toBe(0);
  });
});
