import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../support/run-cli.js';
import { SEED_PATH } from '../support/seed.js';

const BIN = fileURLToPath(new URL('../../bin/lumen.js', import.meta.url));
const run = promisify(execFile);

describe('given the lumen bin run as a real process', () => {
  it('then import and list work end to end and exit codes reach the shell', async () => {
    const env = { ...process.env, LUMEN_DATA_DIR: await tempDataDir() };
    const imported = await run(process.execPath, [BIN, 'import', SEED_PATH], { env });
    expect(imported.stdout).toBe('1 imported, 0 updated, 0 unchanged, 0 rejected\n');
    const listed = await run(process.execPath, [BIN, 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    await expect(run(process.execPath, [BIN, 'show', 'nope'], { env })).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [BIN, 'nope'], { env })).rejects.toMatchObject({ code: 2 });
  });
});
