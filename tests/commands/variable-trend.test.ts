import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import { allEmbeds, embedsOf, readable, selectsOf, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

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

const run = (name: string, options: Record<string, string | number>) => settle(log, sandbox.discord.interact.slashCommand({ name, options }));

describe('given /variable', () => {
  it('given only a briefing, then the reply lists every key variable, numbered, with the select to open one', async () => {
    const { messages, summary } = await run('variable', { briefing: 'japan-tariffs' });
    expect(summary).toMatchObject({ command: 'variable', outcome: 'ok' });
    expect(messages.every((m) => !m.ephemeral)).toBe(true);
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('🧨 Key Variables');
    expect(readable(embed?.description ?? '').split('\n')).toEqual(japan.keyVariables.map((kv) => `${kv.n}. ${kv.text}`));
    expect(selectsOf(messages.at(-1))[0]?.custom_id).toBe('lb1|var|japan-tariffs');
  });

  it('given number:2, then the reply is key variable 2 with its related trends and the positions that bear on it', async () => {
    const { messages, summary } = await run('variable', { briefing: 'japan-tariffs', number: 2 });
    expect(summary.outcome).toBe('ok');
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('🧨 Key Variables: 2 of 4');
    expect(readable(embed?.description ?? '')).toBe('Will Japan coordinate protests regarding U.S. tariff policies with the EU at the WTO?');
    const [trends, positions] = embed?.fields ?? [];
    expect(trends?.name).toBe('📈 Trend Prediction: related');
    expect(positions?.name).toBe('📊 Structural Perspectives: related positions');
    expect(readable(trends?.value ?? '')).toMatch(/^\d\. /);
    expect(readable(positions?.value ?? '')).toMatch(/^(U\.S\.|Japan) on [^:]+: /);
  });

  it('given a number out of range, then only the user sees an error naming the valid range', async () => {
    const { messages, summary } = await run('variable', { briefing: 'japan-tariffs', number: 9 });
    expect(summary.outcome).toBe('user-error');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.ephemeral).toBe(true);
    expect(textOf(messages)).toContain('has key variables 1 to 4; there is no number 9');
  });

  it('given the number is being typed, then autocomplete lists the key variables of the chosen briefing', async () => {
    const choices = await sandbox.discord.interact.autocomplete({ name: 'variable', focused: 'number', options: { briefing: 'japan-tariffs', number: '' } });
    expect(choices.map((c) => c.value)).toEqual([1, 2, 3, 4]);
    expect(choices[2]?.name).toBe('3. Will the U.S. and Japan continue a transactional game of “security for market”?');
    expect(choices.every((c) => c.name.length <= 100)).toBe(true);
  });

  it('given no briefing is chosen yet, then number autocomplete offers nothing rather than failing', async () => {
    const choices = await sandbox.discord.interact.autocomplete({ name: 'variable', focused: 'number', options: { number: '' } });
    expect(choices).toEqual([]);
  });
});

describe('given /trend', () => {
  it('given only a briefing, then the reply lists every trend prediction', async () => {
    const { messages, summary } = await run('trend', { briefing: 'japan-tariffs' });
    expect(summary).toMatchObject({ command: 'trend', outcome: 'ok' });
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('📈 Trend Prediction');
    expect(readable(embed?.description ?? '').split('\n')).toEqual(japan.trends.map((t) => `${t.n}. ${t.text}`));
  });

  it('given number:4, then the reply is trend 4 alone', async () => {
    const { messages } = await run('trend', { briefing: 'japan-tariffs', number: 4 });
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('📈 Trend Prediction: 4 of 4');
    expect(readable(embed?.description ?? '')).toBe(japan.trends[3]?.text);
  });

  it('given a number out of range, then only the user sees an error naming the valid range', async () => {
    const { messages, summary } = await run('trend', { briefing: 'japan-tariffs', number: 5 });
    expect(summary.outcome).toBe('user-error');
    expect(messages[0]?.ephemeral).toBe(true);
    expect(textOf(messages)).toContain('has trends 1 to 4; there is no number 5');
  });

  it('given the number is being typed, then autocomplete lists the trends of the chosen briefing', async () => {
    const choices = await sandbox.discord.interact.autocomplete({ name: 'trend', focused: 'number', options: { briefing: 'red-sea-shipping', number: '' } });
    const redSea = sandbox.app.library.get('red-sea-shipping') as Briefing;
    expect(choices.map((c) => c.value)).toEqual(redSea.trends.map((t) => t.n));
    expect(choices.every((c) => c.name.length <= 100)).toBe(true);
  });
});

describe('given /variable on japan-tariffs key variable 3 ("security for market")', () => {
  it('then its related trends are linked by content: trend 4 (defence burdens as leverage) comes first, unlike key variable 1', async () => {
    const three = await settle(log, sandbox.discord.interact.slashCommand({ name: 'variable', options: { briefing: 'japan-tariffs', number: 3 } }));
    const one = await settle(log, sandbox.discord.interact.slashCommand({ name: 'variable', options: { briefing: 'japan-tariffs', number: 1 } }));
    const trendsOf = (messages: typeof three.messages): string => embedsOf(messages[0])[0]?.fields?.[0]?.value ?? '';
    expect(trendsOf(three.messages)).toMatch(/^\*\*4\.\*\* The U\.S\. may use/);
    expect(trendsOf(one.messages)).not.toBe(trendsOf(three.messages));
  });
});
