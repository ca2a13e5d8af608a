/**
 * A file that is a cache (the search index snapshot): read whole as bytes, absent reads as
 * undefined, written atomically but without fsync (losing it costs a rebuild, not data), and
 * leftover temporary files of crashed writers swept after each write.
 */
import { readFile } from 'node:fs/promises';
import { removeStaleTempFiles, writeFileAtomically } from './write-file-atomically.js';

/** Temporary files younger than this may belong to a writer still at work. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export class CacheFile {
  readonly name: string;

  /** `path`: the file; its directory must exist for writes to succeed. */
  constructor(path: string) {
    this.name = path;
  }

  /** The file's bytes, or undefined if it does not exist; rejects on other read errors. */
  async read(): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Replaces the file with `bytes` (atomic rename), then sweeps stale temporary files. */
  async write(bytes: Uint8Array): Promise<void> {
    await writeFileAtomically(this.name, bytes, { durable: false });
    await removeStaleTempFiles(this.name, STALE_TEMP_MS);
  }
}
