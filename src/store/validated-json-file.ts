/**
 * A lowdb adapter for one JSON file: validated with zod on read, written atomically on write.
 *
 * Atomic means a crash or `kill -9` at any moment leaves either the previous file or the new
 * one, never a mix: we write a temporary file beside it, fsync it, rename it over the old one
 * (rename is atomic on POSIX), then fsync the directory so the rename itself survives a power cut.
 *
 * The rename would also replace what an operator set up on purpose, so it is refused instead:
 * a read-only file (its mode says "do not write"), a directory where the file should be, a
 * symbolic link to nothing (read as "no file yet", it would become an empty store). A link to
 * a real file is followed: the target is replaced, the link stays.
 */
import { lstat, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreCorruptError, StoreFileError } from './store-errors.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface ValidatedJsonFileOptions {
  /** Indent the JSON: worth it for small files people read, not for a 30 MB archive. */
  pretty?: boolean;
}

export class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  readonly file: string;
  readonly #schema: S;
  readonly #pretty: boolean;
  #queue: Promise<void> = Promise.resolve();
  /** The newest data waiting for the write in progress to finish, and the promise its callers hold. */
  #waiting: { data: z.output<S>; done: Promise<void> } | undefined;

  constructor(file: string, schema: S, options: ValidatedJsonFileOptions = {}) {
    this.file = file;
    this.#schema = schema;
    this.#pretty = options.pretty ?? false;
  }

  /** The file's data, `null` when it does not exist yet; throws StoreCorruptError when it cannot be trusted. */
  async read(): Promise<z.output<S> | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        await this.#refuseDanglingLink();
        return null;
      }
      if (code === 'EISDIR') throw this.#isDirectory(error);
      throw new StoreFileError(this.file, `cannot be read (${(error as Error).message})`, 'fix its permissions or move it away', { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StoreCorruptError(this.file, `is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = this.#schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new StoreCorruptError(this.file, `does not match the expected shape${where}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  /**
   * Writes never interleave, and each resolves once its data (or newer data) is on disk. Writes
   * that arrive while one is in progress are coalesced: only the newest snapshot is written, so a
   * burst of small updates (a thousand delivery outcomes) costs a few file writes, not a thousand.
   */
  write(data: z.output<S>): Promise<void> {
    if (this.#waiting) {
      this.#waiting.data = data;
      return this.#waiting.done;
    }
    const waiting: { data: z.output<S>; done: Promise<void> } = { data, done: Promise.resolve() };
    waiting.done = this.#queue.then(() => {
      this.#waiting = undefined;
      const json = this.#pretty ? `${JSON.stringify(waiting.data, null, 2)}\n` : JSON.stringify(waiting.data);
      return this.#writeAtomically(json);
    });
    this.#waiting = waiting;
    this.#queue = waiting.done.catch(() => undefined);
    return waiting.done;
  }

  async #writeAtomically(json: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomically(await this.#writeTarget(), json, { durable: true });
  }

  /** Where a write goes: the file, or the file a link points to; refuses what must not be replaced. */
  async #writeTarget(): Promise<string> {
    const link = await lstat(this.file).catch(() => undefined);
    if (!link) return this.file;
    if (link.isSymbolicLink()) await this.#refuseDanglingLink();
    const target = link.isSymbolicLink() ? await realpath(this.file) : this.file;
    const info = await stat(target);
    if (info.isDirectory()) throw this.#isDirectory();
    // By mode, not access(2): root may write anything, yet 0444 still says "leave this alone".
    if ((info.mode & 0o200) === 0) {
      const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
      throw new StoreFileError(this.file, `is read-only (mode ${mode}), so the change was not saved`, `make it writable (chmod u+w ${target}) if lumen should change it, then try again`);
    }
    return target;
  }

  async #refuseDanglingLink(): Promise<void> {
    const link = await lstat(this.file).catch(() => undefined);
    if (!link?.isSymbolicLink()) return;
    const points = await realpath(this.file).then(() => undefined, () => 'nothing');
    if (points) {
      throw new StoreFileError(this.file, 'is a symbolic link to a file that does not exist, and is not read as an empty store', 'restore the file it points to, or remove the link to start with an empty store');
    }
  }

  #isDirectory(cause?: unknown): StoreFileError {
    return new StoreFileError(this.file, 'is a directory, not a file', 'move the directory away (an empty store is then created) or put the file in its place', { cause });
  }
}
