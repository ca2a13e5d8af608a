/**
 * One way of saying why a path the user gave cannot be read, shared by `lumen parse` and
 * `lumen import`: plain words instead of Node's error text, and no line number, since a file
 * that cannot be opened has no line to point at.
 */
import type { ParseIssue } from '../domain/errors.js';
import type { FileProblem } from './import-briefing-files.js';

/** Why a path cannot be read, from the error a read or stat of it threw; its `path.*` code makes formatIssue cite no line. */
export function describeUnreadablePath(error: unknown): ParseIssue {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { line: 0, code: 'path.not-found', message: 'no such file' };
    case 'EISDIR':
      return { line: 0, code: 'path.is-directory', message: 'is a directory (give a file, or use lumen import for a folder)' };
    case 'EACCES':
    case 'EPERM':
      return { line: 0, code: 'path.no-permission', message: 'permission denied' };
    default:
      // An unusual failure (EIO, ELOOP…): its code is still more useful to a user than nothing.
      return { line: 0, code: 'path.unreadable', message: `cannot be read${code ? ` (${code})` : ''}` };
  }
}

/** The problem of a path given as `file` that cannot be read. */
export function unreadablePathProblem(file: string, error: unknown): FileProblem {
  return { file, issues: [describeUnreadablePath(error)] };
}
