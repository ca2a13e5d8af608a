/**
 * A seeded fuzz test of the parser (issue 11): a few hundred mutations of the samples (control and
 * invisible characters, lines repeated, wrapped, joined, numbered, piped, truncated, hostile front
 * matter, bytes that are not UTF-8). Every input either parses with clean text or is rejected with
 * `file:line: problem`; none throws; none takes more than a small multiple of plain text's time
 * at its size. The seed is fixed, so a failure names a mutation that can be replayed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../bench/parse/adversarial-shapes.js';
import { mulberry32 } from '../../bench/prng.js';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { formatIssue } from '../../src/domain/errors.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { parseBriefingBytes } from '../../src/import/import-briefing-files.js';
import { SAMPLES_DIR } from '../support/seed.js';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const MUTATIONS = 300;
const SAMPLES = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .map((name) => readFileSync(join(SAMPLES_DIR, name), 'utf8'));

const CONTROL = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001b[31m', '\u001b]0;title\u0007', '\u007f', '\u0085', '\u009b'];
const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u202e', '\u2066', '\u061c', '\u180e', '\u034f'];
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const INVISIBLE_CHARS = /\p{Default_Ignorable_Code_Point}/u;

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const int = (rand: Rand, max: number) => Math.floor(rand() * max);

/** One mutation of a text; its name says what was done, for the failure message. */
const MUTATORS: Record<string, (text: string, rand: Rand) => string> = {
  control: (t, r) => insertAt(t, int(r, t.length), pick(r, CONTROL)),
  invisibleInHeading: (t, r) => {
    const lines = t.split('\n');
    const headings = lines.map((l, i) => [l, i] as const).filter(([l]) => /^#|^\S+\s+\d\.|Summary|Variables|Trend|Motivation|Structural|Title/.test(l));
    const [line, i] = pick(r, headings.length > 0 ? headings : [[lines[0] ?? '', 0] as const]);
    lines[i] = insertAt(line, int(r, line.length + 1), pick(r, INVISIBLE));
    return lines.join('\n');
  },
  invisibleAnywhere: (t, r) => insertAt(t, int(r, t.length), pick(r, INVISIBLE)),
  deleteLine: (t, r) => mapLines(t, (lines) => lines.splice(int(r, lines.length), 1)),
  repeatLine: (t, r) => mapLines(t, (lines) => {
    const i = int(r, lines.length);
    lines.splice(i, 0, ...Array<string>(1 + int(r, 3000)).fill(lines[i] ?? ''));
  }),
  wrapEveryWord: (t) => t.replace(/ /g, '\n'),
  joinLines: (t, r) => {
    const start = int(r, t.length);
    return t.slice(0, start) + t.slice(start, start + int(r, 2000)).replace(/\n/g, ' ') + t.slice(start + 2000);
  },
  numberLines: (t, r) => mapLines(t, (lines) => lines.forEach((l, i) => (lines[i] = r() < 0.5 ? `${i + 990}. ${l}` : l))),
  pipes: (t, r) => mapLines(t, (lines) => lines.forEach((l, i) => (lines[i] = r() < 0.3 ? `| ${l.split(' ').join(' | ')} |` : l))),
  truncate: (t, r) => t.slice(0, int(r, t.length)),
  swapLines: (t, r) => mapLines(t, (lines) => {
    const [a, b] = [int(r, lines.length), int(r, lines.length)];
    [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
  }),
  frontMatter: (t, r) => `${pick(r, [
    '---\nslug: fuzz\ndate: 2026-02-31\n---\n',
    '---\ndate: 2026-13-40\n---\n',
    '---\nslug: Not A Slug\n---\n',
    '---\ntags: [\n---\n',
    '---\nslug: x\n',
    '---\n- a list\n---\n',
    `---\na: &a [1,1,1,1,1,1,1,1,1]\n${Array.from({ length: 7 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n---\n`,
    '---\ntitle: "\u200b"\nslug: ok\n---\n',
  ])}${t}`,
  randomUnicode: (t, r) => insertAt(t, int(r, t.length), String.fromCodePoint(pick(r, [0x1f3f4, 0xe0067, 0xfe0f, 0x20e3, 0x2028, 0x3164, 0xd800, 0x10ffff, 0x0301]))),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  blankLines: (t, r) => mapLines(t, (lines) => lines.splice(int(r, lines.length), 0, ...Array<string>(int(r, 5000)).fill(''))),
};

function insertAt(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at);
}

function mapLines(text: string, change: (lines: string[]) => void): string {
  const lines = text.split('\n');
  change(lines);
  return lines.join('\n');
}

/** Every string a reader sees of a parsed briefing. */
function stringsOf(b: Briefing): string[] {
  return [
    b.slug, b.title, b.summary, b.incident, b.structuralSummary, ...b.tags,
    ...b.motivations.flatMap((m) => [m.label, m.text]),
    ...b.structure.actors,
    ...b.structure.dimensions.flatMap((d) => [d.name, ...Object.values(d.positions)]),
    ...b.keyVariables.map((k) => k.text), ...b.trends.map((t) => t.text),
    ...b.warnings.map((w) => w.message),
  ];
}

describe('given a few hundred seeded mutations of the samples', () => {
  it('then each parses with clean text or is rejected with file:line: problem, never throws, and stays within a multiple of plain text time', () => {
    const rand = mulberry32(20261125);
    const names = Object.keys(MUTATORS);
    // Plain text's time at a few sizes, for the time bound of each input.
    for (let i = 0; i < 3; i++) parseBriefing(PLAIN.make(64 * 1024));
    const plainMsPerKiB = (() => {
      const text = PLAIN.make(256 * 1024);
      const start = performance.now();
      parseBriefing(text);
      return (performance.now() - start) / 256;
    })();
    const failures: string[] = [];

    for (let n = 0; n < MUTATIONS; n++) {
      const steps = Array.from({ length: 1 + int(rand, 3) }, () => pick(rand, names));
      let text = pick(rand, SAMPLES);
      for (const step of steps) text = MUTATORS[step]?.(text, rand) ?? text;
      const label = `#${n} ${steps.join('+')}`;
      const bytes = Buffer.from(text);
      if (rand() < 0.05) bytes[int(rand, bytes.length)] = 0xff; // not UTF-8 any more

      const start = performance.now();
      let result;
      try {
        result = parseBriefingBytes(bytes, 'fuzz.md', NOW);
        parseBriefing(text, { fileName: 'fuzz.md', now: NOW }); // the parser alone must not throw either
      } catch (error) {
        failures.push(`${label}: threw ${(error as Error).message}`);
        continue;
      }
      const ms = performance.now() - start;
      const budget = 2 * 20 * plainMsPerKiB * (bytes.length / 1024) + 50; // two parses, each within 20x plain
      if (ms > budget) failures.push(`${label}: ${ms.toFixed(0)} ms for ${bytes.length} bytes (plain: ${(plainMsPerKiB * bytes.length / 1024).toFixed(1)} ms)`);

      if (result.ok) {
        const b = result.incoming.briefing;
        for (const value of stringsOf(b)) {
          if (CONTROL_CHARS.test(value.replace(/\n/g, ''))) failures.push(`${label}: control character in ${JSON.stringify(value.slice(0, 80))}`);
        }
        for (const value of [b.title, ...b.structure.actors, ...b.structure.dimensions.map((d) => d.name), ...b.motivations.map((m) => m.label)]) {
          if (INVISIBLE_CHARS.test(value)) failures.push(`${label}: invisible character in heading-like ${JSON.stringify(value.slice(0, 80))}`);
        }
        if (b.title.trim() === '') failures.push(`${label}: empty title`);
      } else {
        for (const issue of result.problem.issues) {
          if (!/^fuzz\.md:\d+: \S/.test(formatIssue('fuzz.md', issue)) || !Number.isInteger(issue.line)) failures.push(`${label}: bad issue ${JSON.stringify(issue)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
