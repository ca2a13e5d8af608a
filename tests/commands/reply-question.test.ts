/** What counts as a question in a reply to the bot (src/discord/reply-router.ts): no mention noise, a question mark or a question's first word. */
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_QUESTION, questionInReply } from '../../src/discord/reply-router.js';

describe('given the text of a reply to the bot', () => {
  it('then mentions are taken out and whitespace collapsed', () => {
    expect(questionInReply('<@1000000000000000001>   will japan\n retaliate')).toBe('will japan retaliate');
  });

  it('then a question mark or a question word makes it a question', () => {
    expect(questionInReply('tariffs on cars next year?')).toBe('tariffs on cars next year?');
    expect(questionInReply('How long can Tokyo hold out')).toBe('How long can Tokyo hold out');
  });

  it('then thanks, a bare mention or a remark is not one', () => {
    expect(questionInReply('thanks, great read')).toBeUndefined();
    expect(questionInReply('<@1000000000000000001>')).toBeUndefined();
    expect(questionInReply('?')).toBeUndefined();
    expect(questionInReply('')).toBeUndefined();
  });

  it('then a long one is cut to the length /ask takes', () => {
    expect(questionInReply(`why ${'x '.repeat(400)}`)?.length).toBe(MAX_REPLY_QUESTION);
  });
});
