/**
 * Issue 15's "a reply to the bot's message about a briefing", through the local Discord: a member
 * replies to a card with a question and the bot answers it, in a reply, about that card's
 * briefing (a prior that still gives way to a question plainly about another one). Without its
 * mention the reply's text is not readable (no Message Content intent), so it only tells the bot
 * what the member is reading, for their next /ask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_TTL_MS } from '../../src/discord/briefing-context.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { MESSAGE_LIMITS } from '../../src/render/index.js';
import { buttonsOf, embedsOf, rejectedRequests, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
});
afterAll(async () => {
  await sandbox.stop();
});

const bestOf = (message: StoredMessage | undefined): string => /^lb1\|var\|([a-z0-9-]+)\|(\d+)$/.exec(buttonsOf(message)[0]?.custom_id ?? '')?.slice(1).join('#') ?? '';

/** A /brief card posted by `user` in `channel`, old enough that only the card says which briefing it is. */
async function cardIn(channel: string, slug = 'japan-tariffs', user = 'admin'): Promise<StoredMessage> {
  const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: slug }, channel, user }));
  (sandbox.options.clock as ManualClock).advance(CONTEXT_TTL_MS + 60_000);
  return messages[0] as StoredMessage;
}

/** The bot's messages in `channel` after `after`. */
const botMessagesAfter = (channel: string, after: StoredMessage): StoredMessage[] =>
  sandbox.discord.channelMessages(channel).filter((m) => BigInt(m.id) > BigInt(after.id) && m.data.author.id === sandbox.discord.botUserId);

const TRUMP = 'Is Trump going to ease the car duties on Toyota and Honda?';

describe('given a member replies to a briefing card with a question', () => {
  it('then the bot answers in a reply, about that card’s briefing, pinging nobody', async () => {
    const card = await cardIn('general');
    const question = await sandbox.reply({ channel: 'general', user: 'member', content: TRUMP, to: card });
    const [answer, ...more] = botMessagesAfter('general', question);
    expect(more).toHaveLength(0);
    expect(bestOf(answer)).toBe('japan-tariffs#1');
    expect(answer?.data.type).toBe(19);
    expect(answer?.data.message_reference).toMatchObject({ message_id: question.id });
    expect(embedsOf(answer)[0]?.footer?.text).toBe('Asked in reply to this briefing.');
    expect(answer?.allowedMentions).toMatchObject({ parse: [], replied_user: false });
    expect(textOf(answer ? [answer] : []).length).toBeLessThan(MESSAGE_LIMITS.total);
    expect(rejectedRequests(sandbox)).toEqual([]);
  });

  it('then without the card the same question is answered from another briefing (the reply is what moved it)', async () => {
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'ask', options: { question: TRUMP }, channel: 'analysts', user: 'analyst' }));
    expect(bestOf(messages[0]).split('#')[0]).not.toBe('japan-tariffs');
  });

  it('then a question plainly about another briefing still finds that one (a prior, not a filter)', async () => {
    const card = await cardIn('general');
    const question = await sandbox.reply({ channel: 'general', user: 'member', content: 'Will Moscow keep insisting its farm bank be reconnected to SWIFT?', to: card });
    const [answer] = botMessagesAfter('general', question);
    expect(bestOf(answer).split('#')[0]).toBe('black-sea-grain-deal');
    expect(embedsOf(answer)[0]?.footer).toBeUndefined();
  });

  it('then text that could ping (@everyone, a role) pings nobody in the answer', async () => {
    const card = await cardIn('general');
    const question = await sandbox.reply({ channel: 'general', user: 'member', content: `@everyone <@&${sandbox.discord.roleId('Analysts')}> will japan retaliate?`, to: card });
    const [answer] = botMessagesAfter('general', question);
    expect(answer).toBeDefined();
    expect(answer?.data.mention_everyone).toBe(false);
    expect(answer?.data.mention_roles).toEqual([]);
    expect(answer?.data.mentions).toEqual([]);
  });
});

describe('given a reply the bot cannot or should not answer', () => {
  it('then with its mention switched off the text is unreadable: no answer, but the member’s next /ask is about that briefing', async () => {
    const card = await cardIn('briefings');
    const question = await sandbox.reply({ channel: 'briefings', user: 'analyst', content: TRUMP, to: card, mention: false });
    expect(botMessagesAfter('briefings', question)).toEqual([]);
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'ask', options: { question: 'Will the car tariffs be eased?' }, channel: 'briefings', user: 'analyst' }));
    expect(bestOf(messages[0])).toBe('japan-tariffs#1');
    expect(embedsOf(messages[0])[0]?.footer?.text).toBe('Asked after you opened this briefing.');
  });

  it('then a reply that is not a question gets no answer', async () => {
    const card = await cardIn('general');
    const thanks = await sandbox.reply({ channel: 'general', user: 'member', content: 'thanks, great read', to: card });
    expect(botMessagesAfter('general', thanks)).toEqual([]);
  });

  it('then a reply to a member’s own message is not the bot’s business', async () => {
    const mine = sandbox.discord.postAsUser({ channel: 'general', user: 'admin', content: 'what do you all think about the japan tariffs?' });
    const reply = await sandbox.reply({ channel: 'general', user: 'member', content: 'will japan retaliate?', to: mine });
    expect(botMessagesAfter('general', reply)).toEqual([]);
  });

  it('then without Send Messages in the channel it stays silent, logs why, and nothing is refused', async () => {
    const card = await cardIn('analysts');
    sandbox.discord.setBotPermissions('analysts', { send: false });
    try {
      const before = rejectedRequests(sandbox).length;
      const question = await sandbox.reply({ channel: 'analysts', user: 'analyst', content: TRUMP, to: card });
      expect(botMessagesAfter('analysts', question)).toEqual([]);
      expect(rejectedRequests(sandbox)).toHaveLength(before);
      expect(log.records().some((r) => r.msg.startsWith('cannot answer a reply') && r.messageId === question.id)).toBe(true);
    } finally {
      sandbox.discord.setBotPermissions('analysts', {});
    }
  });

  it('then without Read Message History it answers after the question instead of as a reply (Discord refuses that reply)', async () => {
    const card = await cardIn('general');
    sandbox.discord.setBotPermissions('general', { readHistory: false });
    try {
      const question = await sandbox.reply({ channel: 'general', user: 'member', content: TRUMP, to: card });
      const [answer] = botMessagesAfter('general', question);
      expect(bestOf(answer)).toBe('japan-tariffs#1');
      expect(answer?.data.type).toBe(0);
      expect(rejectedRequests(sandbox)).toEqual([]);
    } finally {
      sandbox.discord.setBotPermissions('general', {});
    }
  });
});
