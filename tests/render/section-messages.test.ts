import { describe, expect, it } from 'vitest';
import { SECTION_CHOICES } from '../../src/domain/briefing-sections.js';
import { renderBriefingView, renderFullBriefing } from '../../src/render/briefing-message.js';
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import type { ApiButton, MessagePayload } from '../../src/render/message-payload.js';
import { renderSection } from '../../src/render/section-messages.js';
import { getBriefing } from '../support/briefing-factory.js';
import { assertWithinDiscordLimits } from './limits-checker.js';

const seed = getBriefing();
const titles = (messages: MessagePayload[]): string[] => messages.flatMap((m) => m.embeds.map((e) => e.title ?? ''));

describe('renderSection', () => {
  it.each(SECTION_CHOICES)('given the seed and section %s, then it renders within limits, under the section heading, with navigation', (section) => {
    const messages = renderSection(seed, section);
    for (const message of messages) assertWithinDiscordLimits(message);
    const last = messages[messages.length - 1];
    const buttons = last?.components.at(-1)?.components as ApiButton[];
    expect(buttons.map((b) => b.label)).toEqual(['Card', 'Key variables', 'Trends', 'Positions', 'Full briefing']);
    expect(buttons.filter((b) => b.disabled).length).toBeLessThanOrEqual(1);
    expect(messages[0]?.embeds[0]?.author?.name).toBe(seed.title);
  });

  it('given the summary, then the one embed is headed "📝 Summary" and holds the summary', () => {
    const [message] = renderSection(seed, 'summary');
    expect(message?.embeds[0]?.title).toBe('📝 Summary');
    expect(message?.embeds[0]?.description).toBe(seed.summary);
  });

  it('given the motivations, then each is a line led by its label in bold', () => {
    const [message] = renderSection(seed, 'motivations');
    expect(message?.embeds[0]?.description?.split('\n')).toEqual([
      expect.stringMatching(/^\*\*Outward:\*\* Japan seeks/),
      expect.stringMatching(/^\*\*Inward:\*\* Addressing/),
      expect.stringMatching(/^\*\*Toward the U\.S\.:\*\* Applying/),
    ]);
  });

  it('given the trends section, then the Trends button is the disabled one (you are here)', () => {
    const buttons = renderSection(seed, 'trends').at(-1)?.components.at(-1)?.components as ApiButton[];
    const disabled = buttons.filter((b) => b.disabled).map((b) => decodeCustomId(b.custom_id ?? ''));
    expect(disabled).toEqual([{ kind: 'view', slug: 'japan-tariffs', view: 'trends' }]);
  });

  it('given an empty incident, then the section says so rather than sending a blank embed', () => {
    const [message] = renderSection(getBriefing({ incident: '' }), 'incident');
    expect(message?.embeds[0]?.description).toBe('*Not given in this briefing.*');
  });
});

describe('renderFullBriefing', () => {
  it('given the seed, then one message holds every section in order, the footer closing the last embed', () => {
    const messages = renderFullBriefing(seed);
    expect(messages).toHaveLength(1);
    expect(titles(messages)).toEqual([
      seed.title,
      '🗞️ Incident Identification',
      '🎯 Motivation Analysis',
      '📊 Structural Perspectives',
      '🧨 Key Variables',
      '📈 Trend Prediction',
      '📐 Structural Summary',
    ]);
    expect(messages[0]?.embeds.at(-1)?.footer?.text).toBe('japan-tariffs · published 2026-11-24');
    assertWithinDiscordLimits(messages[0] as MessagePayload);
  });

  it('given a summary of 20,000 characters, then it continues over embeds marked "(continued)", each cut after a sentence', () => {
    const summary = Array.from({ length: 400 }, (_, i) => `Sentence ${i} weighs the U.S. tariff threat against Japan's options.`).join(' ');
    const messages = renderFullBriefing(getBriefing({ summary }));
    for (const message of messages) assertWithinDiscordLimits(message);
    const parts = messages.flatMap((m) => m.embeds).filter((e) => e.description?.startsWith('Sentence'));
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.slice(1).every((e) => e.title === `${seed.title} (continued)`)).toBe(true);
    for (const part of parts) expect(part.description).toMatch(/^Sentence \d+ .*options\.$/s);
  });

  it('given a title of 300 characters, then the embed title is cut with "…" and the whole title opens the description', () => {
    const title = `${'Japan and the United States negotiate '.repeat(8)}again`;
    const [first] = renderFullBriefing(getBriefing({ title })).flatMap((m) => m.embeds);
    expect(first?.title?.length).toBeLessThanOrEqual(256);
    expect(first?.title?.endsWith('…')).toBe(true);
    expect(first?.description?.startsWith(`**${title}**\n\n`)).toBe(true);
  });

  it('given 60 key variables of 2,000 characters, then the list spans many embeds and messages, all within limits', () => {
    const keyVariables = Array.from({ length: 60 }, (_, i) => ({ n: i + 1, text: `Variable ${i + 1}: ${'Will tariffs rise again? '.repeat(80)}` }));
    const messages = renderFullBriefing(getBriefing({ keyVariables }));
    for (const message of messages) assertWithinDiscordLimits(message);
    const variableTitles = titles(messages).filter((t) => t.startsWith('🧨'));
    expect(variableTitles[0]).toBe('🧨 Key Variables');
    expect(variableTitles.length).toBeGreaterThan(25);
    expect(variableTitles.slice(1).every((t) => t === '🧨 Key Variables (continued)')).toBe(true);
  });
});

describe('renderBriefingView', () => {
  it('given each view a button can name, then it renders the card, the full briefing or the section', () => {
    expect(renderBriefingView(seed, 'card')[0]?.components).toHaveLength(2);
    expect(renderBriefingView(seed, 'full')).toEqual(renderFullBriefing(seed));
    expect(renderBriefingView(seed, 'incident')).toEqual(renderSection(seed, 'incident'));
  });
});
