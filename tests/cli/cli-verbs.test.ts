import { mkdir, writeFile, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { SAMPLES_DIR, SEED_PATH, SEED_TEXT } from '../support/seed.js';

describe('given lumen parse', () => {
  it('then --json prints the Briefing model of the seed and exits 0', async () => {
    const run = await runLumen(['parse', SEED_PATH, '--json'], { dataDir: await tempDataDir() });
    expect(run.code).toBe(0);
    const briefing = run.json<{ slug: string; keyVariables: unknown[]; structure: { actors: string[] } }>();
    expect(briefing.slug).toBe('japan-tariffs');
    expect(briefing.structure.actors).toEqual(['U.S.', 'Japan']);
    expect(briefing.keyVariables).toHaveLength(4);
  });

  it('then a bad file exits 1 with "file:line: problem" and stores nothing', async () => {
    const dataDir = await tempDataDir();
    const bad = join(dataDir, 'notes.md');
    await writeFile(bad, 'just some notes\n');
    const run = await runLumen(['parse', bad], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${bad}:1: no title: put it under a "# Title" heading or make it the first "# " heading\n`);
  });
});

describe('given lumen import of a folder with good and bad files', () => {
  let dataDir: string;
  let inbox: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    inbox = join(dataDir, 'incoming');
    await mkdir(inbox);
    await writeFile(join(inbox, 'japan-tariffs.md'), SEED_TEXT);
    await writeFile(join(inbox, 'empty.md'), '');
    await writeFile(join(inbox, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  });

  it('then the good file lands, each bad one is named with its reason, and the exit code is 1', async () => {
    const run = await runLumen(['import', 'incoming', '--json'], { dataDir, cwd: dataDir });
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      imported: [{ slug: 'japan-tariffs', file: 'incoming/japan-tariffs.md', revision: 1 }],
      updated: [],
      unchanged: [],
      rejected: [
        { file: 'incoming/binary.md', errors: ['incoming/binary.md:1: the file is binary (it contains NUL bytes), not a Markdown briefing'] },
        { file: 'incoming/empty.md', errors: ['incoming/empty.md:1: the file is empty'] },
      ],
      skipped: [],
    });
    const list = await runLumen(['list', '--json'], { dataDir });
    expect(list.json()).toEqual([{ slug: 'japan-tariffs', title: 'LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS', publishedAt: '2026-11-25T10:00:00.000Z' }]);
  });

  it('then importing the same file again is unchanged, and changed content is an update with a new revision', async () => {
    const file = join(inbox, 'japan-tariffs.md');
    expect((await runLumen(['import', file, '--json'], { dataDir, cwd: dataDir })).json()).toMatchObject({ unchanged: [{ slug: 'japan-tariffs', revision: 1 }] });
    await writeFile(file, SEED_TEXT.replace('firm stance', 'very firm stance'));
    const run = await runLumen(['import', file], { dataDir, cwd: dataDir, now: new Date('2026-11-26T10:00:00.000Z') });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('0 imported, 1 updated, 0 unchanged, 0 rejected\n');
    const shown = (await runLumen(['show', 'japan-tariffs', '--json'], { dataDir })).json<{ summary: string; publishedAt: string }>();
    expect(shown.summary).toContain('very firm stance');
    expect(shown.publishedAt).toBe('2026-11-25T10:00:00.000Z'); // the first import's date: the file has none
  });
});

describe('given a data directory that does not exist yet', () => {
  it('then lumen import creates it and stores the briefing', async () => {
    const dataDir = join(await tempDataDir(), 'new', 'data');
    const run = await runLumen(['import', SEED_PATH], { dataDir });
    expect(run.stdout).toBe('1 imported, 0 updated, 0 unchanged, 0 rejected\n');
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(join(dataDir, 'archive.json'), 'utf8')).briefings).toHaveLength(1);
  });
});

describe('given an archive holding the samples', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDataDir();
    const run = await runLumen(['import', SAMPLES_DIR], { dataDir });
    expect(run.code).toBe(0);
  });

  it('then list --json is newest first', async () => {
    const rows = (await runLumen(['list', '--json'], { dataDir })).json<{ slug: string; publishedAt: string }[]>();
    expect(rows.length).toBeGreaterThanOrEqual(13);
    const dates = rows.map((r) => r.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('then show --section variables --json gives just the key variables', async () => {
    const run = await runLumen(['show', 'japan-tariffs', '--section', 'variables', '--json'], { dataDir });
    const shown = run.json<{ slug: string; keyVariables: { n: number; text: string }[] }>();
    expect(Object.keys(shown)).toEqual(['slug', 'keyVariables']);
    expect(shown.keyVariables).toHaveLength(4);
    expect(shown.keyVariables[0]).toEqual({ n: 1, text: 'Will the U.S. reassess tariffs on Japanese automakers or the chip industry?' });
  });

  it('then show of an unknown slug exits 1 suggesting the closest slug', async () => {
    const run = await runLumen(['show', 'tarifs'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Did you mean: japan-tariffs');
  });

  it('then position resolves aliases and accents: us and washington are U.S., turkiye is Türkiye', async () => {
    const us = (await runLumen(['position', 'japan-tariffs', 'us', '--json'], { dataDir })).json<{ actor: string; positions: unknown[] }>();
    expect(us.actor).toBe('U.S.');
    expect(us.positions).toHaveLength(4);
    expect((await runLumen(['position', 'japan-tariffs', 'Washington', '--json'], { dataDir })).json()).toMatchObject({ actor: 'U.S.' });
    expect((await runLumen(['position', 'black-sea-grain-deal', 'turkiye', '--json'], { dataDir })).json()).toMatchObject({ actor: 'Türkiye' });
  });

  it('then position --dimension narrows to one dimension', async () => {
    const run = await runLumen(['position', 'japan-tariffs', 'japan', '--dimension', 'tariff policy tools', '--json'], { dataDir });
    expect(run.json()).toEqual({ slug: 'japan-tariffs', actor: 'Japan', positions: [{ dimension: 'Tariff Policy Tools', text: 'Attempts to buffer, avoid re-imbalance' }] });
  });

  it('then search --json gives [{ slug, title, score, field, snippet }] best first, forgiving typos', async () => {
    const results = (await runLumen(['search', 'shiping', 'insurance', '--limit', '3', '--json'], { dataDir })).json<Record<string, unknown>[]>();
    expect(results.length).toBeGreaterThan(0);
    expect(Object.keys(results[0] ?? {}).sort()).toEqual(['field', 'score', 'slug', 'snippet', 'title']);
    expect(results[0]?.slug).toBe('red-sea-shipping');
    const scores = results.map((r) => r.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('then search leaves an index snapshot beside the archive, and a later search reads it with the same answer', async () => {
    await rm(join(dataDir, 'search-index.snapshot'), { force: true });
    const first = await runLumen(['search', 'erdogan', 'grain', '--json'], { dataDir });
    const snapshot = await stat(join(dataDir, 'search-index.snapshot'));
    const second = await runLumen(['search', 'erdogan', 'grain', '--json'], { dataDir });
    expect(second.stdout).toBe(first.stdout);
    expect((await stat(join(dataDir, 'search-index.snapshot'))).mtimeMs).toBe(snapshot.mtimeMs);
    expect(first.json<{ slug: string }[]>()[0]?.slug).toBe('black-sea-grain-deal');
  });

  it('then ask --json maps a paraphrased question to the key variable, with related material', async () => {
    const run = await runLumen(['ask', 'Is Washington going to revisit car tariffs on Japan?', '--json'], { dataDir });
    const [best] = run.json<{ slug: string; keyVariable: { n: number }; related: { trends: unknown[]; positions: unknown[] } }[]>();
    expect(best?.slug).toBe('japan-tariffs');
    expect(best?.keyVariable.n).toBe(1);
    expect(best?.related.trends.length).toBeGreaterThan(0);
  });

  it('then ask --briefing keeps to that briefing, and an unknown one exits 1', async () => {
    const scoped = (await runLumen(['ask', 'chips', '--briefing', 'japan-tariffs', '--json'], { dataDir })).json<{ slug: string }[]>();
    expect(scoped.every((r) => r.slug === 'japan-tariffs')).toBe(true);
    expect((await runLumen(['ask', 'chips', '--briefing', 'nope'], { dataDir })).code).toBe(1);
    expect((await runLumen(['search', 'x', '--limit', 'lots'], { dataDir })).code).toBe(2);
  });

  it('then an unknown actor exits 1 listing the actors', async () => {
    const run = await runLumen(['position', 'japan-tariffs', 'brazil'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('No actor "brazil" in japan-tariffs. Its actors are: U.S., Japan\n');
  });
});

describe('given wrong use of the command line', () => {
  it('then an unknown verb, unknown option, missing argument or bad section exit 2', async () => {
    const dataDir = await tempDataDir();
    expect((await runLumen(['frobnicate'], { dataDir })).code).toBe(2);
    expect((await runLumen(['list', '--jsn'], { dataDir })).code).toBe(2);
    expect((await runLumen(['show'], { dataDir })).code).toBe(2);
    const bad = await runLumen(['show', 'x', '--section', 'everything'], { dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--section must be one of summary, incident');
  });

  it('then every verb answers --help with its usage and exits 0', async () => {
    const dataDir = await tempDataDir();
    for (const verb of ['start', 'sandbox', 'parse', 'import', 'list', 'show', 'position', 'search', 'ask', 'deliveries', 'deploy-commands']) {
      const run = await runLumen([verb, '--help'], { dataDir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: lumen ${verb}`);
    }
  });

  it('then a bad configuration value is one line naming the variable, exit 1', async () => {
    const run = await runLumen(['list'], { dataDir: await tempDataDir(), env: { LUMEN_LOG_LEVEL: 'loud' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('LUMEN_LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")\n');
  });

  it('then a corrupt archive is refused naming the file, and left as it was', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, 'archive.json'), 'not json');
    const run = await runLumen(['list'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${join(dataDir, 'archive.json')}: is not valid JSON`));
    expect(await readFile(join(dataDir, 'archive.json'), 'utf8')).toBe('not json');
  });
});
