/**
 * The slug rule (issue 12): the front matter's slug, else a person's file name, else an editor's
 * short slug of the title; a machine's file name (hash, UUID, digits and hex, export-123) is no slug.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { editorSlugFromTitle, isMachineName, slugFromFileName } from '../../src/domain/slug.js';
import { SAMPLES_DIR, SEED_TEXT } from '../support/seed.js';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const slugOf = (text: string, fileName?: string) => {
  const result = parseBriefing(text, { fileName, now: NOW });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.slug;
};
const withoutFrontMatter = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('given file stems a machine made', () => {
  const machine = ['000_4dd67e00ecd1d115', '4dd67e00ecd1d115', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', '20261124', '2026-11-24', 'export-123', 'Export (3)', 'untitled', 'document_v2', 'IMG_0042', 'x7k2p9q4m1'];
  for (const stem of machine) {
    it(`then "${stem}" is a machine name and the seed named ${stem}.txt gets japan-us-tariffs from its title`, () => {
      expect(isMachineName(stem)).toBe(true);
      expect(slugFromFileName(`inbox/${stem}.txt`)).toBe('');
      expect(slugOf(SEED_TEXT, `${stem}.txt`)).toBe('japan-us-tariffs');
    });
  }

  it('then stems a person chose are kept, numbers and all', () => {
    for (const [stem, slug] of [
      ['japan-tariffs', 'japan-tariffs'],
      ['Japan Tariffs (v2)', 'japan-tariffs-v2'],
      ['opec-2026-cuts', 'opec-2026-cuts'],
      ['f35-sale', 'f35-sale'],
      ['cafe', 'cafe'],
    ] as const) {
      expect(isMachineName(stem), stem).toBe(false);
      expect(slugOf(SEED_TEXT, `${stem}.md`)).toBe(slug);
    }
  });

  it('then the front matter slug still comes first', () => {
    expect(slugOf(`---\nslug: my-own-slug\n---\n${SEED_TEXT}`, '000_4dd67e00ecd1d115.txt')).toBe('my-own-slug');
  });
});

describe('given the as-delivered seed, 000_4dd67e00ecd1d115.txt', () => {
  it('then its slug is short and readable: subject and object, no brand, verb or stop words, "USTARIFFS" split', () => {
    expect(slugOf(SEED_TEXT, '000_4dd67e00ecd1d115.txt')).toBe('japan-us-tariffs');
  });
});

describe('given every sample briefing, named by a machine', () => {
  const samples = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.md') && name !== 'README.md');
  const slugs = new Map(samples.map((name) => [name, slugOf(withoutFrontMatter(readFileSync(join(SAMPLES_DIR, name), 'utf8')), '9f2c4e1a7b3d.txt')]));

  it('then each title gives an editor\'s slug: short, readable, and distinct from the others', () => {
    expect(Object.fromEntries(slugs)).toEqual({
      'arctic-northern-sea-route.md': 'russia-china-northern-sea-route',
      'asml-lithography-rules.md': 'hague-asml-china-service-desks',
      'black-sea-grain-deal.md': 'istanbul-black-sea-deal',
      'eu-china-ev-tariffs.md': 'brussels-ev-tariffs',
      'hormuz-tanker-seizures.md': 'iran-tanker-fujairah',
      'india-china-border.md': 'india-china-early-harvest',
      'japan-tariffs.md': 'japan-us-tariffs',
      'japan-us-defense-costs.md': 'tokyo-washington-bill',
      'korea-chip-subsidies.md': 'seoul-cash-cheques-chipmakers',
      'opec-output-cuts.md': 'opec-output-cut',
      'panama-canal-drought.md': 'drought-panama-canal',
      'rare-earth-export-licences.md': 'china-rare-earth-truce',
      'red-sea-shipping.md': 'red-sea-war-risk',
      'sahel-niger-ecowas.md': 'niger-uranium-convoy-sahel',
      'taiwan-chip-export-controls.md': 'taipei-chip-gate-china',
      'uae-ai-chip-campus.md': 'washington-ai-chip-shipments',
      'ukraine-minerals-fund.md': 'us-ukraine-minerals-fund',
    });
    expect(new Set(slugs.values()).size).toBe(samples.length);
    for (const slug of slugs.values()) {
      expect(slug.split('-').length, slug).toBeLessThanOrEqual(5);
      expect(slug.length, slug).toBeLessThanOrEqual(40);
      expect(slug, slug).not.toMatch(/lumen|insight|\b(?:the|a|an|of|on|and)\b/);
    }
  });
});

describe('given titles on their own', () => {
  it('then the brand, the verb and an idiom\'s light word go, and a second clause is left out', () => {
    expect(editorSlugFromTitle('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS', new Set(['us', 'tariffs']))).toBe('japan-us-tariffs');
    expect(editorSlugFromTitle('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS')).toBe('japan-ustariffs');
    expect(editorSlugFromTitle('OPEC+ REVERSES COURSE WITH A NEW OUTPUT CUT')).toBe('opec-output-cut');
    expect(editorSlugFromTitle('ISTANBUL BROKERS A BLACK SEA DEAL, MOSCOW ASKS FOR ITS AGRICULTURAL BANK')).toBe('istanbul-black-sea-deal');
    expect(editorSlugFromTitle('Erdoğan Backs Türkiye’s Grain Corridor')).toBe('erdogan-turkiye-grain-corridor');
    expect(editorSlugFromTitle('LUMEN INSIGHT: THE A AN')).toBe('');
  });
});
