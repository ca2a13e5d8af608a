/**
 * The position table: one row per dimension, one column per actor. Markdown tables come with or
 * without outer pipes, with alignment colons, and sometimes with a row missing a cell.
 */
import type { Structure } from './briefing.schema.js';
import { cleanInline } from './clean-text.js';
import type { ParseIssue } from './errors.js';

export interface SourceLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

const SEPARATOR_CELL = /^\s*:?-{2,}:?\s*$/;
// "U.S. Position", "China's Position", "EU Stance" -> the actor's name.
const ACTOR_SUFFIX = /(?:['’]s)?\s+(?:position|positions|stance|stances|view|views|perspective)\s*$/i;

export function isTableLine(text: string): boolean {
  return text.includes('|') && splitRow(text).length >= 2;
}

function splitRow(text: string): string[] {
  let row = text.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|'));
}

function isSeparatorRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell));
}

export function actorFromHeader(cell: string): string {
  const name = cleanInline(cell);
  const stripped = name.replace(ACTOR_SUFFIX, '').trim();
  return stripped || name;
}

/** Reads the first table among `lines`; text lines around it are reported, not kept. */
export function parsePositionTable(lines: SourceLine[]): { structure: Structure; warnings: ParseIssue[] } {
  const warnings: ParseIssue[] = [];
  const tableLines = lines.filter((l) => isTableLine(l.text));
  const proseLines = lines.filter((l) => !isTableLine(l.text) && l.text.trim() !== '');
  if (proseLines.length > 0) {
    const first = proseLines[0] as SourceLine;
    warnings.push({ line: first.line, code: 'structure.text-ignored', message: 'text beside the position table is not part of the model and was ignored' });
  }
  const [header, ...rest] = tableLines;
  if (!header) {
    const line = lines[0]?.line ?? 0;
    warnings.push({ line, code: 'structure.no-table', message: 'the structural perspectives section has no position table' });
    return { structure: { actors: [], dimensions: [] }, warnings };
  }

  const columns = splitRow(header.text).slice(1);
  const actors: (string | undefined)[] = columns.map((cell, i) => {
    const actor = actorFromHeader(cell);
    if (actor === '') {
      warnings.push({ line: header.line, code: 'table.empty-actor', message: `column ${i + 2} of the table header has no actor name; the column was ignored` });
      return undefined;
    }
    return actor;
  });
  const seen = new Set<string>();
  actors.forEach((actor, i) => {
    if (actor === undefined) return;
    if (seen.has(actor)) {
      warnings.push({ line: header.line, code: 'table.duplicate-actor', message: `actor "${actor}" appears twice in the table header; the second column was ignored` });
      actors[i] = undefined;
    }
    seen.add(actor);
  });

  // Per row, only the cells it has are read: a header thousands of columns wide over thousands of
  // short rows must not cost columns x rows (issue 11). Actors past a row's last cell are counted.
  const named = indexNamedColumns(actors);
  const dimensions: Structure['dimensions'] = [];
  for (const row of rest) {
    const cells = splitRow(row.text);
    if (isSeparatorRow(cells)) continue;
    const name = cleanInline(cells[0] ?? '');
    if (name === '') {
      warnings.push({ line: row.line, code: 'table.empty-dimension', message: 'a table row has no dimension name in its first cell; the row was ignored' });
      continue;
    }
    const positions: Record<string, string> = {};
    const missing: string[] = [];
    const given = Math.max(0, Math.min(cells.length - 1, actors.length));
    for (let i = 0; i < given; i++) {
      const actor = actors[i];
      if (actor === undefined) continue;
      const text = cleanInline(cells[i + 1] ?? '');
      if (text === '') missing.push(actor);
      else positions[actor] = text;
    }
    if (missing.length + (named.countFrom[given] ?? 0) > 0) {
      warnings.push({ line: row.line, code: 'table.missing-cell', message: `row "${name}" has no position for ${nameSome(missing, actors, named, given)}` });
    }
    if (cells.length - 1 > columns.length) {
      warnings.push({ line: row.line, code: 'table.extra-cell', message: `row "${name}" has more cells than the header has actors; the extra cells were ignored` });
    }
    dimensions.push({ name, positions });
  }
  return { structure: { actors: actors.filter((a): a is string => a !== undefined), dimensions }, warnings };
}

interface NamedColumns {
  /** `countFrom[i]`: how many named actors there are from column `i` on. */
  countFrom: number[];
  /** `nextFrom[i]`: the first column from `i` on that names an actor (`actors.length` if none). */
  nextFrom: number[];
}

function indexNamedColumns(actors: readonly (string | undefined)[]): NamedColumns {
  const countFrom = new Array<number>(actors.length + 1).fill(0);
  const nextFrom = new Array<number>(actors.length + 1).fill(actors.length);
  for (let i = actors.length - 1; i >= 0; i--) {
    const named = actors[i] !== undefined;
    countFrom[i] = (countFrom[i + 1] ?? 0) + (named ? 1 : 0);
    nextFrom[i] = named ? i : (nextFrom[i + 1] ?? actors.length);
  }
  return { countFrom, nextFrom };
}

const NAMED_AT_MOST = 10;

/** "U.S., Japan", or the first few and how many more: a warning stays one readable line. */
function nameSome(missing: string[], actors: readonly (string | undefined)[], named: NamedColumns, from: number): string {
  const names = missing.slice(0, NAMED_AT_MOST);
  for (let i = named.nextFrom[from] ?? actors.length; i < actors.length && names.length < NAMED_AT_MOST; i = named.nextFrom[i + 1] ?? actors.length) {
    names.push(actors[i] as string);
  }
  const total = missing.length + (named.countFrom[from] ?? 0);
  return total > names.length ? `${names.join(', ')} and ${(total - names.length).toLocaleString('en-US')} more` : names.join(', ');
}
