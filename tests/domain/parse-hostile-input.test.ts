/**
 * Files built to break the parser (issue 11): YAML alias bombs, control and invisible
 * characters, impossible dates, invalid UTF-8 at a line start, lists past 999 items. The shapes
 * that made parsing quadratic are in parse-linear.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { decodeBriefingBytes } from '../../src/domain/decode-briefing-bytes.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { parseBriefingBytes } from '../../src/import/import-briefing-files.js';
import { SEED_TEXT } from '../support/seed.js';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const parse = (text: string) => parseBriefing(text, { fileName: 'hostile.md', now: NOW });
const parsedOk = (text: string) => {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

/** Eight levels of aliases, each a list of nine of the level below: 9^8 nodes once expanded. */
function aliasBomb(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 8; i++) {
    const [below, self] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    levels.push(`${self}: &${self} [${Array(9).fill(`*${below}`).join(',')}]`);
  }
  return `---\nslug: bomb\n${levels.join('\n')}\n---\n${SEED_TEXT}`;
}

describe('given front matter with a YAML alias bomb', () => {
  it('then the file is rejected naming the line of the first alias, without throwing', () => {
    expect(parse(aliasBomb())).toEqual({
      ok: false,
      issues: [{ line: 4, code: 'front-matter.invalid', message: 'front matter expands its YAML aliases (*name) too far (more than 20); write the values out' }],
    });
  });

  it('then a few aliases are still fine', () => {
    expect(parsedOk(`---\nslug: aliased\nbase: &t energy\ntags: [*t, shipping]\n---\n${SEED_TEXT}`).tags).toEqual(['energy', 'shipping']);
  });
});

