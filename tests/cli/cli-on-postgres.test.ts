/**
 * Issue 17: with LUMEN_DATABASE_URL the command line works on PostgreSQL: `lumen import` stores
 * there (no archive.json appears), and `list`, `show`, `search` and `ask` read from there.
 */
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceSkippedWithoutDatabase, TEST_DATABASE_URL, testSchema } from '../store/postgres/test-database.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';

announceSkippedWithoutDatabase('the command line on PostgreSQL');

const SAMPLE = new URL('../../data/samples/japan-tariffs.md', import.meta.url);

describe.skipIf(!TEST_DATABASE_URL)('given LUMEN_DATABASE_URL, then the command line keeps and reads briefings in PostgreSQL', () => {
  it('then import stores there, list, show, search and ask find it, and no archive file is written', { timeout: 120_000 }, async () => {
    const { schema, drop } = testSchema();
    const dataDir = await tempDataDir();
    const env = { LUMEN_DATABASE_URL: TEST_DATABASE_URL as string, LUMEN_DATABASE_SCHEMA: schema };
    try {
      const file = join(dataDir, 'japan-tariffs.md');
      await writeFile(file, await readFile(SAMPLE));
      const imported = await runLumen(['import', file, '--json'], { dataDir, env });
      expect(imported.stderr).toBe('');
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: [{ slug: 'japan-tariffs', revision: 1 }] });
      await expect(access(join(dataDir, 'archive.json'))).rejects.toThrow();
      expect(JSON.parse((await runLumen(['list', '--json'], { dataDir, env })).stdout)).toMatchObject([{ slug: 'japan-tariffs' }]);
      const shown = await runLumen(['show', 'japan-tariffs', '--json'], { dataDir, env });
      expect(JSON.parse(shown.stdout)).toMatchObject({ slug: 'japan-tariffs' });
      const found = await runLumen(['search', 'Toyota tariffs', '--json'], { dataDir, env });
      expect(found.stdout).toContain('japan-tariffs');
      expect(JSON.parse((await runLumen(['deliveries', '--json'], { dataDir, env })).stdout)).toEqual([]);
      const asked = await runLumen(['ask', 'Will Washington ease the car tariffs?', '--json'], { dataDir, env });
      expect(asked.stdout).toContain('japan-tariffs');
    } finally {
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
