import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_ARCHIVE_HINT } from '../../src/cli/cli-io.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';

describe('given a path that cannot be read', () => {
  it('then lumen parse and lumen import both say "path: no such file", without Node text or a line', async () => {
    const dataDir = await tempDataDir();
    const missing = join(dataDir, 'nonexistent.md');
    const parse = await runLumen(['parse', missing], { dataDir });
    const imported = await runLumen(['import', missing], { dataDir });
    expect(parse.code).toBe(1);
    expect(parse.stderr).toBe(`${missing}: no such file\n`);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(`${missing}: no such file\n`);
  });

  it('then lumen parse of a folder says it is a directory and points to lumen import', async () => {
    const dataDir = await tempDataDir();
    const folder = join(dataDir, 'incoming');
    await mkdir(folder);
    const run = await runLumen(['parse', folder, '--json'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.json<{ errors: string[] }>().errors).toEqual([`${folder}: is a directory (give a file, or use lumen import for a folder)`]);
  });
});

describe('given an unknown option', () => {
  it.each(['list', 'search', 'show', 'parse', 'import', 'deliveries'])('then lumen %s --bogus says which option, points to its --help, and exits 2', async (verb) => {
    const run = await runLumen([verb, '--bogus'], { dataDir: await tempDataDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lumen ${verb}: unknown option --bogus (lumen ${verb} --help lists the options)\n`);
  });

  it('then a short one is named as typed', async () => {
    const run = await runLumen(['list', '-z'], { dataDir: await tempDataDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lumen list: unknown option -z (lumen list --help lists the options)\n');
  });
});

describe('given an empty archive', () => {
  it.each([
    ['search', ['search', 'tariffs']],
    ['ask', ['ask', 'Will the U.S. reassess tariffs?']],
  ])('then lumen %s says the archive is empty and how to add briefings, exit 1', async (_name, argv) => {
    const run = await runLumen(argv, { dataDir: await tempDataDir() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${EMPTY_ARCHIVE_HINT}\n`);
  });

  it('then lumen search --json still prints JSON ([]) on stdout', async () => {
    const run = await runLumen(['search', 'tariffs', '--json'], { dataDir: await tempDataDir() });
    expect(run.code).toBe(1);
    expect(run.json()).toEqual([]);
  });

  it('then lumen show ends with the empty-archive hint, without "(lumen list shows them all)"', async () => {
    const run = await runLumen(['show', 'japan-tariffs'], { dataDir: await tempDataDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`No briefing "japan-tariffs". ${EMPTY_ARCHIVE_HINT}\n`);
  });
});

describe('given a folder holding a file whose name carries a terminal escape', () => {
  it('then lumen import lists it as skipped with the escape shown, never raw', async () => {
    const dataDir = await tempDataDir();
    const folder = join(dataDir, 'incoming');
    await mkdir(folder);
    await writeFile(join(folder, 'notes\u001b[2J.pdf'), 'not a briefing');
    const run = await runLumen(['import', 'incoming'], { dataDir, cwd: dataDir });
    expect(run.stderr).toContain('skipped: incoming/notes\\x1b[2J.pdf: ');
    expect(run.stderr).not.toContain('\u001b');
  });
});
