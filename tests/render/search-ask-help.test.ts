import { describe, expect, it } from 'vitest';
import { renderAskResults } from '../../src/render/ask-results.js';
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import { renderHelp } from '../../src/render/help-message.js';
import type { ApiButton, MessagePayload } from '../../src/render/message-payload.js';
import { renderSearchResults } from '../../src/render/search-results.js';
import { renderUnknownBriefing, renderUserError } from '../../src/render/user-error.js';
import { getBriefing } from '../support/briefing-factory.js';
import { assertWithinDiscordLimits } from './limits-checker.js';

const results = Array.from({ length: 25 }, (_, i) => ({
  slug: `briefing-${i + 1}`,
  title: `Briefing number ${i + 1}`,
  score: 1 - i / 100,
  field: 'keyVariables',
  snippet: `…tariffs on Japanese automakers, case ${i + 1}…`,
}));
const buttons = (message: MessagePayload, row: number): ApiButton[] => (message.components[row]?.components ?? []) as ApiButton[];

describe('renderSearchResults', () => {
  it('given 25 results and page 1 of 10, then ten numbered hits, Previous disabled, Next to page 2, and Open buttons', () => {
    const message = renderSearchResults('japan tariffs', results, 1, 10);
    assertWithinDiscordLimits(message);
    const embed = message.embeds[0];
    expect(embed?.title).toBe('🔎 “japan tariffs”');
    expect(embed?.description).toBe('Page 1 of 3 · 25 briefings found');
    expect(embed?.fields?.[0]).toEqual({ name: '1. Briefing number 1', value: '…tariffs on Japanese automakers, case 1…\n`briefing-1` · matched in key variables' });
    const [previous, next] = buttons(message, 0);
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBeUndefined();
    expect(decodeCustomId(next?.custom_id ?? '')).toEqual({ kind: 'search', page: 2, query: 'japan tariffs' });
    const open = [...buttons(message, 1), ...buttons(message, 2)];
    expect(open.map((b) => b.label)).toEqual(Array.from({ length: 10 }, (_, i) => `Open ${i + 1}`));
    expect(decodeCustomId(open[9]?.custom_id ?? '')).toEqual({ kind: 'open', slug: 'briefing-10' });
  });

  it('given the last page, then Next is disabled and the hits are numbered on from the earlier pages', () => {
    const message = renderSearchResults('japan tariffs', results, 3, 10);
    expect(message.embeds[0]?.fields?.map((f) => f.name.split('.')[0])).toEqual(['21', '22', '23', '24', '25']);
    const [previous, next] = buttons(message, 0);
    expect(decodeCustomId(previous?.custom_id ?? '')).toEqual({ kind: 'search', page: 2, query: 'japan tariffs' });
    expect(next?.disabled).toBe(true);
  });

  it('given a page past the end or a huge page size, then the page is clamped and at most 10 hits show', () => {
    expect(renderSearchResults('q', results, 99, 10).embeds[0]?.description).toBe('Page 3 of 3 · 25 briefings found');
    expect(renderSearchResults('q', results, 1, 500).embeds[0]?.fields).toHaveLength(10);
  });

  it('given no results, then it suggests what to try and offers no buttons', () => {
    const message = renderSearchResults('@everyone zzz', [], 1, 10);
    expect(message.embeds[0]?.description).toContain('Nothing matches “@\u200beveryone zzz”.');
    expect(message.embeds[0]?.description).toContain('/ask');
    expect(message.components).toEqual([]);
  });
});

describe('renderAskResults', () => {
  const seed = getBriefing();
  const ask = [
    { slug: 'japan-tariffs', keyVariable: seed.keyVariables[0] ?? { n: 1, text: 'x' }, score: 2, related: { trends: [seed.trends[0] ?? { n: 1, text: 'x' }], positions: [] } },
    { slug: 'japan-tariffs', keyVariable: seed.keyVariables[1] ?? { n: 2, text: 'x' }, score: 1, related: { trends: [], positions: [] } },
  ];

  it('given two key variables of one briefing, then the first with its related material, the second one line with a button to open it', () => {
    const [message] = renderAskResults('Will the U.S. raise tariffs on cars?', ask, () => seed.title);
    assertWithinDiscordLimits(message ?? { embeds: [], components: [] });
    const embed = message?.embeds[0];
    expect(embed?.author?.name).toBe(seed.title);
    expect(embed?.description).toBe(`🧨 **Key variable 1:** ${seed.keyVariables[0]?.text}\n📈 **Trend 1:** ${seed.trends[0]?.text}`);
    expect(embed?.fields).toEqual([{ name: 'Other candidates', value: `2. ${seed.title}, key variable 2: ${seed.keyVariables[1]?.text}` }]);
    const buttons = message?.components.flatMap((row) => row.components) as ApiButton[];
    expect(buttons.map((b) => decodeCustomId(b.custom_id ?? ''))).toEqual([
      { kind: 'variable', slug: 'japan-tariffs', n: 1 },
      { kind: 'open', slug: 'japan-tariffs' },
      { kind: 'variable', slug: 'japan-tariffs', n: 2 },
    ]);
    expect(buttons[2]?.label).toBe('2. japan-tariffs, key variable 2');
  });

  it('given no match, then a helpful message with suggestions', () => {
    const [message] = renderAskResults('why is the sky blue', [], () => '');
    expect(message?.embeds[0]?.title).toBe('❓ No matching key variable');
    expect(message?.embeds[0]?.description).toContain('briefing:<slug>');
  });
});

describe('renderHelp', () => {
  it('given the commands, then one field each with the description and the usage as code', () => {
    const [message] = renderHelp([
      { name: 'brief', description: 'Show a briefing.', usage: '/brief briefing:<slug> [section:<name>]' },
      { name: 'search', description: 'Search the archive.', usage: '/search query:<text>' },
    ]);
    expect(message?.embeds[0]?.fields).toEqual([
      { name: '/brief', value: 'Show a briefing.\n`/brief briefing:<slug> [section:<name>]`' },
      { name: '/search', value: 'Search the archive.\n`/search query:<text>`' },
    ]);
    assertWithinDiscordLimits(message ?? { embeds: [], components: [] });
  });
});

describe('renderUserError and renderUnknownBriefing', () => {
  it('given a message and hints, then one short red embed', () => {
    expect(renderUserError('Unknown section.', ['Try `summary`.'])).toEqual({
      embeds: [{ description: '⚠️ Unknown section.\n\n• Try `summary`.', color: 0xd93f3f }],
      components: [],
    });
  });

  it('given an unknown slug and close matches, then it names them and offers a button for each', () => {
    const message = renderUnknownBriefing('japan-tarifs', [{ slug: 'japan-tariffs', title: 'Japan takes a stand' }]);
    expect(message.embeds[0]?.description).toBe('⚠️ No briefing is called “japan-tarifs”. Did you mean one of these?\n\n• `japan-tariffs`: Japan takes a stand');
    expect(decodeCustomId((message.components[0]?.components[0] as ApiButton).custom_id ?? '')).toEqual({ kind: 'open', slug: 'japan-tariffs' });
  });
});
