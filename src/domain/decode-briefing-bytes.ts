/**
 * Checks a briefing file's bytes before parsing: size, binary content, encoding.
 */
import type { ParseResult } from './errors.js';

/** The largest briefing accepted. Real briefings are 3–10 KB; anything near this is not one. */
export const MAX_BRIEFING_BYTES = 1024 * 1024;

export function decodeBriefingBytes(bytes: Uint8Array): ParseResult<string> {
  if (bytes.byteLength > MAX_BRIEFING_BYTES) {
    const size = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return fail(1, 'file.too-large', `the file is ${size} MiB; a briefing may be at most 1 MiB`);
  }
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

function fail(line: number, code: string, message: string): ParseResult<string> {
  return { ok: false, issues: [{ line, code, message }] };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// Finds the first byte where decoding fails, by halving: the line number tells the author where to look.
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.byteLength;
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: false });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
