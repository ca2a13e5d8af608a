/**
 * Parse benchmark (issue 11, item 4): each adversarial shape (bench/parse/adversarial-shapes.ts)
 * beside plain text of the same size, at 256 KiB and just under the 1 MiB limit. Linear parsing
 * means every shape takes a small multiple of plain text's time; the target is at most 5x.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fmtMs, type BenchRow } from '../bench-table.js';
import { MAX_BRIEFING_BYTES } from '../../src/domain/decode-briefing-bytes.js';
import { ADVERSARIAL_SHAPES } from './adversarial-shapes.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./parse-shapes-child.ts', import.meta.url));
/** A shape may take at most this many times plain text's time at the same size. */
export const MAX_RATIO = 5;

export interface ParseBenchResult {
  sizes: { bytes: number; plainMs: number; shapes: Record<string, { ms: number; ratio: number }> }[];
}

export async function runParseBench(sizes: number[] = [256 * 1024, MAX_BRIEFING_BYTES]): Promise<{ rows: BenchRow[]; result: ParseBenchResult }> {
  const rows: BenchRow[] = [];
  const result: ParseBenchResult = { sizes: [] };
  for (const bytes of sizes) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, String(bytes)], { maxBuffer: 1 << 20 });
    const times = JSON.parse(stdout) as Record<string, number>;
    const plainMs = times['plain'] ?? 0;
    const label = bytes >= 1024 * 1024 ? '1 MiB' : `${Math.round(bytes / 1024)} KiB`;
    rows.push({ name: `plain text, ${label}`, value: fmtMs(plainMs) });
    const shapes: ParseBenchResult['sizes'][number]['shapes'] = {};
    for (const shape of ADVERSARIAL_SHAPES) {
      const ms = times[shape.name] ?? 0;
      const ratio = plainMs > 0 ? ms / plainMs : 0;
      shapes[shape.name] = { ms, ratio };
      rows.push({ name: `${shape.name} (${shape.description}), ${label}`, value: `${fmtMs(ms)} (${ratio.toFixed(1)}x plain)`, target: `≤ ${MAX_RATIO}x plain`, ok: ratio <= MAX_RATIO });
    }
    result.sizes.push({ bytes, plainMs, shapes });
  }
  return { rows, result };
}
