/**
 * Recognises section headings in their many spellings: `# Summary`, `## Key Variable`,
 * `🧨 4. Key Variables  `, `**Trend Predictions:**`, `3) Structural Perspectives`.
 * The accepted names are data (section-names.json), so a new exporter's wording is a one-line change.
 */
import { cleanInline, hasBullet, leadingEmoji } from './clean-text.js';
import { stripInvisible } from './normalise-text.js';
import sectionNames from './section-names.json' with { type: 'json' };

export type SectionName = keyof typeof sectionNames;

const NAME_TO_SECTION = new Map<string, SectionName>(
  (Object.entries(sectionNames) as [SectionName, string[]][]).flatMap(([section, names]) =>
    names.map((name) => [name, section] as const),
  ),
);

export interface Heading {
  /** The recognised section, or `undefined` for a Markdown heading we do not know. */
  section: SectionName | undefined;
  /** Markdown level (`#` count); 0 for a plain-line heading. */
  level: number;
  /** The heading's own words, cleaned. */
  text: string;
  emoji: string | undefined;
  /** Text after `Heading:` on the same line, which belongs to the section's body. */
  inlineBody: string | undefined;
}

/** Heading words reduced to a lookup key: no emoji, bold, numbering, trailing colon or case. */
function headingKey(text: string): string {
  return cleanInline(stripInvisible(text))
    .replace(/^(?:\d{1,2}|[ivx]{1,4})(?:[.):]\s*|\s+)/i, '')
    .replace(/[:：]\s*$/, '')
    .trim()
    .toLowerCase();
}

// Single generic words ("Outlook:", "Structure:") are too often a list label to start a section inline.
const INLINE_KEYS_OK = (key: string): boolean =>
  key.includes(' ') || ['title', 'summary', 'incident', 'motivation', 'motivations', 'trends'].includes(key);

/** Reads a line as a heading, or returns undefined for body text. */
export function readHeading(line: string): Heading | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('|')) return undefined;

  const hashes = /^(#{1,6})\s+(.*)$/.exec(trimmed);
  if (hashes) {
    const text = hashes[2] ?? '';
    const level = hashes[1]?.length ?? 1;
    return { section: NAME_TO_SECTION.get(headingKey(text)), level, text: cleanInline(text), emoji: leadingEmoji(text), inlineBody: undefined };
  }

  // A bulleted line is a list item, except a numbered one ("1. Incident Identification").
  if (hasBullet(trimmed) && !/^\d{1,2}[.)]\s/.test(cleanInline(trimmed))) return undefined;

  const whole = NAME_TO_SECTION.get(headingKey(trimmed));
  if (whole) return { section: whole, level: 0, text: cleanInline(trimmed), emoji: leadingEmoji(trimmed), inlineBody: undefined };

  // "**Summary:** Japan's prime minister ..." : a heading with its body on the same line.
  const inline = /^(.{1,60}?)[:：]\s*(?:\*\*|__)?\s+(.+)$/.exec(trimmed);
  if (inline) {
    const key = headingKey(inline[1] ?? '');
    const section = NAME_TO_SECTION.get(key);
    if (section && section !== 'container' && INLINE_KEYS_OK(key)) {
      return { section, level: 0, text: cleanInline(inline[1] ?? ''), emoji: leadingEmoji(trimmed), inlineBody: inline[2] };
    }
  }
  return undefined;
}
