import { describe, expect, it } from 'vitest';
import type { ApiButton, MessagePayload } from '../../src/render/message-payload.js';
import { assertWithinDiscordLimits, discordLimitViolations } from './limits-checker.js';

const button = (id: string): ApiButton => ({ type: 2, style: 2, label: 'Go', custom_id: id });
const ok: MessagePayload = { embeds: [{ title: 'T', description: 'D', fields: [{ name: 'n', value: 'v' }] }], components: [{ type: 1, components: [button('lb1|open|a')] }] };

describe('assertWithinDiscordLimits (the checker itself)', () => {
  it('given a valid message, then it passes', () => {
    expect(() => assertWithinDiscordLimits(ok)).not.toThrow();
  });

  it.each([
    ['content over 2000', { content: 'x'.repeat(2001), embeds: [], components: [] }, 'content'],
    ['an empty message', { embeds: [], components: [] }, 'empty'],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })), components: [] }, '11 embeds'],
    ['a title over 256', { embeds: [{ title: 'x'.repeat(257) }], components: [] }, 'title'],
    ['a description over 4096', { embeds: [{ description: 'x'.repeat(4097) }], components: [] }, 'description'],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }], components: [] }, '26 fields'],
    ['a blank field value', { embeds: [{ fields: [{ name: 'n', value: ' ' }] }], components: [] }, 'blank'],
    ['a field value over 1024', { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }], components: [] }, 'value'],
    ['a footer over 2048', { embeds: [{ title: 't', footer: { text: 'x'.repeat(2049) } }], components: [] }, 'footer'],
    ['6001 characters over two embeds', { embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }], components: [] }, 'total'],
    ['a torn emoji', { content: '🇯🇵'.slice(0, 1), embeds: [], components: [] }, 'surrogate'],
    ['6 action rows', { embeds: [], components: Array.from({ length: 6 }, (_, i) => ({ type: 1, components: [button(`lb1|open|a${i}`)] })) }, 'action rows'],
    ['6 buttons in a row', { embeds: [], components: [{ type: 1, components: Array.from({ length: 6 }, (_, i) => button(`lb1|open|a${i}`)) }] }, 'holds 6'],
    ['a repeated custom_id', { embeds: [], components: [{ type: 1, components: [button('lb1|open|a'), button('lb1|open|a')] }] }, 'unique'],
    ['a custom_id over 100', { embeds: [], components: [{ type: 1, components: [button(`lb1|srch|1|${'x'.repeat(95)}`)] }] }, 'custom_id'],
    ['a custom_id this bot cannot read', { embeds: [], components: [{ type: 1, components: [button('other-bot')] }] }, 'decode'],
    ['a button label over 80', { embeds: [], components: [{ type: 1, components: [{ ...button('lb1|open|a'), label: 'x'.repeat(81) }] }] }, 'label'],
    [
      'a select beside a button',
      { embeds: [], components: [{ type: 1, components: [button('lb1|open|a'), { type: 3, custom_id: 'lb1|var|a', options: [{ label: 'l', value: '1' }] }] }] },
      'mixes',
    ],
    ['26 select options', { embeds: [], components: [{ type: 1, components: [{ type: 3, custom_id: 'lb1|var|a', options: Array.from({ length: 26 }, (_, i) => ({ label: 'l', value: `${i}` })) }] }] }, '26 options'],
    ['an option label over 100', { embeds: [], components: [{ type: 1, components: [{ type: 3, custom_id: 'lb1|var|a', options: [{ label: 'x'.repeat(101), value: '1' }] }] }] }, 'label'],
    ['repeated option values', { embeds: [], components: [{ type: 1, components: [{ type: 3, custom_id: 'lb1|var|a', options: [{ label: 'a', value: '1' }, { label: 'b', value: '1' }] }] }] }, 'repeats'],
  ] as [string, MessagePayload, string][])('given %s, then it is reported', (_name, payload, expected) => {
    const problems = discordLimitViolations(payload);
    expect(problems.join('\n')).toContain(expected);
    expect(() => assertWithinDiscordLimits(payload)).toThrow(/breaks Discord limits/);
  });
});
