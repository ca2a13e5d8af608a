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
  const items: ListItem[] = [];
  let current: ListItem | undefined;

  for (const { text, line } of lines) {
    if (text.trim() === '') {
      current = undefined;
      continue;
    }
    const isStart =
      current === undefined ||
      mode === 'line' ||
      (mode === 'bullet' && (hasBullet(text) || startsItem(text))) ||
      (mode === 'label' && startsItem(text));
    if (isStart) {
      current = { text: cleanInline(stripBullet(text)), line };
      items.push(current);
    } else if (current) {
      current.text = `${current.text} ${cleanInline(text)}`.trim();
    }
  }
  return items.filter((item) => item.text !== '');
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
