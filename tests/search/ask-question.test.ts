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

describe('ask with the words a briefing explains its key variables with', () => {
  // Unrelated briefings, so that words have an archive to be rare or common in.
  const others = [
    makeBriefing({ slug: 'panama', summary: 'Drought lowers Gatun Lake and the canal cuts transits.', keyVariables: [{ n: 1, text: 'Will the canal authority raise fees?' }] }),
    makeBriefing({ slug: 'opec', summary: 'OPEC+ extends output cuts as oil prices slide.', keyVariables: [{ n: 1, text: 'Will Saudi Arabia cut output again?' }] }),
    makeBriefing({ slug: 'taiwan', summary: 'Taiwan tightens export controls on advanced chips.', keyVariables: [{ n: 1, text: 'Will Beijing retaliate against Taiwanese chipmakers?' }] }),
  ];

  it('given a question in the words the briefing explains a name with, then the key variable with that name comes first, not a sibling sharing one word', () => {
    const grainDeal = makeBriefing({
      slug: 'grain-deal',
      summary:
        "Moscow wants Rosselkhozbank, Russia's state agricultural bank, back on the SWIFT payment network, which needs the consent of the EU Council. Grain exports from Russia keep flowing through the corridor.",
      keyVariables: [
        { n: 1, text: 'Will the EU Council let Rosselkhozbank back onto SWIFT?' },
        { n: 2, text: "Will Russia's grain exports recover before the harvest?" },
        { n: 3, text: 'Will Türkiye secure a monitoring mechanism for ships?' },
      ],
    });
    const index = BriefingIndex.from([...others, grainDeal]);
    const [first] = index.ask("Will Russia's agricultural bank get back on the payment network?");
    expect(first).toMatchObject({ slug: 'grain-deal', keyVariable: { n: 1 } });
  });

  it("given a question in the words of an item of the summary's list of key variables, then the key variable of that item comes first", () => {
    const chips = makeBriefing({
      slug: 'korea-chips',
      summary:
        'Seoul passes cash subsidies for its chipmakers. Key variables include whether the U.S. counts Korean subsidies against its own, how CXMT prices memory, and whether the chip cluster can secure enough electricity.',
      keyVariables: [
        { n: 1, text: 'Will Washington treat Korean cash subsidies as unfair support?' },
        { n: 2, text: 'Will KEPCO connect enough transmission capacity to Yongin before the first fab opens?' },
        { n: 3, text: "Will China's CXMT undercut memory prices?" },
      ],
    });
    const index = BriefingIndex.from([...others, chips]);
    const [first] = index.ask('Will the Korean chip cluster have enough power?');
    expect(first).toMatchObject({ slug: 'korea-chips', keyVariable: { n: 2 } });
  });
});
