/**
 * Checks a briefing file's bytes before parsing: size, binary content, encoding.
 */
import type { ParseResult } from './errors.js';

/** The largest briefing accepted. Real briefings are 3–10 KB; anything near this is not one. */
export const MAX_BRIEFING_BYTES = 1024 * 1024;

export function decodeBriefingBytes(bytes: Uint8Array): ParseResult<string> {
  if (bytes.byteLength > MAX_BRIEFING_BYTES) return fail(1, 'file.too-large', tooLargeMessage(bytes.byteLength));
  if (bytes.byteLength === 0) return fail(1, 'file.empty', 'the file is empty');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(lineAt(bytes, nul), 'file.binary', 'the file is binary (it contains NUL bytes), not a Markdown briefing');
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail(lineAt(bytes, bad), 'file.encoding', 'the file is not valid UTF-8; save it as UTF-8 text');
  }
}

/**
 * Exact sizes, because rounding hides the difference: one byte over the limit is not "1.0 MiB; at most 1 MiB".
 */
export function tooLargeMessage(byteLength: number): string {
  const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
  return `the file is ${bytes(byteLength)}; a briefing may be at most ${bytes(MAX_BRIEFING_BYTES)} (1 MiB)`;
}

function fail(line: number, code: string, message: string): ParseResult<string> {
  return { ok: false, issues: [{ line, code, message }] };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// Finds the first byte where decoding fails, by halving: the line number tells the author where to look.
// Each prefix is decoded in streaming mode, so a prefix that merely ends inside a character is not an
// error; the shortest failing prefix then ends at the bad byte itself (not at the line before it).
function firstInvalidUtf8(bytes: Uint8Array): number {
  const fails = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0; // decodes
  let hi = bytes.byteLength; // fails (a complete decode failed)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  // Only a sequence cut short by the end of the file fails at full length and nowhere before.
  return fails(hi) ? hi - 1 : lo;
}
