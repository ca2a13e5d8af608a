import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { SECTION_CHOICES, SECTIONS, type SectionChoice } from '../../src/domain/briefing-sections.js';
import { renderFullBriefing } from '../../src/render/index.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import { generateBriefing, Rng } from '../render/briefing-generator.js';
import {
  allEmbeds,
  buttonsOf,
  embedsOf,
  liftFollowUpLimits,
  readable,
  rejectedRequests,
  saveBriefing,
  selectsOf,
  settle,
  startLoggedSandbox,
  textOf,
  type LogLines,
} from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;
let japan: Briefing;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
  japan = sandbox.app.library.get('japan-tariffs') as Briefing;
});
afterAll(async () => {
  await sandbox.stop();
});

const brief = async (options: Record<string, string>) => settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options }));

/** Words from a source text that must show in the answer (the renderer escapes markdown, so compare readable text). */
const opening = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 60);

describe('given /brief briefing:japan-tariffs without a section', () => {
  it('then the bot posts the compact card in the channel: title, summary, key variables, trends', async () => {
    const { messages, summary } = await brief({ briefing: 'japan-tariffs' });
    expect(summary.outcome).toBe('ok');
    expect(messages).toHaveLength(1);
    const [card] = messages;
    expect(card?.ephemeral).toBe(false);
    expect(sandbox.discord.channelMessages('general').map((m) => m.id)).toContain(card?.id);
    const [embed] = embedsOf(card);
    expect(embed?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(readable(embed?.description ?? '')).toContain(opening(japan.summary));
    expect(embed?.footer?.text).toBe('japan-tariffs · published 2026-11-25');
    const fields = embed?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(['🧨 Key Variables', '📈 Trend Prediction']);
    expect(readable(fields[0]?.value ?? '').split('\n')).toEqual(japan.keyVariables.map((kv) => `${kv.n}. ${kv.text}`));
    expect(readable(fields[1]?.value ?? '').split('\n')).toEqual(japan.trends.map((t) => `${t.n}. ${t.text}`));
  });

  it('then the card carries the four buttons Key variables, Trends, Positions, Full briefing and the key-variable select', async () => {
    const { messages } = await brief({ briefing: 'japan-tariffs' });
    const buttons = buttonsOf(messages[0]);
    expect(buttons.map((b) => [b.label, b.custom_id, b.disabled ?? false])).toEqual([
      ['Key variables', 'lb1|sec|japan-tariffs|var', false],
      ['Trends', 'lb1|sec|japan-tariffs|trd', false],
      ['Positions', 'lb1|sec|japan-tariffs|pos', false],
      ['Full briefing', 'lb1|sec|japan-tariffs|full', false],
    ]);
    const [select] = selectsOf(messages[0]);
    expect(select?.custom_id).toBe('lb1|var|japan-tariffs');
    expect(select?.options?.map((o) => o.value)).toEqual(['1', '2', '3', '4']);
    expect(select?.options?.[0]?.label).toBe('1. Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
  });
});

/** For each section: the source text its answer must show. */
const SECTION_EVIDENCE: Record<SectionChoice, (b: Briefing) => string[]> = {
  summary: (b) => [opening(b.summary)],
  incident: (b) => [opening(b.incident)],
  motivations: (b) => b.motivations.map((m) => `${m.label}: ${opening(m.text)}`),
  structure: (b) => b.structure.dimensions.flatMap((d) => [d.name, ...Object.entries(d.positions).map(([actor, text]) => `${actor}: ${opening(text)}`)]),
  variables: (b) => b.keyVariables.map((kv) => `${kv.n}. ${kv.text}`),
  trends: (b) => b.trends.map((t) => `${t.n}. ${t.text}`),
  structural: (b) => [opening(b.structuralSummary)],
};

describe('given /brief with each section choice', () => {
  it.each(SECTION_CHOICES)('given section:%s, then the reply is that section under its emoji heading, with the card buttons to go on', async (section) => {
    const { messages, summary } = await brief({ briefing: 'japan-tariffs', section });
    expect(summary.outcome).toBe('ok');
    expect(messages.every((m) => !m.ephemeral)).toBe(true);
    const embeds = allEmbeds(messages);
    expect(embeds[0]?.title).toContain(SECTIONS[section].heading);
    expect(embeds[0]?.author?.name).toBe(japan.title);
    const text = readable(textOf(messages));
    for (const evidence of SECTION_EVIDENCE[section](japan)) expect(text).toContain(evidence);
    const labels = buttonsOf(messages.at(-1)).map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['Card', 'Key variables', 'Trends', 'Positions', 'Full briefing']));
  });
});

