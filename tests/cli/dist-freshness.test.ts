import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDistFresh, STAMP_FILE } from '../../bin/dist-freshness.js';

/** A package folder with src/, commands/ and a build stamp, every file dated `at`. */
async function builtPackage(root: string, builtAt: number): Promise<void> {
  const old = new Date(builtAt - 60_000);
  await mkdir(join(root, 'src', 'cli'), { recursive: true });
  await mkdir(join(root, 'commands'), { recursive: true });
  await mkdir(join(root, 'dist'), { recursive: true });
  for (const file of ['src/cli/main.ts', 'commands/brief.ts']) {
    await writeFile(join(root, file), '// source\n');
    await utimes(join(root, file), old, old);
  }
  for (const dir of ['src/cli', 'src', 'commands']) await utimes(join(root, dir), old, old);
  await writeFile(join(root, STAMP_FILE), JSON.stringify({ startedAt: builtAt }));
}

describe('given dist/ and the sources it was built from', () => {
  let root: string;
  const builtAt = Date.parse('2026-11-01T12:00:00Z');
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'lumen-dist-'));
    await builtPackage(root, builtAt);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('then a build newer than every source is fresh', () => {
    expect(isDistFresh(root)).toBe(true);
  });

  it('then a source saved after the build started makes it stale', async () => {
    const later = new Date(builtAt + 1);
    await utimes(join(root, 'src/cli/main.ts'), later, later);
    expect(isDistFresh(root)).toBe(false);
  });

  it('then a file added or deleted in a nested folder since the build makes it stale', async () => {
    const later = new Date(builtAt + 1_000);
    await utimes(join(root, 'src/cli'), later, later);
    expect(isDistFresh(root)).toBe(false);
  });

  it('then a change under commands/ counts too', async () => {
    const later = new Date(builtAt + 1_000);
    await utimes(join(root, 'commands/brief.ts'), later, later);
    expect(isDistFresh(root)).toBe(false);
  });

  it('then a missing or unreadable stamp means no usable build', async () => {
    await writeFile(join(root, STAMP_FILE), 'not json');
    expect(isDistFresh(root)).toBe(false);
    await rm(join(root, STAMP_FILE));
    expect(isDistFresh(root)).toBe(false);
  });
});
