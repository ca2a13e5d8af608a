import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingIndex } from '../../src/search/briefing-index.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { makeBriefing } from './make-briefing.js';

describe('search over the sample archive', () => {
  let index: BriefingIndex;
  beforeAll(() => {
    index = BriefingIndex.from(loadSampleBriefings());
  });
  const top = (query: string, n = 1): string[] => index.search(query, { limit: n }).map((r) => r.slug);

  it.each([
    ['tarifs japan', 'japan-tariffs'],
    ['shiping red sea', 'red-sea-shipping'],
    ['silicon sheild', 'taiwan-chip-export-controls'],
    ['icebreakrs', 'arctic-northern-sea-route'],
  ])('given the typo "%s", then %s comes first', (query, slug) => {
    expect(top(query)).toEqual([slug]);
  });

  it('given names typed without accents, then the accented text matches', () => {
    expect(top('erdogan')).toEqual(['black-sea-grain-deal']);
    expect(top('turkiye mediation')).toEqual(['black-sea-grain-deal']);
    expect(top('SOMAIR uranium')).toEqual(['sahel-niger-ecowas']);
  });

  it('given an alias of an actor, then briefings naming the actor match', () => {
    expect(top('abu dhabi chips')).toEqual(['uae-ai-chip-campus']);
    expect(top('kremlin farm bank')).toEqual(['black-sea-grain-deal']);
  });

  it('given a word still being typed, then it is completed', () => {
    expect(top('northern sea rou')).toEqual(['arctic-northern-sea-route']);
  });

  it('given a result, then it names a field and quotes a short snippet around the match', () => {
    const [hit] = index.search('Rosselkhozbank', { limit: 1 });
    expect(hit?.slug).toBe('black-sea-grain-deal');
    expect(hit?.title).toMatch(/ISTANBUL BROKERS/);
    expect(hit?.snippet.length).toBeLessThanOrEqual(160);
    expect(hit?.snippet).toMatch(/Rosselkhozbank/);
    expect(['summary', 'keyVariables', 'dimensions', 'incident', 'trends', 'motivations', 'structuralSummary']).toContain(hit?.field);
  });

  it('given a title word, then the field is the title', () => {
    expect(index.search('drought', { limit: 1 })[0]).toMatchObject({ slug: 'panama-canal-drought', field: 'title' });
  });

  it('given an empty query, stop words only, or limit 0, then no results', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
    expect(index.search('japan', { limit: 0 })).toEqual([]);
  });

  it('given a whole briefing pasted as the query, then that briefing still comes first', () => {
    const seed = index.get('japan-tariffs');
    const pasted = [seed?.summary, seed?.incident, seed?.structuralSummary].join(' ').repeat(5);
    expect(top(pasted)).toEqual(['japan-tariffs']);
    expect(index.ask(pasted, { limit: 1 })[0]?.slug).toBe('japan-tariffs');
    expect(index.autocomplete(pasted).length).toBeLessThanOrEqual(25);
  });

  it('given results, then they are best first and at most the limit', () => {
    const results = index.search('china', { limit: 5 });
    expect(results).toHaveLength(5);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('field weights and incremental updates', () => {
  const inTitle = makeBriefing({ slug: 'lithium-rush', title: 'LUMEN INSIGHT: THE LITHIUM RUSH', summary: 'Miners race for new deposits.' });
  const inPassing = makeBriefing({
    slug: 'copper-belt',
    title: 'LUMEN INSIGHT: COPPER BELT POLITICS',
    summary: 'Copper output rises while lithium is mentioned once in passing among many other words about copper mines and smelters.',
  });

  it('given a word in one title and in another summary, then the title hit ranks first', () => {
    const index = BriefingIndex.from([inPassing, inTitle]);
    expect(index.search('lithium').map((r) => r.slug)).toEqual(['lithium-rush', 'copper-belt']);
    expect(index.search('lithium')[1]?.field).toBe('summary');
  });

  it('given an upsert, then the new text is found and the old text is not', () => {
    const index = BriefingIndex.from([inPassing]);
    expect(index.search('cobalt')).toEqual([]);
    index.upsert({ ...inPassing, summary: 'Cobalt replaces copper as the story.' });
    expect(index.search('cobalt').map((r) => r.slug)).toEqual(['copper-belt']);
    expect(index.search('smelters')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('given a removal, then the briefing is gone from search, autocomplete and ask', () => {
    const index = BriefingIndex.from([inTitle, inPassing]);
    expect(index.remove('lithium-rush')).toBe(true);
    expect(index.remove('lithium-rush')).toBe(false);
    expect(index.search('lithium').map((r) => r.slug)).toEqual(['copper-belt']);
    expect(index.autocomplete('lith')).toEqual([]);
    expect(index.get('lithium-rush')).toBeUndefined();
  });

  it('given a word first seen in an upsert, then typos of it are corrected from then on', () => {
    const index = BriefingIndex.from([inPassing]);
    index.upsert(makeBriefing({ slug: 'graphite', summary: 'Graphite anodes dominate.' }));
    expect(index.search('graphtie anodes').map((r) => r.slug)).toEqual(['graphite']);
  });
});
