/** What a CLI verb may touch of the outside world; tests pass their own to capture output. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Control characters other than tab and newline: C0 (ESC starts every CSI/OSC sequence, CR
 * rewrites a line, BS erases), DEL and C1 (U+009B is a one-character CSI). Briefings come from
 * outside; raw, these would let a title retitle the operator's terminal or print a fake "OK".
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text made safe for a terminal: each control character shown as a visible `\xNN` escape (so the
 * operator sees that it is there), tab and newline kept. Every human printer goes through it;
 * JSON output never needs it (JSON.stringify already writes them as `\u001b`).
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Writes human-readable text to a terminal stream, control characters escaped. */
export function writeText(stream: CliIo['stdout'], text: string): void {
  stream.write(terminalSafe(text));
}

/** What to do about an empty archive, for the verbs that find nothing in one. */
export const EMPTY_ARCHIVE_HINT = 'The archive is empty. Add briefings with: lumen import <file|dir> (lumen import data/samples to try it)';

/**
 * For the verbs that look inside the archive (search, ask): an empty one is said to be empty, with
 * how to fill it, on stderr (so `--json` stdout stays `[]`), rather than a "no match" that hides it.
 * Returns true when the archive was empty and the verb should exit 1.
 */
export function explainEmptyArchive(io: CliIo, archive: { size: number }, json: boolean): boolean {
  if (archive.size > 0) return false;
  if (json) io.stdout.write('[]\n');
  writeText(io.stderr, `${EMPTY_ARCHIVE_HINT}\n`);
  return true;
}
