/**
 * The emulator's Message Content rule (src/sandbox/emulator/gateway/message-content.ts): without
 * the privileged intent a member's text arrives empty, unless the message is the app's own or
 * mentions the app, as a reply with its mention on does.
 */
import { GatewayIntentBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { isMessageDispatch, visibleMessage } from '../../src/sandbox/emulator/gateway/message-content.js';

const APP = '1000000000000000001';
const MEMBER = '1000000000000000002';
const typed = (author: string, mentions: string[] = [], extra: Record<string, unknown> = {}) => ({
  id: '1000000000000000009',
  author: { id: author },
  mentions: mentions.map((id) => ({ id })),
  content: 'will japan retaliate?',
  embeds: [{ title: 'x' }],
  attachments: [{ id: '1' }],
  components: [{ type: 1 }],
  poll: { question: { text: 'q' } },
  ...extra,
});
const WITHOUT = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages;

describe('given a member’s message and a session without Message Content', () => {
  it('then its content, embeds, attachments, components and poll arrive empty', () => {
    expect(visibleMessage(typed(MEMBER), WITHOUT, APP)).toEqual({ id: '1000000000000000009', author: { id: MEMBER }, mentions: [], content: '', embeds: [], attachments: [], components: [] });
  });

  it('then one that mentions the app keeps them', () => {
    expect(visibleMessage(typed(MEMBER, [APP]), WITHOUT, APP)).toMatchObject({ content: 'will japan retaliate?', poll: { question: { text: 'q' } } });
  });

  it('then the app’s own message keeps them, also as the message a reply answers', () => {
    const reply = typed(MEMBER, [], { referenced_message: typed(APP) });
    const seen = visibleMessage(reply, WITHOUT, APP) as { content: string; referenced_message: { content: string } };
    expect(seen.content).toBe('');
    expect(seen.referenced_message.content).toBe('will japan retaliate?');
  });
});

describe('given a session with Message Content', () => {
  it('then every message arrives whole', () => {
    const message = typed(MEMBER);
    expect(visibleMessage(message, WITHOUT | GatewayIntentBits.MessageContent, APP)).toBe(message);
  });
});

describe('given other dispatches', () => {
  it('then only MESSAGE_CREATE and MESSAGE_UPDATE carry content the rule governs', () => {
    expect(['MESSAGE_CREATE', 'MESSAGE_UPDATE', 'MESSAGE_DELETE', 'INTERACTION_CREATE'].filter(isMessageDispatch)).toEqual(['MESSAGE_CREATE', 'MESSAGE_UPDATE']);
  });
});
