/**
 * Lists and paragraphs inside a section. Items start with a bullet (`•`+tab, `-`, `*`, `1.`) and
 * may wrap onto following lines; a section without bullets is read one item per line, or per
 * paragraph where the author left blank lines between them.
 */
import { cleanInline, hasBullet, stripBullet } from './clean-text.js';
import type { SourceLine } from './parse-position-table.js';

export interface ListItem {
  text: string;
  line: number;
}

/**
 * Reads list items. `startsItem` lets a caller treat other lines as item starts too
 * (motivation labels such as `Outward:` on lines without bullets).
 */
export function parseListItems(lines: SourceLine[], startsItem: (text: string) => boolean = () => false): ListItem[] {
  const mode = listMode(lines, startsItem);
  // Each item's words are collected in an array and joined once: appending to one string per
  // wrapped line made a bullet wrapped over 20,000 lines quadratic (issue 11).
  const items: { parts: string[]; line: number }[] = [];
  let current: { parts: string[]; line: number } | undefined;
  let lastNumber: number | undefined;

  for (const { text, line } of lines) {
    if (text.trim() === '') {
      current = undefined;
      continue;
    }
    const number = listNumber(text);
    const continuesNumbering = number !== undefined && lastNumber !== undefined && number === lastNumber + 1;
    const isStart =
      current === undefined ||
      mode === 'line' ||
      (mode === 'bullet' && (hasBullet(text) || continuesNumbering || startsItem(text))) ||
      (mode === 'label' && startsItem(text));
    if (isStart) {
      current = { parts: [cleanInline(continuesNumbering ? stripListNumber(text) : stripBullet(text))], line };
      items.push(current);
      lastNumber = number;
    } else if (current) {
      current.parts.push(cleanInline(text));
    }
  }
  return items.map(({ parts, line }) => ({ text: parts.filter((part) => part !== '').join(' '), line })).filter((item) => item.text !== '');
}

// "1000. Will it hold?": a number of four digits or more is an item only where it continues the
// list's numbering (item 999, then 1000), so a wrapped line that starts with a year stays text.
const LONG_NUMBER = /^\s*(\d{1,9})[.)]\s+/;

function listNumber(text: string): number | undefined {
  const match = LONG_NUMBER.exec(text);
  return match ? Number(match[1]) : undefined;
}

function stripListNumber(text: string): string {
  return text.replace(LONG_NUMBER, '');
}

/** How items are delimited in this section; a blank line always ends an item. */
function listMode(lines: SourceLine[], startsItem: (text: string) => boolean): 'bullet' | 'label' | 'paragraph' | 'line' {
  if (lines.some((l) => hasBullet(l.text))) return 'bullet';
  if (lines.some((l) => startsItem(l.text))) return 'label';
  return hasBlankLineBetweenText(lines) ? 'paragraph' : 'line';
}

function hasBlankLineBetweenText(lines: SourceLine[]): boolean {
  const first = lines.findIndex((l) => l.text.trim() !== '');
  const last = lines.findLastIndex((l) => l.text.trim() !== '');
  return lines.slice(first, last + 1).some((l) => l.text.trim() === '');
}

/** Paragraph text: lines joined by spaces, paragraphs by a blank line, bullets removed. */
export function parseParagraphs(lines: SourceLine[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const { text } of lines) {
    if (text.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
      continue;
    }
    if (hasBullet(text) && current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    const clean = cleanInline(stripBullet(text));
    if (clean !== '') current.push(clean);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}
