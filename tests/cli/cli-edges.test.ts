import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/cli-io.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { getBriefing, getIncoming } from '../support/briefing-factory.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { SAMPLES_DIR } from '../support/seed.js';

const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE_TITLE = `LUMEN INSIGHT: ${ESC}]0;pwned${BEL}TARIFFS ${ESC}[32mOK${ESC}[0m`;
// Any raw control character other than tab and newline reaching the terminal.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('given briefing text holding terminal escape sequences', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDataDir();
    // Stored directly, as a hand-edited or older archive could hold it, whatever the parser strips today.
    const archive = await LowdbBriefingArchive.open(dataDir);
    const [first, ...rest] = getBriefing().keyVariables;
    const keyVariables = [{ n: first?.n ?? 1, text: `${first?.text ?? ''} ${ESC}[31mnow${ESC}[0m` }, ...rest];
    const incoming = getIncoming({ slug: 'hostile', title: HOSTILE_TITLE, summary: `Summary ${ESC}[2J cleared\rover ${'\u009b'}31m`, keyVariables });
    await archive.save([incoming], new Date('2026-11-25T10:00:00.000Z'));
  });

  it.each([
    ['list', ['list']],
    ['show', ['show', 'hostile']],
    ['show --section summary', ['show', 'hostile', '--section', 'summary']],
    ['search', ['search', 'tariffs']],
    ['ask', ['ask', 'Will the U.S. reassess tariffs on Japanese automakers?']],
    ['position', ['position', 'hostile', 'us']],
  ])('then lumen %s prints them escaped, never raw', async (_name, argv) => {
    const run = await runLumen(argv, { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it('then the escapes are visible, so the operator sees what the text holds', async () => {
    const run = await runLumen(['show', 'hostile'], { dataDir });
    expect(run.stdout).toContain('LUMEN INSIGHT: \\x1b]0;pwned\\x07TARIFFS \\x1b[32mOK\\x1b[0m');
    expect(run.stdout).toContain('\\x1b[2J cleared\\x0dover \\x9b31m');
  });

  it('then JSON output stays exact: the title parses back to the very same string', async () => {
    const shown = (await runLumen(['show', 'hostile', '--json'], { dataDir })).json<{ title: string }>();
    expect(shown.title).toBe(HOSTILE_TITLE);
    const listed = (await runLumen(['list', '--json'], { dataDir })).json<{ title: string }[]>();
    expect(listed[0]?.title).toBe(HOSTILE_TITLE);
  });

  it('then terminalSafe keeps tab and newline and escapes the rest', () => {
    expect(terminalSafe(`a\tb\nc${ESC}[1m\u0000\u007f`)).toBe('a\tb\nc\\x1b[1m\\x00\\x7f');
  });
});

describe('given the CLI\'s small edges', () => {
  it('then lumen search "" and lumen ask "" are usage errors (exit 2), as is whitespace alone', async () => {
    const dataDir = await tempDataDir();
    for (const argv of [['search', ''], ['ask', ''], ['search', '  '], ['ask', '', '--json']]) {
      const run = await runLumen(argv, { dataDir });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^lumen ${argv[0]}: the (query|question) is empty`));
    }
  });

  it('then parse --json reports a rejected file as JSON on stdout, exit 1', async () => {
    const dataDir = await tempDataDir();
    const bad = join(dataDir, 'notes.md');
    await writeFile(bad, 'just some notes\n');
    const run = await runLumen(['parse', bad, '--json'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.json()).toEqual({
      file: bad,
      errors: [`${bad}:1: no title: put it under a "# Title" heading or make it the first "# " heading`],
      issues: [{ line: 1, code: expect.any(String), message: 'no title: put it under a "# Title" heading or make it the first "# " heading' }],
    });
  });
});

describe('given lumen show and position with a typed name that is not a slug', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDataDir();
    expect((await runLumen(['import', SAMPLES_DIR], { dataDir })).code).toBe(0);
  });

  it('given a clear typo, then it shows that briefing, saying so on stderr (stdout stays the JSON alone)', async () => {
    const run = await runLumen(['show', 'japan-tarifs', '--json'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.json<{ slug: string }>().slug).toBe('japan-tariffs');
    expect(run.stderr).toBe('showing japan-tariffs, the closest match to "japan-tarifs"\n');
    const position = await runLumen(['position', 'red sea shiping', 'houthis', '--json'], { dataDir });
    expect(position.json<{ slug: string }>().slug).toBe('red-sea-shipping');
    const asked = await runLumen(['ask', 'chips', '--briefing', 'japan-tarifs', '--json'], { dataDir });
    expect(asked.code).toBe(0);
    const answers = asked.json<{ slug: string }[]>();
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.slug === 'japan-tariffs')).toBe(true);
  });

  it('given a name two briefings fit about as well, then it exits 1 listing both', async () => {
    const run = await runLumen(['show', 'japan'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('No briefing "japan". Did you mean: japan-tariffs, japan-us-defense-costs? (lumen list shows them all)\n');
  });

  it('given an empty archive, then it says how briefings get in', async () => {
    const run = await runLumen(['show', 'japan-tariffs'], { dataDir: await tempDataDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The archive is empty. Add briefings with: lumen import <file|dir> (lumen import data/samples to try it)');
  });
});
