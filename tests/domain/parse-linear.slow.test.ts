/**
 * Parsing is linear (issue 11, item 4): every adversarial shape of bench/parse parses within a
 * small multiple of plain text of the same size. Before the fix a bullet wrapped over every line,
 * a long numbered list, a wrapped motivation and a wide table took 80 to 400 times plain text's
 * time at 128 KiB (and minutes at 1 MiB).
 */
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_SHAPES, PLAIN } from '../../bench/parse/adversarial-shapes.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';

const SIZE = 128 * 1024;
const NOW = new Date('2026-11-25T09:00:00.000Z');

function medianParseMs(text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    parseBriefing(text, { fileName: 'shape.md', now: NOW });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1] ?? 0;
}

describe('given files in shapes that made parsing quadratic', () => {
  it('then each parses within ten times plain text of the same size, and parses', () => {
    medianParseMs(PLAIN.make(SIZE)); // warm up
    const plain = medianParseMs(PLAIN.make(SIZE));
    const measured = ADVERSARIAL_SHAPES.map((shape) => ({ shape: shape.name, ms: Math.round(medianParseMs(shape.make(SIZE))) }));
    expect(measured.filter(({ ms }) => ms > 10 * plain + 30), `plain text: ${plain.toFixed(1)} ms; all: ${JSON.stringify(measured)}`).toEqual([]);
    for (const shape of ADVERSARIAL_SHAPES) expect(parseBriefing(shape.make(SIZE), { fileName: 'shape.md', now: NOW }).ok, shape.name).toBe(true);
  }, 120_000);
});
