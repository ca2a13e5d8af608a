import { describe, expect, it } from 'vitest';
import { decodeBriefingBytes, MAX_BRIEFING_BYTES } from '../../src/domain/decode-briefing-bytes.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { SEED_TEXT } from '../support/seed.js';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const issuesOf = (text: string) => {
  const result = parseBriefing(text, { fileName: 'bad.md', now: NOW });
  return result.ok ? [] : result.issues;
};

describe('given bad briefing input', () => {
  it('then an empty or blank file is rejected as empty', () => {
    expect(issuesOf('')).toEqual([{ line: 1, code: 'file.empty', message: 'the file is empty' }]);
    expect(issuesOf('\n  \n')[0]?.code).toBe('file.empty');
    expect(decodeBriefingBytes(new Uint8Array())).toMatchObject({ ok: false, issues: [{ code: 'file.empty' }] });
  });

  it('then a binary file is rejected naming the line of the first NUL byte', () => {
    const bytes = Buffer.from('# Title\nok\n\u0000\u0001\u0002');
    expect(decodeBriefingBytes(bytes)).toEqual({ ok: false, issues: [{ line: 3, code: 'file.binary', message: expect.stringContaining('binary') }] });
  });

  it('then a file that is not UTF-8 is rejected with its line', () => {
    const bytes = Buffer.concat([Buffer.from('# Title\nLine two\n'), Buffer.from([0xff, 0xfe, 0x41])]);
    expect(decodeBriefingBytes(bytes)).toMatchObject({ ok: false, issues: [{ line: 3, code: 'file.encoding' }] });
  });

  it('then a file one byte over the 1 MiB limit is rejected saying both exact sizes', () => {
    const result = decodeBriefingBytes(Buffer.alloc(MAX_BRIEFING_BYTES + 1, 'a'));
    expect(result).toEqual({
      ok: false,
      issues: [{ line: 1, code: 'file.too-large', message: 'the file is 1,048,577 bytes; a briefing may be at most 1,048,576 bytes (1 MiB)' }],
    });
  });

  it('then a file without a title is rejected as no-title', () => {
    expect(issuesOf('# Summary\nSomething happened.\n')[0]?.code).toBe('briefing.no-title');
  });

  it('then a file with a title but no recognisable section is rejected as no-sections', () => {
    expect(issuesOf('# LUMEN INSIGHT: NOTHING HERE\n\nJust a paragraph of notes.\n')[0]?.code).toBe('briefing.no-sections');
  });

  it('then a bad front-matter date names its line and the expected format', () => {
    const issues = issuesOf(`---\nslug: ok-slug\ndate: next tuesday\n---\n${SEED_TEXT}`);
    expect(issues).toEqual([{ line: 3, code: 'front-matter.bad-date', message: 'date "next tuesday" is not a date; write it as YYYY-MM-DD' }]);
  });

  it('then a bad front-matter slug names its line', () => {
    expect(issuesOf(`---\nslug: Not A Slug\n---\n${SEED_TEXT}`)).toMatchObject([{ line: 2, code: 'front-matter.bad-slug' }]);
  });

  it('then unclosed or invalid front matter is rejected, not guessed at', () => {
    expect(issuesOf(`---\nslug: x\n${SEED_TEXT}`)[0]?.code).toBe('front-matter.unclosed');
    expect(issuesOf(`---\nslug: [unclosed\n---\n${SEED_TEXT}`)[0]?.code).toBe('front-matter.invalid');
  });
});