describe('given a file whose reading throws inside the parse boundary', () => {
  it('then parseBriefingBytes turns the exception into that file\'s rejection with a line', () => {
    const exploding = new Proxy(new Uint8Array(8), {
      get(target, key) {
        if (key === 'byteLength') throw new RangeError('the bytes went away');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(parseBriefingBytes(exploding, 'exploding.md', NOW)).toEqual({
      ok: false,
      problem: { file: 'exploding.md', issues: [{ line: 1, code: 'file.unparseable', message: 'the file could not be read as a briefing (the bytes went away)' }] },
    });
  });
});

describe('given control characters in a briefing', () => {
  it('then they are stripped at parse time (escape sequences whole) with one warning naming the first line', () => {
    const text = SEED_TEXT.replace('LUMEN INSIGHT: JAPAN', 'LUMEN INSIGHT: \u001b]0;pwned\u0007JAPAN\u001b[32m').replace('Ishiba has adopted', 'Ishiba\u0000\u0008\u007f\u009b has adopted');
    const b = parsedOk(text);
    expect(b.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(b.summary.startsWith('Japanese Prime Minister Shigeru Ishiba has adopted')).toBe(true);
    expect(JSON.stringify(b)).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])/);
    expect(b.warnings.filter((w) => w.code === 'text.control-characters')).toEqual([
      { line: 2, code: 'text.control-characters', message: '19 control characters (terminal escapes and the like) removed; the first on line 2' },
    ]);
  });

  it('then tabs and newlines stay what they were', () => {
    expect(parsedOk(SEED_TEXT).warnings.map((w) => w.code)).not.toContain('text.control-characters');
  });
});

describe('given invisible characters inside headings', () => {
  const hidden: [string, string][] = [
    ['a soft hyphen', 'Key Vari\u00ADables'],
    ['a zero-width space', '\u200BKey Variables'],
    ['a zero-width non-joiner and joiner', 'Key\u200C Vari\u200Dables'],
    ['a left-to-right mark', 'Key Variables\u200E'],
    ['a right-to-left mark', 'Key\u200F Variables'],
    ['a word joiner', 'Key\u2060 Variables'],
    ['a BOM mid-text', 'Key \uFEFFVariables'],
  ];
  for (const [what, heading] of hidden) {
    it(`then a heading with ${what} is still found and its key variables are kept`, () => {
      const b = parsedOk(SEED_TEXT.replace('Key Variables', heading));
      expect(b.keyVariables).toHaveLength(4);
      expect(b.keyVariables[0]?.text).toBe('Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
      expect(b.trends).toHaveLength(4);
    });
  }

  it('then emoji sequences keep their joiners and selectors', () => {
    const b = parsedOk(SEED_TEXT.replace('🧨 4. Key Variables', '👩‍💻 4. Key\u200B Variables'));
    expect(b.sectionEmoji.keyVariables).toBe('👩‍💻');
    expect(b.sectionEmoji.incident).toBe('🗞️');
  });

  it('then a title that is only invisible characters is rejected naming its line', () => {
    const text = SEED_TEXT.replace('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS', '\u200B\u00AD\u2060\u200E');
    expect(parse(text)).toEqual({
      ok: false,
      issues: [{ line: 2, code: 'briefing.empty-title', message: 'the title is empty once its invisible characters are removed; write a visible title' }],
    });
  });
});

describe('given an impossible front-matter date', () => {
  for (const [date, why] of [
    ['2026-02-31', 'is not a real date (February 2026 has 28 days)'],
    ['2025-02-29', 'is not a real date (February 2025 has 28 days)'],
    ['2026-04-31', 'is not a real date (April 2026 has 30 days)'],
    ['2026-13-01', 'has no month 13'],
    ['2026-02-31T10:00:00Z', 'is not a real date (February 2026 has 28 days)'],
  ] as const) {
    it(`then ${date} is rejected naming its line, not rolled into the next month`, () => {
      expect(parse(`---\nslug: dated\ndate: ${date}\n---\n${SEED_TEXT}`)).toEqual({
        ok: false,
        issues: [{ line: 3, code: 'front-matter.bad-date', message: `date "${date}" ${why}; write it as YYYY-MM-DD` }],
      });
    });
  }

  it('then a leap day in a leap year is a date', () => {
    expect(parsedOk(`---\nslug: leap\ndate: 2028-02-29\n---\n${SEED_TEXT}`).publishedAt).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('given invalid UTF-8 at the start of a line', () => {
  it('then the line named is the line of the bad byte, not the one before', () => {
    for (const before of ['x', 'xxxx', 'a longer second line of text']) {
      const bytes = Buffer.concat([Buffer.from(`# Title\n${before}\n`), Buffer.from([0xff, 0x41, 0x0a])]);
      expect(decodeBriefingBytes(bytes)).toMatchObject({ ok: false, issues: [{ line: 3, code: 'file.encoding' }] });
    }
  });

  it('then a character cut short by the end of the file names the last line', () => {
    const bytes = Buffer.concat([Buffer.from('# Title\nok\nabc'), Buffer.from([0xe2, 0x82])]);
    expect(decodeBriefingBytes(bytes)).toMatchObject({ ok: false, issues: [{ line: 3, code: 'file.encoding' }] });
  });
});

describe('given a numbered list of more than 999 items', () => {
  it('then items 1000 and later are items of their own, not merged into item 999', () => {
    const items = Array.from({ length: 1205 }, (_, i) => `${i + 1}. Will point ${i + 1} hold?`).join('\n');
    const b = parsedOk(SEED_TEXT.replace(/🧨 4\. Key Variables[\s\S]*?(?=📈)/, `🧨 4. Key Variables\n${items}\n\n`));
    expect(b.keyVariables).toHaveLength(1205);
    expect(b.keyVariables[998]).toEqual({ n: 999, text: 'Will point 999 hold?' });
    expect(b.keyVariables[999]).toEqual({ n: 1000, text: 'Will point 1000 hold?' });
    expect(b.keyVariables[1204]).toEqual({ n: 1205, text: 'Will point 1205 hold?' });
  });

  it('then a wrapped line that starts with a year stays part of its item', () => {
    const b = parsedOk(SEED_TEXT.replace('or the chip industry?', 'or the chip industry by the end of\n2027. Tokyo expects so.'));
    expect(b.keyVariables[0]?.text).toBe('Will the U.S. reassess tariffs on Japanese automakers or the chip industry by the end of 2027. Tokyo expects so.');
  });
});
