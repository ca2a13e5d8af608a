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
