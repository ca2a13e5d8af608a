/**
 * Parses a briefing file into the typed model. The seed (`japan-tariffs.md`) is the ground truth;
 * the parser also tolerates what other authors and exporters produce (see section-heading.ts,
 * parse-list.ts and parse-position-table.ts for each variant).
 */
import { BriefingSchema, SECTION_KEYS, SLUG_PATTERN, type Briefing, type SectionKey } from './briefing.schema.js';
import { cleanInline } from './clean-text.js';
import type { ParseIssue } from './errors.js';
import { readFrontMatter } from './front-matter.js';
import { normaliseBriefingText } from './normalise-text.js';
import { parseListItems, parseParagraphs } from './parse-list.js';
import { parsePositionTable, type SourceLine } from './parse-position-table.js';
import { readHeading, type SectionName } from './section-heading.js';
import { slugFromFileName, slugFromTitle, slugify, wordsOf } from './slug.js';

export interface ParseOptions {
  /** The file's name or path: the slug comes from its stem when the front matter names none. */
  fileName?: string;
  /** Import time: `publishedAt` when the front matter has no date. */
  now?: Date;
}

export type ParseBriefingResult =
  | { ok: true; value: Briefing; /** Whether publishedAt came from the file rather than the import time. */ dateFromFile: boolean }
  | { ok: false; issues: ParseIssue[] };

type ContentSection = Exclude<SectionName, 'title' | 'container'>;

interface Block {
  section: ContentSection;
  line: number;
  emoji: string | undefined;
  lines: SourceLine[];
}

const CONTENT_SECTIONS: readonly ContentSection[] = ['summary', 'incident', 'motivations', 'structure', 'keyVariables', 'trends', 'structuralSummary'];
const SECTION_LABELS: Record<ContentSection, string> = {
  summary: 'Summary',
  incident: 'Incident Identification',
  motivations: 'Motivation Analysis',
  structure: 'Structural Perspectives',
  keyVariables: 'Key Variables',
  trends: 'Trend Prediction',
  structuralSummary: 'Structural Summary',
};
// "Outward: ...", "Toward the U.S.: ..." : a short label before a colon starts a motivation.
const MOTIVATION_LABEL = /^\s*(?:[^\p{L}\p{N}]*\s*)?(?:\*\*|__)?([^:：*]{1,48}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.+)$/u;

