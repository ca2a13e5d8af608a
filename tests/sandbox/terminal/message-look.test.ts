/**
 * The bot's real messages as the terminal sandbox shows them: the key-variable menu one option a
 * line (and `@select` still picking from it), long lines wrapped inside their block at the
 * terminal's width, and /ask buttons shown with exactly the labels the bot sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sandbox/sandbox.js';
import { renderMessageText, type MessageView } from '../../../src/sandbox/terminal/render-message.js';
import { SandboxSession, type StepReport } from '../../../src/sandbox/terminal/sandbox-session.js';
import { readScriptLine } from '../../../src/sandbox/terminal/script-line.js';
import { describeMessage } from '../../../src/sandbox/terminal/transcript.js';
import { startSandbox } from '../../support/sandbox-harness.js';

let sandbox: Sandbox;
let session: SandboxSession;

beforeAll(async () => {
  sandbox = await startSandbox();
  session = new SandboxSession(sandbox);
});
afterAll(async () => {
  await sandbox.stop();
});

async function type(line: string): Promise<StepReport> {
  const read = readScriptLine(line);
  if (!read.ok) throw new Error(read.error);
  return session.run(read.step);
}

const text = (report: StepReport): string => report.messages.map((m) => renderMessageText(m.data as MessageView, { color: false })).join('\n');

describe('given the japan-tariffs card in the terminal sandbox', () => {
  it('then the key-variable menu is its placeholder, then one option a line, each numbered once', async () => {
    const lines = text(await type('/brief japan-tariffs')).split('\n');
    const menu = lines.findIndex((l) => l.startsWith('[▾ Open a key variable'));
    expect(lines[menu]).toBe('[▾ Open a key variable…]');
    expect(lines[menu + 1]).toMatch(/^ {2}1\) Will /);
    expect(lines[menu + 2]).toMatch(/^ {2}2\) Will /);
    expect(lines.join('\n')).not.toMatch(/\d\) \d+\. /);
  });

  it('then @select 2 still opens key variable 2, and the menu marks it chosen', async () => {
    const report = await type('@select 2');
    expect(report.notes).toEqual([]);
    expect(text(report)).toContain('Key Variables: 2 of 4');
    expect(text(report)).toMatch(/^ {2}2\) Will .* \(chosen\)$/m);
  });

  it('given a terminal 50 columns wide, then every line fits and every embed line keeps the │ bar', async () => {
    const report = await type('/brief japan-tariffs');
    const [card] = report.messages;
    if (!card) throw new Error('no card');
    const wide = describeMessage(sandbox, card, { color: false }).split('\n');
    const narrow = describeMessage(sandbox, card, { color: false, width: 50 }).split('\n');
    expect(wide.some((l) => [...l].length > 50)).toBe(true);
    expect(narrow.length).toBeGreaterThan(wide.length);
    for (const line of narrow) expect([...line].length).toBeLessThanOrEqual(50);
    const embedLines = narrow.slice(1, narrow.findIndex((l) => l.startsWith('[')));
    for (const line of embedLines) expect(line.startsWith('│')).toBe(true);
  });
});

describe('given an /ask answer in the terminal sandbox', () => {
  it('then its buttons show exactly the labels the bot sends (the long "2. TITLE #n" label is render/ask-results.ts\'s own)', async () => {
    const report = await type('/ask question:will japan retaliate');
    const message = report.messages.at(-1);
    const labels = ((message?.data as MessageView).components ?? []).flatMap((row) => (row.components ?? []).map((c) => c.label ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(text(report)).toContain(`[${label}]`);
  });
});
