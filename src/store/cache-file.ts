/**
 * A file that is a cache (the search index snapshot): read whole as bytes, absent reads as
 * undefined, written atomically but without fsync (losing it costs a rebuild, not data), and
 * leftover temporary files of crashed writers swept after each write.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { removeStaleTempFiles, writeFileAtomically } from './write-file-atomically.js';

/** Temporary files younger than this may belong to a writer still at work. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export class CacheFile {
  readonly name: string;
  /** Who reads and writes it, for a cache that records its writer (the search index snapshot). */
  readonly writer: string | undefined;

  /** `path`: the file; its directory must exist for writes to succeed. `writer`: see {@link CacheFile.writer}. */
  constructor(path: string, options: { writer?: string | undefined } = {}) {
    this.name = path;
    this.writer = options.writer;
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

  /**
   * The file opened for reads by range, or undefined if it does not exist; throws on other
   * errors. Reads see the version opened, even if a writer replaces the file meanwhile (the
   * rename leaves the open file as it was). Synchronous: a one-shot command reads a few
   * briefings' texts in the middle of a query.
   */
  openRanges(): { size: number; read(offset: number, length: number): Uint8Array; close(): void } | undefined {
    let fd: number;
    try {
      fd = openSync(this.name, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const size = fstatSync(fd).size;
    return {
      size,
      read: (offset, length) => {
        const out = new Uint8Array(length);
        for (let done = 0; done < length; ) {
          const n = readSync(fd, out, done, length - done, offset + done);
          if (n === 0) throw new Error(`${this.name} ends at ${offset + done}, before ${offset + length}`);
          done += n;
        }
        return out;
      },
      close: () => closeSync(fd),
    };
  }

  /** Replaces the file with `bytes` (atomic rename), then sweeps stale temporary files. */
  async write(bytes: Uint8Array): Promise<void> {
    await writeFileAtomically(this.name, bytes, { durable: false });
    await removeStaleTempFiles(this.name, STALE_TEMP_MS);
  }
}