/** Parses briefing text. Never throws on bad input: problems come back as issues with line numbers. */
export function parseBriefing(source: string, options: ParseOptions = {}): ParseBriefingResult {
  const unified = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (unified.trim() === '') return reject(1, 'file.empty', 'the file is empty');
  const normalised = normaliseBriefingText(unified);
  const text = normalised.text;
  if (text.trim() === '') return reject(1, 'file.empty', 'the file has only invisible or control characters');
  const allLines = text.split('\n');

  const frontMatter = readFrontMatter(allLines);
  if (!frontMatter.ok) return { ok: false, issues: [frontMatter.issue] };
  const fm = frontMatter.value;

  const warnings: ParseIssue[] = [];
  if (normalised.control) {
    const { count, firstLine } = normalised.control;
    warnings.push({ line: firstLine, code: 'text.control-characters', message: `${plural(count, 'control character')} (terminal escapes and the like) removed; the first on line ${firstLine}` });
  }
  if (normalised.invisible) {
    const { count, firstLine } = normalised.invisible;
    warnings.push({ line: firstLine, code: 'text.invisible-characters', message: `${plural(count, 'invisible character')} (soft hyphens, zero-width spaces, direction marks) removed; the first on line ${firstLine}` });
  }
  const blocks = new Map<ContentSection, Block>();
  let titleLines: SourceLine[] | undefined;
  let firstHeadingTitle: string | undefined;
  let current: SourceLine[] | undefined = []; // the preamble, before any heading
  const preamble = current;

  allLines.forEach((raw, index) => {
    if (index < fm.lineCount) return;
    const line = index + 1;
    const heading = readHeading(raw);
    if (!heading) {
      current?.push({ text: raw, line });
      return;
    }
    if (heading.section === 'title') {
      titleLines = [];
      current = titleLines;
    } else if (heading.section === 'container') {
      current = undefined; // "# News Comment" only groups the numbered sections under it
    } else if (heading.section) {
      const existing = blocks.get(heading.section);
      if (existing) {
        warnings.push({ line, code: 'section.duplicate', message: `section "${heading.text}" appears again; its text was added to the first one (line ${existing.line})` });
      }
      const block = existing ?? { section: heading.section, line, emoji: heading.emoji, lines: [] };
      blocks.set(heading.section, block);
      current = block.lines;
    } else if (heading.level === 1 && firstHeadingTitle === undefined && titleLines === undefined) {
      firstHeadingTitle = heading.text;
      current = undefined;
    } else {
      warnings.push({ line, code: 'section.unknown', message: `unknown section "${heading.text}" was ignored` });
      current = undefined;
    }
    if (heading.inlineBody !== undefined) current?.push({ text: heading.inlineBody, line });
  });

  const title =
    cleanInline(titleLines?.find((l) => l.text.trim() !== '')?.text.replace(/^#+\s*/, '') ?? '') ||
    firstHeadingTitle ||
    fm.title ||
    cleanInline(preamble.find((l) => /^\W*lumen insight\b/i.test(l.text))?.text.replace(/^#+\s*/, '') ?? '');
  if (!title) {
    const hidden = invisibleOnlyTitle(unified, titleLines);
    if (hidden) return reject(hidden.line, 'briefing.empty-title', 'the title is empty once its invisible characters are removed; write a visible title');
    return reject(fm.lineCount + 1, 'briefing.no-title', 'no title: put it under a "# Title" heading or make it the first "# " heading');
  }
  if (blocks.size === 0) {
    return reject(fm.lineCount + 1, 'briefing.no-sections', 'no recognisable sections (Summary, Incident Identification, Motivation Analysis, Structural Perspectives, Key Variables, Trend Prediction, Structural Summary)');
  }
  const strayLine = preamble.find((l) => l.text.trim() !== '' && cleanInline(l.text) !== title);
  if (strayLine) {
    warnings.push({ line: strayLine.line, code: 'briefing.text-ignored', message: 'text before the first section was ignored' });
  }

  const slug = resolveSlug(fm.slug, options.fileName, title, () => wordsOf(text.split(title).join('\n')));
  if (!slug.ok) return { ok: false, issues: [slug.issue] };
  const published = resolvePublishedAt(fm.date, options.now ?? new Date());
  if (!published.ok) return { ok: false, issues: [published.issue] };

  for (const section of CONTENT_SECTIONS) {
    if (!blocks.has(section)) {
      warnings.push({ line: 0, code: `briefing.missing-${section}`, message: `no ${SECTION_LABELS[section]} section` });
    }
  }
  const linesOf = (section: ContentSection): SourceLine[] => blocks.get(section)?.lines ?? [];
  const numbered = (section: ContentSection) => parseListItems(linesOf(section)).map((item, i) => ({ n: i + 1, text: item.text }));
  const table = parsePositionTable(linesOf('structure'));
  if (blocks.has('structure')) warnings.push(...table.warnings);

  const briefing: Briefing = {
    slug: slug.value,
    title,
    summary: parseParagraphs(linesOf('summary')),
    incident: parseParagraphs(linesOf('incident')),
    motivations: parseListItems(linesOf('motivations'), (t) => MOTIVATION_LABEL.test(cleanInline(t))).map((item) => {
      const match = MOTIVATION_LABEL.exec(item.text);
      return match ? { label: cleanInline(match[1] ?? ''), text: cleanInline(match[2] ?? '') } : { label: '', text: item.text };
    }),
    structure: table.structure,
    keyVariables: numbered('keyVariables'),
    trends: numbered('trends'),
    structuralSummary: parseParagraphs(linesOf('structuralSummary')),
    publishedAt: published.value,
    tags: fm.tags,
    sectionEmoji: sectionEmoji(blocks),
    warnings: warnings.sort((a, b) => a.line - b.line),
  };

  const checked = BriefingSchema.safeParse(briefing);
  if (!checked.success) {
    return { ok: false, issues: checked.error.issues.map((issue) => ({ line: 0, code: 'briefing.invalid', message: `${issue.path.join('.')}: ${issue.message}` })) };
  }
  return { ok: true, value: checked.data, dateFromFile: fm.date !== undefined };
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

// The title under "# Title" that held only invisible characters (now blank after normalising).
function invisibleOnlyTitle(unified: string, titleLines: SourceLine[] | undefined): SourceLine | undefined {
  if (!titleLines) return undefined;
  const original = unified.split('\n');
  const first = titleLines.find((l) => (original[l.line - 1] ?? '').trim() !== '');
  return first && first.text.trim() === '' ? first : undefined;
}

function reject(line: number, code: string, message: string): ParseBriefingResult {
  return { ok: false, issues: [{ line, code, message }] };
}

function resolveSlug(
  fromFrontMatter: { value: string; line: number } | undefined,
  fileName: string | undefined,
  title: string,
  vocabulary: () => ReadonlySet<string>,
): { ok: true; value: string } | { ok: false; issue: ParseIssue } {
  if (fromFrontMatter) {
    if (SLUG_PATTERN.test(fromFrontMatter.value) && fromFrontMatter.value.length <= 100) return { ok: true, value: fromFrontMatter.value };
    return {
      ok: false,
      issue: { line: fromFrontMatter.line, code: 'front-matter.bad-slug', message: `slug "${fromFrontMatter.value}" must be lower-case letters, digits and single hyphens (e.g. japan-tariffs)` },
    };
  }
  // The front matter's slug, else a person's file name, else the title as an editor would shorten it
  // (a machine's file name, `000_4dd67e00ecd1d115.txt`, is no slug), else the machine's name after all.
  const stem = fileName ? (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '') : '';
  const slug = (fileName ? slugFromFileName(fileName) : '') || slugFromTitle(title, vocabulary()) || slugify(stem);
  if (slug) return { ok: true, value: slug };
  return { ok: false, issue: { line: 1, code: 'briefing.no-slug', message: 'cannot derive a slug from the file name or title; add "slug:" to the front matter' } };
}

function resolvePublishedAt(
  date: { value: string; line: number } | undefined,
  now: Date,
): { ok: true; value: string } | { ok: false; issue: ParseIssue } {
  if (!date) return { ok: true, value: now.toISOString() };
  const bad = (why: string) => ({ ok: false as const, issue: { line: date.line, code: 'front-matter.bad-date', message: `date "${date.value}" ${why}; write it as YYYY-MM-DD` } });
  const day = /^(\d{4})-(\d{2})-(\d{2})(?=$|T|\s)/.exec(date.value);
  if (!day) return bad('is not a date');
  const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
  // Date rolls 2026-02-31 over to March 3rd: check the day exists in its month first.
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (daysInMonth === 0) return bad(`has no month ${day[2]}`);
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth) return bad(`is not a real date (${MONTHS[month - 1]} ${year} has ${daysInMonth} days)`);
  const parsed = date.value.length === 10 ? new Date(`${date.value}T00:00:00.000Z`) : new Date(date.value);
  if (Number.isNaN(parsed.getTime())) return bad('is not a date');
  return { ok: true, value: parsed.toISOString() };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function sectionEmoji(blocks: Map<ContentSection, Block>): Partial<Record<SectionKey, string>> {
  const emoji: Partial<Record<SectionKey, string>> = {};
  for (const key of SECTION_KEYS) {
    const found = blocks.get(key)?.emoji;
    if (found) emoji[key] = found;
  }
  return emoji;
}
