import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { makeBriefing } from './make-briefing.js';

describe('ask over the sample archive', () => {
  let index: BriefingIndex;
  beforeAll(() => {
    index = BriefingIndex.from(loadSampleBriefings());
  });

  it("given the issue's example question, then japan-tariffs key variable 1 comes first", () => {
    const [first] = index.ask('Is Washington going to revisit car tariffs on Japan?');
    expect(first?.slug).toBe('japan-tariffs');
    expect(first?.keyVariable).toEqual({ n: 1, text: 'Will the U.S. reassess tariffs on Japanese automakers or the chip industry?' });
  });

  it('given a key variable, then its related trends and positions share its terms', () => {
    const [first] = index.ask('Is Washington going to revisit car tariffs on Japan?');
    expect(first?.related.trends.length).toBeGreaterThan(0);
    expect(first?.related.trends.some((t) => /tariff/i.test(t.text))).toBe(true);
    expect(first?.related.positions.length).toBeGreaterThan(0);
    expect(first?.related.positions.some((p) => p.dimension === 'Tariff Policy Tools')).toBe(true);
    for (const p of first?.related.positions ?? []) expect(['U.S.', 'Japan']).toContain(p.actor);
  });

  it.each([
    ['Will Abu Dhabi break away from the quota system?', 'opec-output-cuts', 4],
    ['will the eu let the farm lender back onto swift', 'black-sea-grain-deal', 1],
    ['will the white house take up the kremlin offer of joint mining projects', 'ukraine-minerals-fund', 4],
    ['is xi coming to the brics summit', 'india-china-border', 2],
  ])('given "%s", then %s key variable %i is among the top 3', (question, slug, n) => {
    const top3 = index.ask(question, { limit: 3 }).map((r) => `${r.slug}#${r.keyVariable.n}`);
    expect(top3).toContain(`${slug}#${n}`);
  });

  it('given a briefing, then only its key variables are answered', () => {
    const results = index.ask('will china retaliate', { briefing: 'taiwan-chip-export-controls', limit: 10 });
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.slug))).toEqual(new Set(['taiwan-chip-export-controls']));
    expect(results[0]?.keyVariable.n).toBe(1);
  });

  it('given an unknown briefing, an empty question or limit 0, then no answers', () => {
    expect(index.ask('tariffs', { briefing: 'no-such-briefing' })).toEqual([]);
    expect(index.ask('  ')).toEqual([]);
    expect(index.ask('is it going to happen?')).toEqual([]);
    expect(index.ask('tariffs', { limit: 0 })).toEqual([]);
  });

  it('given answers, then they are best first', () => {
    const scores = index.ask('rare earth licences for carmakers', { limit: 5 }).map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('ask after incremental updates', () => {
  it('given a briefing upserted with a new key variable, then questions reach it; after removal they do not', () => {
    const index = BriefingIndex.from([makeBriefing({ slug: 'a', keyVariables: [{ n: 1, text: 'Will the port strike end?' }] })]);
    index.upsert(makeBriefing({ slug: 'b', keyVariables: [{ n: 1, text: 'Will the central bank cut interest rates?' }] }));
    expect(index.ask('is the central bank going to lower rates')[0]).toMatchObject({ slug: 'b', keyVariable: { n: 1 } });
    index.remove('b');
    expect(index.ask('is the central bank going to lower rates').map((r) => r.slug)).not.toContain('b');
  });
});
