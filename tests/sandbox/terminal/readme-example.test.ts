/**
 * The README's "Try it" conversation, run as a sandbox script exactly as the README shows it:
 * the README and the sandbox's behaviour cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLumen, tempDataDir } from '../../support/run-cli.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const PROMPT = /^#(\S+) as (\S+) › (.+)$/;

/** The first ```text block of the "Try it: the sandbox" section. */
function tryItExample(): string[] {
  const section = README.slice(README.indexOf('## Try it: the sandbox'));
  const block = /```text\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error('README: no ```text block under "Try it: the sandbox"');
  return block.split('\n');
}

/** The typed lines as a script: a prompt in another channel or as another user becomes @in / @as. */
function asScript(lines: readonly string[]): string[] {
  const script: string[] = [];
  let channel = 'general';
  let user = 'admin';
  for (const line of lines) {
    const typed = PROMPT.exec(line);
    if (!typed) continue;
    const [, where = '', who = '', what = ''] = typed;
    if (where !== channel) script.push(`@in ${(channel = where)}`);
    if (who !== user) script.push(`@as ${(user = who)}`);
    script.push(what);
  }
  return script;
}

describe("given the README's sandbox example", () => {
  const example = tryItExample();
  const script = asScript(example);

  it('then it types the headline phrases, /brief japan-tariffs positionally', () => {
    expect(script[0]).toBe('/brief japan-tariffs');
    expect(script).toEqual(expect.arrayContaining(['@click Trends', '/publish file:examples/new-briefing.md', '@advance 1d']));
  });

  it('then run as a script every step goes through, and every reply line the README shows is in the transcript', async () => {
    const dataDir = await tempDataDir();
    const file = join(dataDir, 'readme.txt');
    await writeFile(file, `${script.join('\n')}\n`);
    const run = await runLumen(['sandbox', '--script', file], { dataDir, cwd: REPO });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/· error:/);
    const shown = example.filter((line) => !PROMPT.test(line) && line !== '...');
    expect(shown.length).toBeGreaterThan(5);
    for (const line of shown) {
      // "..." ends a line the README cuts short.
      expect(run.stdout, line).toContain(line.replace(/ \.\.\.$/, ''));
    }
  });
});
