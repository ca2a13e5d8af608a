import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LowdbBriefingArchive, ARCHIVE_FILE_NAME } from '../../src/store/lowdb-briefing-archive.js';

const LOOP = fileURLToPath(new URL('../support/write-archive-loop.ts', import.meta.url));

/** Starts a process that rewrites the archive in a loop and kills it with SIGKILL after `ms`. */
async function killWhileWriting(file: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('given a process killed with SIGKILL in the middle of writing the archive', () => {
  it('then the archive always opens valid, with one complete version of the data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-kill-'));
    const file = join(dir, ARCHIVE_FILE_NAME);
    // Kills land at different points of the write cycle (serialise, write, fsync, rename).
    let complete = 0;
    for (const ms of [150, 230, 310, 390, 470]) {
      await killWhileWriting(file, ms);
      const archive = await LowdbBriefingArchive.open(dir);
      const slugs = archive.list().map((b) => b.briefing.slug);
      const rounds = new Set(slugs.map((slug) => slug.split('-')[1]));
      expect(slugs.length === 0 || (slugs.length === 300 && rounds.size === 1)).toBe(true);
      if (slugs.length === 300) complete++;
    }
    expect(complete).toBeGreaterThanOrEqual(4); // the writer really was writing when killed
  }, 60_000);
});
