/**
 * Errors and issues shared by every layer. Expected failures (a bad briefing file) are returned as
 * `ParseIssue`s; unexpected ones throw a `LumenError` subclass with a stable code.
 */

/** One thing wrong with an input, at a line (1-based; 0 when it concerns the whole file). */
export interface ParseIssue {
  line: number;
  code: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ParseIssue[] };

/**
 * Formats an issue the way compilers do, so editors can jump to it: `file:line: message`.
 * A `path.*` issue (the file could not be read at all) has no line to cite: `file: message`.
 */
export function formatIssue(file: string, issue: ParseIssue): string {
  if (issue.code.startsWith('path.')) return `${file}: ${issue.message}`;
  return `${file}:${Math.max(issue.line, 1)}: ${issue.message}`;
}

export class LumenError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = `LumenError[${code}]`;
  }
}
