/**
 * The build identity the compiled CLI stamps its index snapshots with (issue 13): read from the
 * build stamp, and absent whenever there is no build to vouch for the code.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIdentity, readBuildId } from '../../src/cli/build-identity.js';

describe('given build stamps', () => {
  it('then the id of a stamp with one is read, and a stamp without one, unreadable or missing gives none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-build-id-'));
    const stamp = (name: string, text: string) => writeFile(join(dir, name), text).then(() => join(dir, name));
    expect(readBuildId(await stamp('ok.json', JSON.stringify({ startedAt: 1, buildId: 'b-1' })))).toBe('b-1');
    expect(readBuildId(await stamp('old.json', JSON.stringify({ startedAt: 1 })))).toBeUndefined();
    expect(readBuildId(await stamp('empty.json', JSON.stringify({ startedAt: 1, buildId: '' })))).toBeUndefined();
    expect(readBuildId(await stamp('torn.json', '{"startedAt":1,"bui'))).toBeUndefined();
    expect(readBuildId(join(dir, 'missing.json'))).toBeUndefined();
  });

  it('then the sources (as the tests run them) have no build identity: their snapshots are always spot-checked', () => {
    expect(buildIdentity()).toBeUndefined();
  });
});
