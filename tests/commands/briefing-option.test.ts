import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { buttonsOf, embedsOf, saveBriefing, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';
import { generateBriefing } from '../../bench/generate-briefings.js';

let sandbox: Sandbox;
let log: LogLines;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
});
afterAll(async () => {
  await sandbox.stop();
});

const complete = (name: string, typed: string) => sandbox.discord.interact.autocomplete({ name, focused: 'briefing', options: { briefing: typed } });

describe('given the briefing option is being typed', () => {
  it('given "japn tarif" (typos, half words), then japan-tariffs is offered first', async () => {
    const choices = await complete('brief', 'japn tarif');
    expect(choices[0]?.value).toBe('japan-tariffs');
    expect(choices[0]?.name).toMatch(/JAPAN TAKES STAND ON USTARIFFS/);
  });

  it.each(['brief', 'variable', 'trend', 'position', 'ask'])('given /%s, then its briefing option autocompletes the same way', async (name) => {
    const choices = await complete(name, 'red sea');
    expect(choices[0]?.value).toBe('red-sea-shipping');
  });

  it('given nothing typed yet, then the newest briefings come first', async () => {
    const choices = await complete('brief', '');
    const all = sandbox.app.library.list();
    expect(choices.map((c) => c.value).sort()).toEqual(all.map((b) => b.slug).sort());
    const dates = choices.map((c) => sandbox.app.library.get(String(c.value))?.publishedAt ?? '');
    expect(dates[0]).toBe(all[0]?.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('given an archive of more than 25 briefings, then at most 25 choices come back, each name at most 100 characters', async () => {
    const many = Array.from({ length: 40 }, (_, i) => generateBriefing(i));
    for (const briefing of many) briefing.title = `${briefing.title} ${'AND A VERY LONG TAIL OF WORDS '.repeat(6)}`;
    for (const briefing of many) await saveBriefing(sandbox, briefing);
    for (const typed of ['', 'china', 'tariffs', 'x']) {
      const choices = await complete('brief', typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(String(choice.value).length).toBeLessThanOrEqual(100);
      }
    }
    expect(await complete('brief', '')).toHaveLength(25);
  });
});

describe('given a typed name that is not a slug', () => {
  it('given /brief briefing:japan-tarifs (one briefing is the clear best match), then it answers with that card and a one-line note', async () => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan-tarifs' } }));
    expect(summary).toMatchObject({ command: 'brief', outcome: 'ok' });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.ephemeral).toBe(false);
    expect(messages[0]?.content).toBe('-# Showing `japan-tariffs`, the closest match to “japan-tarifs”.');
    expect(embedsOf(messages[0])[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });

  it.each([
    ['variable', 'red-sea-shiping', 'RED SEA'],
    ['trend', 'red sea shiping', 'RED SEA'],
    ['position', 'black-sea-grain', 'BLACK SEA'],
  ])('given /%s briefing:%s, then it resolves the same way', async (name, typed, title) => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.slashCommand({ name, options: { briefing: typed } }));
    expect(summary.outcome).toBe('ok');
    expect(messages[0]?.content).toMatch(/^-# Showing `[a-z-]+`, the closest match to “/);
    expect(textOf(messages)).toContain(title);
  });

  it('given /ask with a briefing typed with a typo, then the answer keeps to the briefing it clearly meant', async () => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'ask', options: { question: 'car tariffs', briefing: 'japan-tarifs' } }));
    expect(summary.outcome).toBe('ok');
    expect(messages[0]?.content).toBe('-# Showing `japan-tariffs`, the closest match to “japan-tarifs”.');
  });

  it('given /brief briefing:japan (two briefings fit about as well), then only the user sees both candidates, with buttons to open them', async () => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan' } }));
    expect(summary).toMatchObject({ command: 'brief', outcome: 'user-error' });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.ephemeral).toBe(true);
    const text = textOf(messages);
    expect(text).toContain('No briefing is called “japan”. Did you mean one of these?');
    expect(text).toContain('`japan-tariffs`: LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(text).toContain('`japan-us-defense-costs`');
    const buttons = buttonsOf(messages[0]);
    expect(buttons.map((b) => b.custom_id)).toEqual(expect.arrayContaining(['lb1|open|japan-tariffs', 'lb1|open|japan-us-defense-costs']));
    expect(buttons.length).toBeLessThanOrEqual(5);
  });

  it('given a suggestion is pressed, then its card opens', async () => {
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'variable', options: { briefing: 'japan' } }));
    const opened = await settle(log, sandbox.discord.interact.clickButton({ message: messages[0] as StoredMessage, customId: 'lb1|open|japan-tariffs' }));
    expect(opened.summary.outcome).toBe('ok');
    expect(opened.messages[0]?.ephemeral).toBe(true);
    expect(embedsOf(opened.messages[0])[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });

  it.each(['variable', 'trend', 'position'])('given /%s with an ambiguous name, then it answers with the closest matches too', async (name) => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.slashCommand({ name, options: { briefing: 'japan' } }));
    expect(summary.outcome).toBe('user-error');
    expect(messages[0]?.ephemeral).toBe(true);
    expect(buttonsOf(messages[0]).map((b) => b.custom_id)).toContain('lb1|open|japan-us-defense-costs');
  });

  it('given a slug nothing resembles, then the reply suggests /search instead', async () => {
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'qqqqqqqq' } }));
    expect(messages[0]?.ephemeral).toBe(true);
    expect(textOf(messages)).toMatch(/No briefing is called “qqqqqqqq”/);
  });
});
