import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import { renderKeyVariable, renderKeyVariables, renderTrends } from '../../src/render/key-variable-messages.js';
import type { ApiStringSelect } from '../../src/render/message-payload.js';
import { isUserError } from '../../src/render/user-error.js';
import { getBriefing } from '../support/briefing-factory.js';
import { assertWithinDiscordLimits } from './limits-checker.js';

const seed = getBriefing();
const related = {
  trends: [{ n: 3, text: seed.trends[2]?.text ?? '' }],
  positions: [{ dimension: 'Tariff Policy Tools', actor: 'U.S.', text: 'Strong pressure, exchanging tariffs for structural concessions' }],
};

describe('renderKeyVariables', () => {
  it('given the seed, then the four are numbered lines, with the select to open one and the navigation row', () => {
    const [message] = renderKeyVariables(seed);
    expect(message?.embeds[0]?.title).toBe('🧨 Key Variables');
    expect(message?.embeds[0]?.description?.split('\n')).toHaveLength(4);
    expect(message?.components.map((r) => r.components[0]?.type)).toEqual([3, 2]);
    assertWithinDiscordLimits(message ?? { embeds: [], components: [] });
  });
});

describe('renderKeyVariable', () => {
  it('given number 1 and related material, then the variable leads, followed by its trends and positions', () => {
    const [message] = renderKeyVariable(seed, 1, related);
    const embed = message?.embeds[0];
    expect(embed?.title).toBe('🧨 Key Variables: 1 of 4');
    expect(embed?.description).toBe('Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
    expect(embed?.fields).toEqual([
      { name: '📈 Trend Prediction: related', value: `**3.** ${seed.trends[2]?.text}` },
      { name: '📊 Structural Perspectives: related positions', value: '**U.S.** on *Tariff Policy Tools*: Strong pressure, exchanging tariffs for structural concessions' },
    ]);
    assertWithinDiscordLimits(message ?? { embeds: [], components: [] });
  });

  it('given a variable, then the select shows it as chosen and still names the briefing', () => {
    const [message] = renderKeyVariable(seed, 2, related);
    const select = message?.components[0]?.components[0] as ApiStringSelect;
    expect(decodeCustomId(select.custom_id)).toEqual({ kind: 'variable', slug: 'japan-tariffs' });
    expect(select.options.filter((o) => o.default).map((o) => o.value)).toEqual(['2']);
  });

  it('given nothing related, then the fields say none was found', () => {
    const [message] = renderKeyVariable(seed, 4, { trends: [], positions: [] });
    expect(message?.embeds[0]?.fields?.map((f) => f.value)).toEqual(['*None found.*', '*None found.*']);
  });

  it('given a number the briefing does not have, then an error names the valid numbers', () => {
    const [error] = renderKeyVariable(seed, 9, related);
    expect(isUserError(error ?? { embeds: [], components: [] })).toBe(true);
    expect(error?.embeds[0]?.description).toBe('⚠️ There is no key variable 9 in this briefing. Its key variables are numbered 1, 2, 3, 4.');
  });
});

describe('renderTrends', () => {
  it('given no number, then all four trends are listed', () => {
    const [message] = renderTrends(seed);
    expect(message?.embeds[0]?.title).toBe('📈 Trend Prediction');
    expect(message?.embeds[0]?.description?.split('\n').map((l) => l.slice(0, 6))).toEqual(['**1.**', '**2.**', '**3.**', '**4.**']);
  });

  it('given a number, then that trend alone; given a wrong one, then an error', () => {
    const [message] = renderTrends(seed, 2);
    expect(message?.embeds[0]?.title).toBe('📈 Trend Prediction: 2 of 4');
    expect(message?.embeds[0]?.description).toBe(seed.trends[1]?.text);
    expect(renderTrends(seed, 5)[0]?.embeds[0]?.description).toContain('There is no trend 5');
  });
});
