/**
 * Writes a whole file so that readers see the old content or the new, never a mix: a temporary
 * file beside it, then a rename over it (atomic on POSIX). `durable` also fsyncs the file and
 * the directory, so the new content survives a power cut; a cache can skip that, since losing
 * it only costs a rebuild.
 */
import { open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let written = 0;

/** Replaces `file` with `data` atomically (`durable`: and fsynced). The directory must exist. */
export async function writeFileAtomically(file: string, data: string | Uint8Array, options: { durable: boolean }): Promise<void> {
  const dir = dirname(file);
  // Unique within the process (the counter) and across processes (the pid), hidden by the dot.
  const temp = join(dir, `.${basename(file)}.${process.pid}.${written++}.tmp`);
  try {
    if (options.durable) {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      await writeFile(temp, data);
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  if (options.durable) {
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}

/**
 * Removes temporary files of `file` older than `olderThanMs`: what a writer killed between write
 * and rename left behind. Younger ones may belong to a writer still at work.
 */
export async function removeStaleTempFiles(file: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > olderThanMs && (await unlink(path).then(() => true, () => false))) removed++;
  }
  return removed;
}
