/**
 * `lumen import <folder>` (issues 11 and 12): it takes every file a single-file import takes
 * (.md, .markdown, .txt), lists what it skipped and why, warns and exits 1 when nothing is
 * importable, prints paths as given, and one file that breaks the parser stops no other.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { SEED_TEXT } from '../support/seed.js';

const briefing = (slug: string) => `---\nslug: ${slug}\n---\n${SEED_TEXT}`;

function aliasBomb(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `---\nslug: bomb\n${levels.join('\n')}\n---\n${SEED_TEXT}`;
}

describe('given a folder holding only the briefing as delivered, 000_4dd67e00ecd1d115.txt', () => {
  it('then it is imported under a readable slug from its title', async () => {
    const dataDir = await tempDataDir();
    await mkdir(join(dataDir, 'delivered'));
    await writeFile(join(dataDir, 'delivered', '000_4dd67e00ecd1d115.txt'), SEED_TEXT);
    const run = await runLumen(['import', 'delivered', '--json'], { dataDir, cwd: dataDir });
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      imported: [{ slug: 'japan-us-tariffs', file: 'delivered/000_4dd67e00ecd1d115.txt', revision: 1 }],
      updated: [],
      unchanged: [],
      rejected: [],
      skipped: [],
    });
  });
});

describe('given a folder with briefings beside other files', () => {
  it('then .md, .markdown and .txt are imported and the rest is listed as skipped with why', async () => {
    const dataDir = await tempDataDir();
    const folder = join(dataDir, 'mixed');
    await mkdir(join(folder, '.git'), { recursive: true });
    await mkdir(join(folder, 'more'));
    await writeFile(join(folder, 'one.md'), briefing('one'));
    await writeFile(join(folder, 'two.markdown'), briefing('two'));
    await writeFile(join(folder, 'more', 'three.TXT'), briefing('three'));
    await writeFile(join(folder, 'README.md'), '# About this folder\n');
    await writeFile(join(folder, '.draft.md'), briefing('draft'));
    await writeFile(join(folder, 'chart.png'), 'not text');
    await writeFile(join(folder, '.git', 'HEAD'), 'ref: main');
    const run = await runLumen(['import', 'mixed/'], { dataDir, cwd: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('3 imported, 0 updated, 0 unchanged, 0 rejected, 4 skipped\n');
    expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'skipped: mixed/.draft.md: hidden file',
      'skipped: mixed/.git: hidden folder',
      'skipped: mixed/README.md: a README, not a briefing',
      'skipped: mixed/chart.png: not a briefing file (".png"; briefings are .md, .markdown, .txt)',
    ]);
  });
});

describe('given a folder with nothing importable', () => {
  it('then an empty folder is a warning and exit 1, not "0 imported" and success', async () => {
    const dataDir = await tempDataDir();
    await mkdir(join(dataDir, 'empty'));
    const run = await runLumen(['import', 'empty'], { dataDir, cwd: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('0 imported, 0 updated, 0 unchanged, 0 rejected\n');
    expect(run.stderr).toBe('warning: nothing to import: empty holds no .md, .markdown, .txt file\n');
  });

  it('then a folder of other files says what it skipped, warns, and exits 1 (JSON too)', async () => {
    const dataDir = await tempDataDir();
    await mkdir(join(dataDir, 'pdfs'));
    await writeFile(join(dataDir, 'pdfs', 'briefing.pdf'), '%PDF');
    const run = await runLumen(['import', 'pdfs', '--json'], { dataDir, cwd: dataDir });
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({
      skipped: [{ file: 'pdfs/briefing.pdf', reason: 'not a briefing file (".pdf"; briefings are .md, .markdown, .txt)' }],
      warnings: ['nothing to import: pdfs holds no .md, .markdown, .txt file (1 skipped)'],
    });
  });
});

describe('given paths written in different ways', () => {
  it('then --json prints each path exactly as given, absolute or relative', async () => {
    const dataDir = await tempDataDir();
    await mkdir(join(dataDir, 'in'));
    await writeFile(join(dataDir, 'in', 'a.md'), briefing('a'));
    await writeFile(join(dataDir, 'b.md'), briefing('b'));
    const absolute = join(dataDir, 'in');
    const run = await runLumen(['import', absolute, './b.md', '--json'], { dataDir, cwd: dataDir });
    expect(run.json<{ imported: { file: string }[] }>().imported.map((i) => i.file)).toEqual([`${absolute}/a.md`, './b.md']);
  });
});

describe('given a batch where one file breaks the YAML library (an alias bomb)', () => {
  it('then that file is rejected as file:line: problem and the two good files are stored', async () => {
    const dataDir = await tempDataDir();
    await mkdir(join(dataDir, 'batch'));
    await writeFile(join(dataDir, 'batch', 'a-good.md'), briefing('a-good'));
    await writeFile(join(dataDir, 'batch', 'b-bomb.md'), aliasBomb());
    await writeFile(join(dataDir, 'batch', 'c-good.md'), briefing('c-good'));
    const run = await runLumen(['import', 'batch'], { dataDir, cwd: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('2 imported, 0 updated, 0 unchanged, 1 rejected\n');
    expect(run.stderr).toBe('batch/b-bomb.md:4: front matter expands its YAML aliases (*name) too far (more than 20); write the values out\n');
  });
});
