/**
 * YAML front matter (`---` … `---`) at the top of a briefing: slug, date, tags and optionally title.
 */
import { parseDocument } from 'yaml';
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

  const doc = parseDocument(lines.slice(1, end).join('\n'), { uniqueKeys: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = 1 + (error?.linePos?.[0]?.line ?? 1);
    return { ok: false, issue: { line, code: 'front-matter.invalid', message: `front matter is not valid YAML: ${error?.message.split('\n')[0]}` } };
  }
  const data: unknown = doc.toJS();
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
