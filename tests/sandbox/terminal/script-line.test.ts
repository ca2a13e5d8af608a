import { describe, expect, it } from 'vitest';
import { readScriptLine } from '../../../src/sandbox/terminal/script-line.js';

describe('given sandbox script lines', () => {
  it('then a slash command keeps quoted values with spaces and #channel values', () => {
    expect(readScriptLine('/subscribe channel:#briefings mode:digest topic:"chip export controls" time:08:00')).toEqual({
      ok: true,
      step: {
        kind: 'command',
        name: 'subscribe',
        tokens: [
          { name: 'channel', value: '#briefings', quoted: false },
          { name: 'mode', value: 'digest', quoted: false },
          { name: 'topic', value: 'chip export controls', quoted: true },
          { name: 'time', value: '08:00', quoted: false },
        ],
      },
    });
  });

  it('then directives are read with their arguments', () => {
    expect(readScriptLine('@as member')).toEqual({ ok: true, step: { kind: 'as', user: 'member' } });
    expect(readScriptLine('@in #briefings')).toEqual({ ok: true, step: { kind: 'in', channel: 'briefings' } });
    expect(readScriptLine('@click "Full briefing"')).toEqual({ ok: true, step: { kind: 'click', label: 'Full briefing' } });
    expect(readScriptLine('@advance 3h')).toEqual({ ok: true, step: { kind: 'advance', ms: 3 * 3_600_000, text: '3h' } });
    expect(readScriptLine('@advance 2d')).toMatchObject({ ok: true, step: { ms: 2 * 86_400_000 } });
    expect(readScriptLine('@restart')).toEqual({ ok: true, step: { kind: 'restart' } });
    expect(readScriptLine('# a comment')).toEqual({ ok: true, step: { kind: 'comment' } });
  });

  it('then a mistake is explained, not guessed at', () => {
    expect(readScriptLine('@advance soon')).toEqual({ ok: false, error: '@advance needs a duration such as 30m, 3h or 2d' });
    expect(readScriptLine('@teleport x')).toMatchObject({ ok: false, error: expect.stringContaining('unknown directive @teleport') });
    expect(readScriptLine('/brief briefing:"unclosed')).toMatchObject({ ok: false });
    expect(readScriptLine('hello')).toMatchObject({ ok: false });
  });
});
