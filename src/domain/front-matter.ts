/**
 * YAML front matter (`---` … `---`) at the top of a briefing: slug, date, tags and optionally title.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ParseIssue } from './errors.js';

export interface FrontMatter {
  slug?: { value: string; line: number };
  date?: { value: string; line: number };
  title?: string;
  tags: string[];
  /** Number of lines the front matter occupies, so the body keeps its real line numbers. */
  lineCount: number;
}

const EMPTY: FrontMatter = { tags: [], lineCount: 0 };

export function readFrontMatter(lines: string[]): { ok: true; value: FrontMatter } | { ok: false; issue: ParseIssue } {
  if (lines[0]?.trim() !== '---') return { ok: true, value: EMPTY };
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end < 0) {
    return { ok: false, issue: { line: 1, code: 'front-matter.unclosed', message: 'front matter opened with --- is never closed; add a closing --- line' } };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = 1 + (error?.linePos?.[0]?.line ?? 1);
    return { ok: false, issue: { line, code: 'front-matter.invalid', message: `front matter is not valid YAML: ${error?.message.split('\n')[0]}` } };
  }
  const converted = toPlainData(doc, lineCounter);
  if (!converted.ok) return converted;
  const data = converted.value;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    return { ok: false, issue: { line: 2, code: 'front-matter.invalid', message: 'front matter must be key: value lines' } };
  }
  const fields = (data ?? {}) as Record<string, unknown>;
  const lineOf = (key: string): number => 2 + Math.max(0, lines.slice(1, end).findIndex((l) => l.trimStart().startsWith(`${key}:`)));
  const scalar = (value: unknown): string | undefined =>
    value === undefined || value === null ? undefined : value instanceof Date ? value.toISOString() : String(value).trim();

  const slug = scalar(fields['slug']);
  const date = scalar(fields['date']);
  const rawTags = fields['tags'];
  const tags = (Array.isArray(rawTags) ? rawTags : typeof rawTags === 'string' ? rawTags.split(',') : [])
    .map((tag) => String(tag).trim())
    .filter((tag) => tag !== '');

  return {
    ok: true,
    value: {
      ...(slug ? { slug: { value: slug, line: lineOf('slug') } } : {}),
      ...(date ? { date: { value: date, line: lineOf('date') } } : {}),
      ...(scalar(fields['title']) ? { title: scalar(fields['title']) } : {}),
      tags,
      lineCount: end + 1,
    },
  };
}

/**
 * Slug, date and tags need no YAML aliases; a few are tolerated, but a chain of them (eight levels of
 * `*a` lists, "a billion laughs") expands exponentially, and the YAML library throws on it.
 */
const MAX_ALIASES = 20;

function toPlainData(doc: Document, lineCounter: LineCounter): { ok: true; value: unknown } | { ok: false; issue: ParseIssue } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    let firstAlias: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) firstAlias = node.range[0];
        return visit.BREAK;
      },
    });
    const line = 1 + (firstAlias === undefined ? 1 : lineCounter.linePos(firstAlias).line);
    const why = /alias/i.test((error as Error).message)
      ? `front matter expands its YAML aliases (*name) too far (more than ${MAX_ALIASES}); write the values out`
      : `front matter cannot be read: ${(error as Error).message.split('\n')[0]}`;
    return { ok: false, issue: { line, code: 'front-matter.invalid', message: why } };
  }
}
