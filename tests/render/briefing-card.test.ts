import { describe, expect, it } from 'vitest';
import { renderBriefingCard } from '../../src/render/briefing-card.js';
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import type { ApiButton, ApiStringSelect } from '../../src/render/message-payload.js';
import { getBriefing } from '../support/briefing-factory.js';
import { assertWithinDiscordLimits } from './limits-checker.js';

describe('renderBriefingCard', () => {
  describe('given the seed briefing', () => {
    const seed = getBriefing();
    const card = renderBriefingCard(seed);
    const embed = card.embeds[0];

    it('then it is one embed titled with the briefing title, the summary as description, slug and date in the footer', () => {
      expect(card.embeds).toHaveLength(1);
      expect(embed?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
      expect(embed?.description).toBe(seed.summary);
      expect(embed?.footer?.text).toBe('japan-tariffs · published 2026-11-24');
    });

    it('then it lists the 4 key variables and the 4 trends, numbered, under the source’s section emoji', () => {
      const [variables, trends] = embed?.fields ?? [];
      expect(variables?.name).toBe('🧨 Key Variables');
      expect(variables?.value.split('\n')).toHaveLength(4);
      expect(variables?.value.split('\n')[0]).toBe('**1.** Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
      expect(trends?.name).toBe('📈 Trend Prediction');
      expect(trends?.value.split('\n').map((l) => l.slice(0, 6))).toEqual(['**1.**', '**2.**', '**3.**', '**4.**']);
    });

    it('then the first row has the buttons Key variables, Trends, Positions and Full briefing, each naming its view', () => {
      const buttons = card.components[0]?.components as ApiButton[];
      expect(buttons.map((b) => b.label)).toEqual(['Key variables', 'Trends', 'Positions', 'Full briefing']);
      expect(buttons.map((b) => decodeCustomId(b.custom_id ?? ''))).toEqual([
        { kind: 'view', slug: 'japan-tariffs', view: 'variables' },
        { kind: 'view', slug: 'japan-tariffs', view: 'trends' },
        { kind: 'view', slug: 'japan-tariffs', view: 'structure' },
        { kind: 'view', slug: 'japan-tariffs', view: 'full' },
      ]);
      expect(buttons.some((b) => b.disabled)).toBe(false);
    });

    it('then the second row is the select "Open a key variable…" with one option per key variable, valued by number', () => {
      const select = card.components[1]?.components[0] as ApiStringSelect;
      expect(select.type).toBe(3);
      expect(select.placeholder).toBe('Open a key variable…');
      expect(decodeCustomId(select.custom_id)).toEqual({ kind: 'variable', slug: 'japan-tariffs' });
      expect(select.options.map((o) => o.value)).toEqual(['1', '2', '3', '4']);
      expect(select.options[0]?.label).toBe('1. Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
    });

    it('then it is within every Discord limit', () => {
      assertWithinDiscordLimits(card);
    });
  });

  it('given a briefing without section emoji, then the default emoji anchor the fields', () => {
    const card = renderBriefingCard(getBriefing({ sectionEmoji: {} }));
    expect(card.embeds[0]?.fields?.map((f) => f.name)).toEqual(['🧨 Key Variables', '📈 Trend Prediction']);
  });

  it('given a key variable longer than an option label, then the label is cut at a word with "…"', () => {
    const text = 'Will the United States and Japan agree on a framework covering automobiles, semiconductors, agriculture and defence procurement before the summit?';
    const card = renderBriefingCard(getBriefing({ keyVariables: [{ n: 1, text }] }));
    const label = (card.components[1]?.components[0] as ApiStringSelect).options[0]?.label ?? '';
    expect(label.length).toBeLessThanOrEqual(100);
    expect(label).toMatch(/^1\. Will the United States .*[a-z,]…$/);
    expect(`1. ${text}`.startsWith(label.slice(0, -1))).toBe(true);
  });

  it('given 60 long key variables, then the card lists what fits, says how many more, and the select offers the first 25', () => {
    const keyVariables = Array.from({ length: 60 }, (_, i) => ({ n: i + 1, text: `Question ${i + 1} ${'about tariffs '.repeat(40)}` }));
    const card = renderBriefingCard(getBriefing({ keyVariables }));
    assertWithinDiscordLimits(card);
    expect(card.embeds[0]?.fields?.[0]?.value).toMatch(/\*…and \d+ more: press Key variables\.\*$/);
    const select = card.components[1]?.components[0] as ApiStringSelect;
    expect(select.options).toHaveLength(25);
    expect(select.placeholder).toBe('Open a key variable (1–25 of 60)…');
  });

  it('given a briefing with no key variables, trends or table, then there is no select and those buttons are disabled', () => {
    const card = renderBriefingCard(getBriefing({ keyVariables: [], trends: [], structure: { actors: [], dimensions: [] } }));
    expect(card.components).toHaveLength(1);
    expect((card.components[0]?.components as ApiButton[]).map((b) => Boolean(b.disabled))).toEqual([true, true, true, false]);
    expect(card.embeds[0]?.fields).toBeUndefined();
    assertWithinDiscordLimits(card);
  });

  it('given a briefing whose text pings and formats, then the card shows it defused and escaped', () => {
    const card = renderBriefingCard(getBriefing({ title: '**@everyone** read this', summary: '@here > _look_ <@123>' }));
    expect(card.embeds[0]?.title).toBe('\\*\\*@\u200beveryone\\*\\* read this');
    expect(card.embeds[0]?.description).toBe('@\u200bhere > \\_look\\_ <\u200b@123>');
  });
});
