/** The sandbox's command line with subcommands: `/subscriptions list`, `/subscriptions test id:x`. */
import { describe, expect, it } from 'vitest';
import { readScriptLine } from '../../../src/sandbox/terminal/script-line.js';
import type { CommandShape } from '../../../src/sandbox/terminal/command-line.js';

const COMMANDS: CommandShape[] = [
  {
    name: 'subscriptions',
    options: [
      { name: 'list', type: 1, options: [] },
      { name: 'test', type: 1, options: [{ name: 'id', type: 3, required: true }] },
    ],
  },
];

describe('given a command with subcommands', () => {
  it('then the first word names the subcommand and the options are its own', () => {
    expect(readScriptLine('/subscriptions list', COMMANDS)).toMatchObject({ ok: true, step: { kind: 'command', name: 'subscriptions' } });
    expect(readScriptLine('/subscriptions test id:a1b2c3', COMMANDS)).toMatchObject({ ok: true });
    expect(readScriptLine('/subscriptions test a1b2c3', COMMANDS)).toMatchObject({ ok: true });
  });

  it('then no subcommand, an unknown one, or an option of another is refused, naming the subcommands', () => {
    expect(readScriptLine('/subscriptions', COMMANDS)).toEqual({ ok: false, error: '/subscriptions needs a subcommand: /subscriptions list, /subscriptions test' });
    expect(readScriptLine('/subscriptions show', COMMANDS)).toMatchObject({ ok: false, error: expect.stringContaining('needs a subcommand') });
    expect(readScriptLine('/subscriptions list id:x', COMMANDS)).toMatchObject({ ok: false, error: expect.stringContaining('/subscriptions list has no option "id"') });
  });
});
