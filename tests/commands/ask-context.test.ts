/**
 * Follow-up questions where they are asked (issue 15), through the local Discord: after a /brief
 * in the channel, in a briefing's thread (tests/delivery/new-briefing-posts.test.ts), and on a
 * message with "Ask about this briefing" and its form; the prior gives way to a question plainly
 * about another briefing, and expires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_TTL_MS } from '../../src/discord/briefing-context.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { MESSAGE_LIMITS } from '../../src/render/index.js';
import { buttonsOf, embedsOf, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
});
afterAll(async () => {
  await sandbox.stop();
});

const run = (name: string, options: Record<string, string>, as: { channel?: string; user?: string } = {}) =>
  settle(log, sandbox.discord.interact.slashCommand({ name, options, ...as }));

/** The briefing and key variable an answer puts first (its first button opens it). */
const bestOf = (message: StoredMessage | undefined): string => /^lb1\|var\|([a-z0-9-]+)\|(\d+)$/.exec(buttonsOf(message)[0]?.custom_id ?? '')?.slice(1).join('#') ?? '';

/**
 * A question two briefings could answer: archive-wide the Japanese automakers' tariff review comes
 * first; asked where the EU–China EV briefing was just shown, that briefing's key variables do.
 */
const VAGUE = 'Will the car tariffs be eased?';
const ARCHIVE_ANSWER = 'japan-tariffs#1';
const briefingOf = (message: StoredMessage | undefined): string => bestOf(message).split('#')[0] ?? '';

describe('given /brief in a channel, then a follow-up there', () => {
  it('then without a briefing shown, the archive-wide answer comes first', async () => {
    const { messages } = await run('ask', { question: VAGUE }, { channel: 'analysts' });
    expect(bestOf(messages[0])).toBe(ARCHIVE_ANSWER);
  });

  it('then after /brief eu-china-ev-tariffs the same question is about that briefing, and says so', async () => {
    await run('brief', { briefing: 'eu-china-ev-tariffs' }, { channel: 'briefings' });
    const { messages, summary } = await run('ask', { question: VAGUE }, { channel: 'briefings', user: 'member' });
    expect(summary.outcome).toBe('ok');
    expect(messages).toHaveLength(1);
    expect(briefingOf(messages[0])).toBe('eu-china-ev-tariffs');
    expect(embedsOf(messages[0])[0]?.footer?.text).toBe('Asked after this briefing was shown here.');
  });

  it('then a briefing named by its title words rather than its slug is the context too', async () => {
    await run('brief', { briefing: 'Brussels trades EV tariffs' }, { channel: 'analysts' });
    const { messages } = await run('ask', { question: VAGUE }, { channel: 'analysts', user: 'analyst' });
    expect(briefingOf(messages[0])).toBe('eu-china-ev-tariffs');
    expect(embedsOf(messages[0])[0]?.footer?.text).toBe('Asked after this briefing was shown here.');
  });

  it('then a question plainly about another briefing still finds that one (a prior, not a filter)', async () => {
    await run('brief', { briefing: 'japan-tariffs' }, { channel: 'general' });
    const { messages } = await run('ask', { question: 'Will Moscow keep insisting its farm bank be reconnected to SWIFT?' }, { channel: 'general' });
    expect(bestOf(messages[0]).split('#')[0]).toBe('black-sea-grain-deal');
    expect(embedsOf(messages[0])[0]?.footer).toBeUndefined();
  });

  it('then the reader’s own /brief is a strong prior: the issue’s “Trump … Toyota and Honda” is about japan-tariffs', async () => {
    await run('brief', { briefing: 'japan-tariffs' }, { channel: 'general', user: 'member' });
    const { messages } = await run('ask', { question: 'Is Trump going to ease the car duties on Toyota and Honda?' }, { channel: 'general', user: 'member' });
    expect(bestOf(messages[0])).toBe('japan-tariffs#1');
  });

  it('then half an hour later the context has expired', async () => {
    await run('brief', { briefing: 'eu-china-ev-tariffs' }, { channel: 'analysts' });
    expect(briefingOf((await run('ask', { question: VAGUE }, { channel: 'analysts' })).messages[0])).toBe('eu-china-ev-tariffs');
    (sandbox.options.clock as ManualClock).advance(CONTEXT_TTL_MS + 60_000);
    expect(bestOf((await run('ask', { question: VAGUE }, { channel: 'analysts' })).messages[0])).toBe(ARCHIVE_ANSWER);
  });

  it('then the context is kept in the store, per channel and per user', async () => {
    const briefings = sandbox.discord.channelId('briefings');
    const shown = await sandbox.app.stores.channelContext.shownIn(briefings, sandbox.discord.userId('member'));
    expect(shown.channel?.channelId).toBe(briefings);
    expect(shown.user?.userId).toBe(sandbox.discord.userId('member'));
  });
});

describe('given the message command "Ask about this briefing" on a briefing card', () => {
  it('then it opens a form, and the question submitted there is answered about the card’s briefing', async () => {
    const card = (await run('brief', { briefing: 'japan-tariffs' }, { channel: 'general' })).messages[0] as StoredMessage;
    (sandbox.options.clock as ManualClock).advance(CONTEXT_TTL_MS + 60_000); // only the message says which briefing
    const opened = sandbox.discord.interact.messageCommand({ name: 'Ask about this briefing', message: card, user: 'member' });
    const response = await opened.response();
    expect(response.type).toBe(9);
    expect((response.data as { custom_id: string }).custom_id).toBe('lb1|ask|japan-tariffs');
    const submitted = sandbox.discord.interact.submitModal(opened, { question: 'Could Tokyo and Brussels file a joint complaint?' });
    const { messages, summary } = await settle(log, submitted);
    expect(summary).toMatchObject({ command: 'modal:ask', outcome: 'ok' });
    expect(bestOf(messages[0])).toBe('japan-tariffs#2');
    expect(embedsOf(messages[0])[0]?.footer?.text).toBe('Asked about this message’s briefing.');
  });
});

describe('given an answer', () => {
  it('then it is one message: the best key variable with quoted sentences, related trends, and the others one line each with a button', async () => {
    const { messages } = await run('ask', { question: 'Will the U.S. and Japan keep trading security for market access?', briefing: 'japan-tariffs' });
    expect(messages).toHaveLength(1);
    const [embed] = embedsOf(messages[0]);
    expect(bestOf(messages[0])).toBe('japan-tariffs#3');
    expect(embed?.description).toMatch(/^🧨 \*\*Key variable 3:\*\*/);
    expect(embed?.description).toMatch(/\n> “.+” \(\*.+\*\)/);
    expect(embed?.description).toContain('📈 **Trend 4:**');
    expect(embed?.fields?.[0]?.name).toBe('Other candidates');
    const others = embed?.fields?.[0]?.value.split('\n') ?? [];
    expect(buttonsOf(messages[0]).filter((b) => /^\d\. /.test(b.label ?? ''))).toHaveLength(others.length);
    expect(textOf(messages).length).toBeLessThan(MESSAGE_LIMITS.total);
  });
});
