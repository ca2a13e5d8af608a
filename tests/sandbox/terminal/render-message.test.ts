/**
 * How a message reads in the terminal sandbox: long lines wrapped at the terminal's width inside
 * their block, and a select menu as one option a line.
 */
import { describe, expect, it } from 'vitest';
import { renderMessageText, type MessageView } from '../../../src/sandbox/terminal/render-message.js';

const SUMMARY =
  'Japan signalled on Tuesday that it will answer the new U.S. tariffs on steel and aluminium with measured countermeasures aimed at farm goods, while keeping talks open.';

const keyVariableMenu: MessageView = {
  components: [
    {
      type: 1,
      components: [
        {
          type: 3,
          placeholder: 'Open a key variable…',
          options: [
            { label: '1. Will the U.S. extend the tariffs?', value: '1' },
            { label: '2. Will Japan retaliate?', value: '2' },
          ],
        },
      ],
    },
  ],
};

describe('renderMessageText', () => {
  describe('given an embed with a long description and a long field, and a width of 40', () => {
    const message: MessageView = {
      embeds: [{ title: 'Japan tariffs', description: SUMMARY, fields: [{ name: 'Why it matters', value: SUMMARY }] }],
    };
    const lines = renderMessageText(message, { color: false, width: 40 }).split('\n');

    it('then no line is wider than 40 columns and every line keeps the │ bar', () => {
      expect(lines.length).toBeGreaterThan(6);
      for (const line of lines) {
        expect([...line].length).toBeLessThanOrEqual(40);
        expect(line.startsWith('│ ')).toBe(true);
      }
    });

    it('then lines break between words, and the text reads the same joined back', () => {
      const description = lines.slice(1, lines.indexOf('│ ▸ Why it matters'));
      expect(description.map((l) => l.slice(2)).join(' ')).toBe(SUMMARY);
      for (const line of description) expect(SUMMARY.split(' ')).toEqual(expect.arrayContaining(line.slice(2).split(' ')));
    });

    it("then a field's continuation lines keep the field's indentation", () => {
      const field = lines.slice(lines.indexOf('│ ▸ Why it matters') + 1);
      expect(field.length).toBeGreaterThan(1);
      for (const line of field) expect(line.startsWith('│   ')).toBe(true);
      expect(field.map((l) => l.slice(4)).join(' ')).toBe(SUMMARY);
    });
  });

  it('given colour codes around a long title, then they take no columns when wrapping', () => {
    const lines = renderMessageText({ embeds: [{ title: SUMMARY }] }, { width: 60 }).split('\n');
    const stripped = renderMessageText({ embeds: [{ title: SUMMARY }] }, { color: false, width: 60 }).split('\n');
    expect(lines.length).toBe(stripped.length);
    for (const line of stripped) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('given a long content line with a bullet, then continuations hang under the bullet text', () => {
    const text = renderMessageText({ content: `• ${SUMMARY}` }, { color: false, width: 50 });
    const [first, ...rest] = text.split('\n');
    expect(first?.startsWith('• Japan')).toBe(true);
    expect(rest.length).toBeGreaterThan(0);
    for (const line of rest) expect(line).toMatch(/^ {2}\S/);
  });

  it('given a word longer than the width, then it is cut inside the block instead of overflowing', () => {
    const url = `https://example.com/${'a'.repeat(80)}`;
    const lines = renderMessageText({ embeds: [{ description: `See ${url}` }] }, { color: false, width: 30 }).split('\n');
    for (const line of lines) {
      expect([...line].length).toBeLessThanOrEqual(30);
      expect(line.startsWith('│ ')).toBe(true);
    }
    expect(lines.map((l) => l.slice(2)).join('')).toBe(`See${url}`);
  });

  it('given no width (not a terminal: scripts, pipes), then long lines stay whole', () => {
    const text = renderMessageText({ embeds: [{ description: SUMMARY }] }, { color: false });
    expect(text).toBe(`│ ${SUMMARY}`);
  });

  it('given buttons wider than the terminal, then they go on more lines, each button whole', () => {
    const buttons = ['Key variable 1 in full', 'Open briefing', '2. Japan takes a stand #2', '3. Steel quotas #1'].map((label) => ({ type: 2, label }));
    const text = renderMessageText({ components: [{ type: 1, components: buttons }] }, { color: false, width: 45 });
    expect(text).toBe('[Key variable 1 in full] [Open briefing]\n[2. Japan takes a stand #2]\n[3. Steel quotas #1]');
  });

  describe('given the key-variable select menu', () => {
    it('then it is its placeholder, then one option a line, numbered once', () => {
      expect(renderMessageText(keyVariableMenu, { color: false })).toBe(
        ['[▾ Open a key variable…]', '  1) Will the U.S. extend the tariffs?', '  2) Will Japan retaliate?'].join('\n'),
      );
    });

    it('then a label that does not start with its own number keeps its text and is listed by value', () => {
      const menu: MessageView = { components: [{ type: 1, components: [{ type: 3, placeholder: 'Pick', options: [{ label: '2026 outlook', value: 'outlook' }] }] }] };
      expect(renderMessageText(menu, { color: false })).toBe('[▾ Pick]\n  outlook) 2026 outlook');
    });

    it('then a long option wraps under its own text', () => {
      const menu: MessageView = { components: [{ type: 1, components: [{ type: 3, placeholder: 'Open a key variable…', options: [{ label: `1. ${SUMMARY}`, value: '1' }] }] }] };
      const [, first, ...rest] = renderMessageText(menu, { color: false, width: 50 }).split('\n');
      expect(first?.startsWith('  1) Japan')).toBe(true);
      expect(rest.length).toBeGreaterThan(0);
      for (const line of rest) expect(line).toMatch(/^ {5}\S/);
    });
  });
});

describe('given emoji and CJK text, which take two columns in a terminal', () => {
  it('then they count twice when wrapping, so no line passes the edge', () => {
    const text = renderMessageText({ embeds: [{ description: `📈 ${'日本は米国の関税に対抗する '.repeat(4)}🧨 end` }] }, { color: false, width: 30 });
    const columns = (line: string): number => [...line].reduce((n, c) => n + (/[\p{Emoji_Presentation}\u3000-\u9fff]/u.test(c) ? 2 : 1), 0);
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(columns(line)).toBeLessThanOrEqual(30);
      expect(line.startsWith('│ ')).toBe(true);
    }
  });
});

it('given a long quoted line in an embed, then each continuation is quoted too', () => {
  const lines = renderMessageText({ embeds: [{ description: `> “${SUMMARY}” (Summary)` }] }, { color: false, width: 50 }).split('\n');
  expect(lines.length).toBeGreaterThan(2);
  for (const line of lines) expect(line.startsWith('│ > ')).toBe(true);
});
