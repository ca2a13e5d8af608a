import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LowdbBriefingArchive, ARCHIVE_FILE_NAME } from '../../src/store/lowdb-briefing-archive.js';

const LOOP = fileURLToPath(new URL('../support/write-archive-loop.ts', import.meta.url));

/**
 * Starts a process that rewrites the archive in a loop and, once it has finished `writes`
 * writes, kills it with SIGKILL `ms` later: in the middle of the next write.
 */
async function killWhileWriting(file: string, writes: number, ms: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let done = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      done += chunk.toString().split('wrote').length - 1;
      if (done >= writes) resolve();
    });
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('given a process killed with SIGKILL in the middle of writing the archive', () => {
  it('then the archive always opens valid, with one complete version of the data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumen-kill-'));
    const file = join(dir, ARCHIVE_FILE_NAME);
    // Kills land at different points of the write cycle (serialise, write, fsync, rename).
    for (const [writes, ms] of [[1, 0], [2, 3], [2, 9], [3, 17], [3, 26], [4, 40]] as const) {
      await killWhileWriting(file, writes, ms);
      const archive = await LowdbBriefingArchive.open(dir);
      const slugs = archive.list().map((b) => b.briefing.slug);
      const rounds = new Set(slugs.map((slug) => slug.split('-')[1]));
      // At least one write finished before the kill, so a whole version is always there.
      expect(slugs).toHaveLength(300);
      expect(rounds.size).toBe(1);
    }
  }, 120_000);
});
