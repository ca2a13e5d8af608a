/**
 * `lumen search` and `lumen ask` after `lumen import` (issue 13): the import leaves a snapshot
 * that vouches for archive.json, the verbs then answer from it alone, with the same output as
 * from the archive, and a damaged snapshot still gives the right answer (and is rewritten).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBriefingMarkdown } from '../../bench/generate-briefings.js';
import { answerOneShot } from '../../src/cli/open-library.js';
import { defaultLexicon } from '../../src/search/default-lexicon.js';
import { decodeSnapshot, encodingFingerprint } from '../../src/search/index-snapshot.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { SAMPLES_DIR } from '../support/seed.js';

const SEARCH = ['search', 'japan tarifs', '--json'];
const ASK = ['ask', 'Is Washington going to revisit car tariffs on Japan?', '--json'];
const SCOPED_ASK = ['ask', 'Will they coordinate with the EU?', '--briefing', 'japan tarifs', '--json'];

const pathOf = async (dataDir: string): Promise<string> => {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: { LUMEN_DATA_DIR: dataDir }, cwd: dataDir, now: () => new Date() };
  const answered = await answerOneShot(io, (search) => search.path);
  return answered.ok ? answered.value : answered.message;
};

describe('given lumen import of the samples and 80 more briefings', () => {
  let dataDir: string;
  const snapshotFile = (): string => join(dataDir, 'search-index.snapshot');

  beforeAll(async () => {
    dataDir = await tempDataDir();
    const inbox = join(dataDir, 'incoming');
    await mkdir(inbox);
    for (let i = 0; i < 80; i++) {
      const { fileName, text } = generateBriefingMarkdown(i);
      await writeFile(join(inbox, fileName), text);
    }
    expect((await runLumen(['import', SAMPLES_DIR, inbox], { dataDir })).code).toBe(0);
  });

  it('then the next search and ask answer from the snapshot alone, exactly as from the archive', async () => {
    expect(await pathOf(dataDir)).toBe('snapshot-only');
    const short = await Promise.all([SEARCH, ASK, SCOPED_ASK].map(async (argv) => runLumen(argv, { dataDir })));
    await rm(snapshotFile());
    expect(await pathOf(dataDir)).toBe('archive'); // and it saved the snapshot again
    const fromArchive = await Promise.all([SEARCH, ASK, SCOPED_ASK].map(async (argv) => runLumen(argv, { dataDir })));
    for (const [i, run] of short.entries()) {
      expect(run.code).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(10);
      expect(run.stdout).toBe(fromArchive[i]?.stdout);
      expect(run.stderr).toBe(fromArchive[i]?.stderr);
    }
    expect(short[2]?.stderr).toContain('showing japan-tariffs');
    expect(await pathOf(dataDir)).toBe('snapshot-only');
  });

  it('then a re-import of an edited file brings the snapshot up to date: the first search after it takes the short path and finds the edit', async () => {
    const { fileName, text } = generateBriefingMarkdown(3);
    const edited = join(dataDir, fileName);
    await writeFile(edited, text.replace(/^(# .*)$/m, '$1 walrus'));
    const imported = await runLumen(['import', edited, '--json'], { dataDir });
    expect(imported.json<{ updated: unknown[] }>().updated).toHaveLength(1);
    expect(await pathOf(dataDir)).toBe('snapshot-only');
    const found = await runLumen(['search', 'walrus', '--json'], { dataDir });
    expect(found.json<{ title: string }[]>()[0]?.title).toContain('walrus');
  });

  it("then a briefing's text damaged inside the snapshot still gives the archive's answer, and the snapshot is rewritten", async () => {
    const bytes = Buffer.from(await readFile(snapshotFile()));
    // Document 1 is not spot-checked on open: only the query that shows it reads its text.
    const state = decodeSnapshot(bytes, encodingFingerprint(defaultLexicon()))!.state;
    const slug = state.slugs[1]!;
    const expected = await runLumen(['search', slug.replaceAll('-', ' '), '--json'], { dataDir });
    expect(expected.json<{ slug: string }[]>()[0]?.slug).toBe(slug);
    const at = bytes.indexOf(`"slug":"${slug}"`);
    bytes[at + 9] = (bytes[at + 9] as number) ^ 0x01;
    await writeFile(snapshotFile(), bytes);

    const run = await runLumen(['search', slug.replaceAll('-', ' '), '--json'], { dataDir });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, expected.stdout, expected.stderr]);
    expect((await readFile(snapshotFile())).equals(bytes)).toBe(false);
    expect(await pathOf(dataDir)).toBe('snapshot-only');
  });
});
