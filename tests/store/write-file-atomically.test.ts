import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomically } from '../../src/store/write-file-atomically.js';

describe('given temporary files left beside a file by writers killed before their rename', () => {
  it('then those older than the limit are removed, younger ones (a writer at work) and other files kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-temp-'));
    const file = join(dir, 'search-index.snapshot');
    await writeFileAtomically(file, 'current', { durable: false });
    const old = join(dir, '.search-index.snapshot.123.0.tmp');
    const young = join(dir, '.search-index.snapshot.456.0.tmp');
    const other = join(dir, '.archive.json.123.tmp');
    for (const path of [old, young, other]) await writeFile(path, 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await utimes(other, twoHoursAgo, twoHoursAgo);

    expect(await removeStaleTempFiles(file, 60 * 60 * 1000)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['.archive.json.123.tmp', '.search-index.snapshot.456.0.tmp', 'search-index.snapshot']);
    expect(await readFile(file, 'utf8')).toBe('current');
  });
});
