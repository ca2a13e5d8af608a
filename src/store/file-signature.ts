import { stat } from 'node:fs/promises';

/**
 * What identifies one version of a file without reading it: inode, size and mtime. An atomic
 * write (temporary file, then rename) gives a new inode; an edit in place changes the mtime.
 * `'missing'` when there is no file.
 */
export async function fileSignature(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : MISSING_FILE_SIGNATURE;
}

/** The signature of a file that does not exist: never a stamp a cache may be trusted by. */
export const MISSING_FILE_SIGNATURE = 'missing';
