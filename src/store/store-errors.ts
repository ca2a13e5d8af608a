import { LumenError } from '../domain/errors.js';

/**
 * A data file that exists but cannot be trusted (bad JSON, wrong shape). The program refuses to
 * start rather than overwrite it: the operator decides what to do with their data.
 */
export class StoreCorruptError extends LumenError {
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(
      'store.corrupt',
      `${file}: ${problem}. The file was left untouched; fix it, restore it from a backup, or move it away to start with an empty store.`,
      options,
    );
    this.file = file;
  }
}

/**
 * A data file the program may not use as it is: a directory where the file should be, a
 * symbolic link to nothing, a file made read-only. Nothing was read from it or written over it;
 * the message says what to do.
 */
export class StoreFileError extends LumenError {
  readonly file: string;

  constructor(file: string, problem: string, remedy: string, options?: { cause?: unknown }) {
    super('store.unusable', `${file}: ${problem}. Nothing was written to it; ${remedy}.`, options);
    this.file = file;
  }
}
