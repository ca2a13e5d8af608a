/**
 * Splits long text into chunks that fit a Discord limit, breaking where a reader would:
 * between paragraphs, then lines, then sentences, then words. Only a single word longer than the
 * limit is ever cut, and then between graphemes, so no emoji or accented letter is torn apart.
 */

/** Boundaries from coarsest to finest. Each regex matches the separator between two units. */
const LEVELS: readonly RegExp[] = [
  // Paragraphs: a blank line.
  /\n[^\S\n]*\n\s*/g,
  // Lines.
  /[^\S\n]*\n\s*/g,
  // Sentences: end punctuation (and closing quotes), whitespace, then something that starts a
  // sentence. "U.S. tariffs" is not a boundary; "U.S. Japan" is, which is harmless. CJK full stops
  // end a sentence without any space.
  /(?<=[.!?…]["'”’»)\]]*)\s+(?=["'“‘«([]?[\p{Lu}\p{N}])|(?<=[。！？])(?=\S)/gu,
  // Words.
  /\s+/g,
];

type Range = readonly [start: number, end: number];

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` in chunks of at most `max` UTF-16 units (`max` ≥ 2), trimmed and never empty. Joining the chunks
 * with whitespace gives back the same words; a blank text gives no chunk.
 */
export function splitText(text: string, max: number): string[] {
  // Below 2, a character outside the BMP (an emoji) could not fit at all.
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitText: max must be an integer of at least 2, got ${max}`);
  const ranges = split(text, trimRange(text, [0, text.length]), 0, max);
  return ranges.map(([start, end]) => text.slice(start, end)).filter((chunk) => chunk.length > 0);
}

function split(text: string, range: Range, level: number, max: number): Range[] {
  if (range[1] - range[0] <= max) return range[1] > range[0] ? [range] : [];
  const separator = LEVELS[level];
  if (!separator) return hardCut(text, range, max);
  const pieces = unitsOf(text, range, separator).flatMap((unit) => split(text, unit, level + 1, max));
  return mergeGreedily(pieces, max);
}

/** The non-blank stretches of `range` between matches of `separator`. */
function unitsOf(text: string, [start, end]: Range, separator: RegExp): Range[] {
  const slice = text.slice(start, end);
  const units: Range[] = [];
  let from = 0;
  for (const match of slice.matchAll(separator)) {
    units.push(trimRange(text, [start + from, start + match.index]));
    from = match.index + match[0].length;
  }
  units.push(trimRange(text, [start + from, end]));
  return units.filter(([s, e]) => e > s);
}

/** Joins neighbouring pieces, with the original text between them, while the result fits. */
function mergeGreedily(pieces: Range[], max: number): Range[] {
  const merged: Range[] = [];
  let current: Range | undefined;
  for (const piece of pieces) {
    if (current && piece[1] - current[0] <= max) current = [current[0], piece[1]];
    else {
      if (current) merged.push(current);
      current = piece;
    }
  }
  if (current) merged.push(current);
  return merged;
}

/** Cuts one over-long word between graphemes, never right after an escaping backslash. */
function hardCut(text: string, [start, end]: Range, max: number): Range[] {
  const cuts: Range[] = [];
  let chunkStart = start;
  let previousEnd = start;
  for (const { index, segment } of graphemes.segment(text.slice(start, end))) {
    const segStart = start + index;
    const segEnd = segStart + segment.length;
    if (segEnd - chunkStart > max && segStart > chunkStart) {
      let cut = segStart;
      if (endsWithOddBackslashes(text, chunkStart, cut) && cut - 1 > chunkStart) cut -= 1;
      cuts.push([chunkStart, cut]);
      chunkStart = cut;
    }
    previousEnd = segEnd;
  }
  cuts.push([chunkStart, previousEnd]);
  // A single grapheme longer than max (a pathological joiner sequence) is cut by code units.
  return cuts.flatMap((range) => (range[1] - range[0] > max ? cutByCodePoints(text, range, max) : [range]));
}

function cutByCodePoints(text: string, [start, end]: Range, max: number): Range[] {
  const cuts: Range[] = [];
  let chunkStart = start;
  let at = start;
  while (at < end) {
    const width = (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    if (at + width - chunkStart > max && at > chunkStart) {
      cuts.push([chunkStart, at]);
      chunkStart = at;
    }
    at += width;
  }
  cuts.push([chunkStart, end]);
  return cuts;
}

function endsWithOddBackslashes(text: string, start: number, end: number): boolean {
  let count = 0;
  for (let i = end - 1; i >= start && text[i] === '\\'; i -= 1) count += 1;
  return count % 2 === 1;
}

function trimRange(text: string, [start, end]: Range): Range {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  return [s, e];
}
