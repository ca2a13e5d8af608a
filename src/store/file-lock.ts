/**
 * A lock file beside a data file, so two processes (the running bot and `lumen import`) never
 * write the archive at the same time from different snapshots. Created with O_EXCL; a lock left
 * by a process that died is taken over once it is older than `staleMs`.
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LumenError } from '../domain/errors.js';

export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: { timeoutMs?: number; staleMs?: number } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 60_000;
  const started = Date.now();
  // The first save into a new data directory creates it.
  await mkdir(dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockFile).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > staleMs) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new LumenError('store.locked', `${lockFile}: another lumen process has held this lock for ${Math.round(age / 1000)} s; try again, or delete the file if no lumen process is running`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}
