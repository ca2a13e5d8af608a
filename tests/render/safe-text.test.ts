import { describe, expect, it } from 'vitest';
import { escapeMarkdown, neutraliseMentions, plainText } from '../../src/render/safe-text.js';
import { truncateLabel, truncateText } from '../../src/render/truncate-text.js';

const ZWSP = '\u200b';

describe('neutraliseMentions', () => {
  it('given @everyone and @here, then a zero-width space follows the @', () => {
    expect(neutraliseMentions('Ping @everyone and @here and @Everyone')).toBe(`Ping @${ZWSP}everyone and @${ZWSP}here and @${ZWSP}Everyone`);
  });

  it('given user, role, channel, command and timestamp syntax, then none of it stays live', () => {
    const text = neutraliseMentions('<@123> <@!123> <@&456> <#789> </brief:1> <t:1700000000:R> <:emo:1>');
    expect(text).not.toMatch(/<[@#/:t]/);
    expect(text.replaceAll(ZWSP, '')).toBe('<@123> <@!123> <@&456> <#789> </brief:1> <t:1700000000:R> <:emo:1>');
  });

  it('given an e-mail address or a comparison, then it is left alone', () => {
    expect(neutraliseMentions('mail desk@lumen.example if a < b')).toBe('mail desk@lumen.example if a < b');
  });
});

describe('escapeMarkdown', () => {
  it('given emphasis, strike, code, spoiler and link syntax, then each character is escaped', () => {
    expect(escapeMarkdown('**bold** _it_ ~~s~~ `c` ||sp|| [x](y) a\\b')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[x\\](y) a\\\\b',
    );
  });

  it('given a quote, heading or subtext marker at the start of a line, then it is escaped there and only there', () => {
    expect(escapeMarkdown('> quote\n# Head\n  -# small\na > b # c')).toBe('\\> quote\n\\# Head\n  \\-# small\na > b # c');
  });

  it('given a URL, then it is kept verbatim so the link still works', () => {
    expect(escapeMarkdown('see https://example.org/a_b*c and _this_')).toBe('see https://example.org/a_b*c and \\_this\\_');
  });

  it('given @everyone, then it is defused as well', () => {
    expect(escapeMarkdown('@everyone')).toBe(`@${ZWSP}everyone`);
  });
});

describe('plainText and truncation', () => {
  it('given text over several lines, then a plain label is one line', () => {
    expect(plainText('  Key\n\nvariable  @here ')).toBe(`Key variable @${ZWSP}here`);
  });

  it('given text over the limit, then it is cut at a word and ends with an ellipsis', () => {
    expect(truncateText('Will the U.S. reassess tariffs on Japanese automakers?', 30)).toBe('Will the U.S. reassess…');
    expect(truncateLabel('Will the U.S.\nreassess tariffs', 100)).toBe('Will the U.S. reassess tariffs');
  });

  it('given one very long word, then the cut falls inside it (the only way to fit)', () => {
    const cut = truncateText('x'.repeat(300), 100);
    expect(cut).toHaveLength(100);
    expect(cut.endsWith('…')).toBe(true);
  });
});
