import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../../commands/index.js';
import { bindOptions, tokenizeOptions } from '../../../src/sandbox/terminal/command-line.js';
import { readScriptLine } from '../../../src/sandbox/terminal/script-line.js';

const commands = loadCommands().map((c) => c.data.toJSON());

/** The options `/name rest` binds to, or the error, against the bot's own command definitions. */
function typed(line: string): Record<string, string> | string {
  const read = readScriptLine(line, commands);
  if (!read.ok) return read.error;
  if (read.step.kind !== 'command') throw new Error('not a command');
  const { name, tokens } = read.step;
  const bound = bindOptions(commands.find((c) => c.name === name) ?? { name }, tokens);
  return bound.ok ? bound.options : bound.error;
}

describe('given a command typed the way Discord\'s message box takes it', () => {
  it('then a value right after the name fills the first option, and further values the next ones in declared order', () => {
    expect(typed('/brief japan-tariffs')).toEqual({ briefing: 'japan-tariffs' });
    expect(typed('/brief japan-tariffs full')).toEqual({ briefing: 'japan-tariffs', section: 'full' });
    expect(typed('/position japan-tariffs us')).toEqual({ briefing: 'japan-tariffs', actor: 'us' });
    expect(typed('/variable japan-tariffs 2')).toEqual({ briefing: 'japan-tariffs', number: '2' });
    expect(typed('/brief section:full japan-tariffs')).toEqual({ section: 'full', briefing: 'japan-tariffs' });
  });

  it('then the last string option runs unquoted to the end of the line, named or free text', () => {
    expect(typed('/ask question:will japan retaliate')).toEqual({ question: 'will japan retaliate' });
    expect(typed('/ask will japan retaliate')).toEqual({ question: 'will japan retaliate' });
    expect(typed('/search chip export controls')).toEqual({ query: 'chip export controls' });
    expect(typed('/ask question:will japan retaliate briefing:japan-tariffs')).toEqual({ question: 'will japan retaliate', briefing: 'japan-tariffs' });
    expect(typed('/subscribe channel:#briefings mode:digest topic:chip export controls time:08:00')).toEqual({
      channel: '#briefings',
      mode: 'digest',
      topic: 'chip export controls',
      time: '08:00',
    });
  });

  it('then quotes still keep a value together, and a URL is a value, not an option', () => {
    expect(typed('/search query:"chip export controls"')).toEqual({ query: 'chip export controls' });
    expect(typed('/search https://example.com/x')).toEqual({ query: 'https://example.com/x' });
  });

  it('then an option the command does not have is refused, naming the command\'s options', () => {
    expect(typed('/brief briefing:x colour:blue')).toBe('/brief has no option "colour": its options are briefing, section');
    expect(typed('/help please')).toBe('/help has no option left for "please": it takes no options');
    expect(typed('/brief a b c')).toBe('/brief has no option left for "c": its options are briefing, section');
    expect(typed('/brief briefing:a briefing:b')).toBe('/brief: briefing is given twice');
    expect(typed('/teleport now')).toMatch(/^there is no \/teleport: the commands are \/brief, \/variable/);
  });

  it('then an unclosed quote cannot be read', () => {
    expect(tokenizeOptions('query:"chip export')).toMatchObject({ ok: false, error: expect.stringContaining('a quote is not closed') });
  });
});