describe('given /brief section:full', () => {
  it('given japan-tariffs, then every section is present across the messages, in the source order', async () => {
    const { messages, summary } = await brief({ briefing: 'japan-tariffs', section: 'full' });
    expect(summary.outcome).toBe('ok');
    const titles = allEmbeds(messages).map((e) => e.title ?? '');
    expect(titles[0]).toBe(japan.title);
    const order = SECTION_CHOICES.filter((s) => s !== 'summary').map((s) => titles.findIndex((t) => t.includes(SECTIONS[s].heading)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const text = readable(textOf(messages));
    for (const section of SECTION_CHOICES) for (const evidence of SECTION_EVIDENCE[section](japan)) expect(text).toContain(evidence);
  });

  it('given a briefing too long for one message, then it is split over several messages, each accepted by the emulator, exactly as rendered', async () => {
    liftFollowUpLimits(sandbox);
    const long = { ...generateBriefing(new Rng(7), 'medium'), slug: 'long-briefing-split', title: 'A long briefing to split' };
    long.summary = `${long.summary} `.repeat(3).trim();
    await saveBriefing(sandbox, long);
    const expected = renderFullBriefing(sandbox.app.library.get(long.slug) as Briefing);
    expect(expected.length).toBeGreaterThan(1);
    const { messages, summary } = await brief({ briefing: long.slug, section: 'full' });
    expect(summary.outcome).toBe('ok');
    expect(messages).toHaveLength(expected.length);
    messages.forEach((message, i) => {
      const got = embedsOf(message).map(({ title, description, fields, author, footer }) => ({ title, description, fields, author, footer }));
      const want = (expected[i]?.embeds ?? []).map(({ title, description, fields, author, footer }) => ({ title, description, fields, author, footer }));
      expect(got).toEqual(want);
    });
    const continued = allEmbeds(messages).filter((e) => e.title?.endsWith('(continued)'));
    expect(continued.length).toBeGreaterThan(0);
    expect(rejectedRequests(sandbox)).toEqual([]);
  });
});

describe('given the buttons and the select on a /brief card', () => {
  let card: Awaited<ReturnType<typeof brief>>['messages'][number];
  beforeAll(async () => {
    card = (await brief({ briefing: 'japan-tariffs' })).messages[0] as typeof card;
  });

  const press = (customId: string) => settle(log, sandbox.discord.interact.clickButton({ message: card, customId, user: 'member' }));

  it('given Key variables is pressed, then only the presser sees the key variables', async () => {
    const { messages, summary } = await press('lb1|sec|japan-tariffs|var');
    expect(summary).toMatchObject({ command: 'component:view', outcome: 'ok' });
    expect(messages.every((m) => m.ephemeral)).toBe(true);
    expect(allEmbeds(messages)[0]?.title).toBe('🧨 Key Variables');
    expect(readable(textOf(messages))).toContain('4. Will China take advantage of the situation');
  });

  it('given Card is pressed under a section, then the presser gets the compact card back', async () => {
    const section = (await brief({ briefing: 'japan-tariffs', section: 'incident' })).messages.at(-1);
    const { messages, summary } = await settle(log, sandbox.discord.interact.clickButton({ message: section as typeof card, customId: 'lb1|sec|japan-tariffs|card' }));
    expect(summary.outcome).toBe('ok');
    expect(messages[0]?.ephemeral).toBe(true);
    expect(embedsOf(messages[0])[0]?.title).toBe(japan.title);
    expect(buttonsOf(messages[0]).map((b) => b.label)).toEqual(['Key variables', 'Trends', 'Positions', 'Full briefing']);
  });

  it('given Trends is pressed, then the presser sees the trend predictions', async () => {
    const { messages } = await press('lb1|sec|japan-tariffs|trd');
    expect(messages.every((m) => m.ephemeral)).toBe(true);
    expect(allEmbeds(messages)[0]?.title).toBe('📈 Trend Prediction');
    for (const t of japan.trends) expect(readable(textOf(messages))).toContain(`${t.n}. ${t.text}`);
  });

  it('given Positions is pressed, then the presser sees the position table as one field per dimension', async () => {
    const { messages } = await press('lb1|sec|japan-tariffs|pos');
    expect(messages.every((m) => m.ephemeral)).toBe(true);
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('📊 Structural Perspectives');
    expect(embed?.fields?.map((f) => f.name)).toEqual(japan.structure.dimensions.map((d) => d.name));
    expect(readable(embed?.fields?.[0]?.value ?? '')).toBe('U.S.: Strong pressure, exchanging tariffs for structural concessions\nJapan: Attempts to buffer, avoid re-imbalance');
  });

  it('given Full briefing is pressed, then the presser sees every section', async () => {
    const { messages } = await press('lb1|sec|japan-tariffs|full');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.ephemeral)).toBe(true);
    const titles = allEmbeds(messages).map((e) => e.title ?? '');
    for (const section of SECTION_CHOICES.filter((s) => s !== 'summary')) expect(titles.some((t) => t.includes(SECTIONS[section].heading))).toBe(true);
  });

  it('given key variable 1 is picked in the select, then the presser sees it with its related trends and positions', async () => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.selectMenu({ message: card, customId: 'lb1|var|japan-tariffs', values: ['1'], user: 'member' }));
    expect(summary).toMatchObject({ command: 'component:variable', outcome: 'ok' });
    expect(messages.every((m) => m.ephemeral)).toBe(true);
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('🧨 Key Variables: 1 of 4');
    expect(readable(embed?.description ?? '')).toBe(japan.keyVariables[0]?.text);
    expect(embed?.fields?.map((f) => f.name)).toEqual(['📈 Trend Prediction: related', '📊 Structural Perspectives: related positions']);
    expect(embed?.fields?.every((f) => f.value !== '*None found.*')).toBe(true);
    expect(readable(embed?.fields?.[1]?.value ?? '')).toContain('U.S. on Tariff Policy Tools');
    const [select] = selectsOf(messages.at(-1));
    expect(select?.options?.find((o) => o.default)?.value).toBe('1');
  });

  it('given the bot restarts, then a button on the card posted before the restart still answers', async () => {
    await sandbox.restart();
    const { messages, summary } = await press('lb1|sec|japan-tariffs|trd');
    expect(summary.outcome).toBe('ok');
    expect(allEmbeds(messages)[0]?.title).toBe('📈 Trend Prediction');
    const picked = await settle(log, sandbox.discord.interact.selectMenu({ message: card, customId: 'lb1|var|japan-tariffs', values: ['4'] }));
    expect(allEmbeds(picked.messages)[0]?.title).toBe('🧨 Key Variables: 4 of 4');
  });
});
