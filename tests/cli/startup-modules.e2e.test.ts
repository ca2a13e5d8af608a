import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isDistFresh } from '../../bin/dist-freshness.js';
import { tempDataDir } from '../support/run-cli.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/lumen.js', import.meta.url));
const TRACE = fileURLToPath(new URL('../support/module-trace.mjs', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../data/samples/japan-tariffs.md', import.meta.url));

/** The modules `lumen <argv>` loads, as URLs, from a real process. */
async function modulesLoadedBy(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const { stderr } = await run(process.execPath, ['--import', TRACE, BIN, ...argv], { maxBuffer: 1 << 24, env });
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('module '))
    .map((line) => line.slice('module '.length));
}

const heavy = (urls: string[]) => urls.filter((url) => /node_modules\/(discord\.js|@discordjs|ws|fuse\.js|minisearch)\/|\/src\/(sandbox|search|discord|library)\//.test(url));

describe('given lumen run as a real process', () => {
  it('then lumen --help loads no verb, and neither it nor lumen parse loads Discord, the emulator or search', async () => {
    const help = await modulesLoadedBy(['--help']);
    expect(help.some((url) => url.includes('/cli/main.'))).toBe(true);
    expect(help.filter((url) => url.includes('/cli/verbs/'))).toEqual([]);
    expect(heavy(help)).toEqual([]);
    const parse = await modulesLoadedBy(['parse', SAMPLE]);
    expect(parse.some((url) => url.includes('/cli/verbs/parse-verb.'))).toBe(true);
    expect(heavy(parse)).toEqual([]);
  });

  it('then lumen list from the catalog loads neither lowdb nor the archive schema, search from the snapshot alone no lowdb, and the compiled CLI loads zod as one module', async () => {
    const dataDir = await tempDataDir();
    const env = { ...process.env, LUMEN_DATA_DIR: dataDir };
    await run(process.execPath, [BIN, 'import', SAMPLE], { env });
    const archiveCode = (urls: string[]) => urls.filter((url) => /node_modules\/lowdb\/|\/store\/(archive\.schema|lowdb-briefing-archive|validated-json-file)\./.test(url));
    const list = await modulesLoadedBy(['list', '--json'], env);
    expect(list.some((url) => url.includes('/cli/verbs/list-verb.'))).toBe(true);
    expect(archiveCode(list)).toEqual([]);
    const search = await modulesLoadedBy(['search', 'japan tarifs', '--json'], env);
    expect(search.some((url) => url.includes('/search/snapshot-pages.'))).toBe(true);
    expect(archiveCode(search)).toEqual([]);
    if (isDistFresh(fileURLToPath(new URL('../../', import.meta.url)))) {
      expect(list.filter((url) => url.includes('/node_modules/zod/'))).toEqual([]);
      expect(list.some((url) => url.endsWith('/dist/vendor/zod.js'))).toBe(true);
    }
  });
});
