/**
 * `POST /briefings`: a briefing pushed by a publishing pipeline goes through the same parse,
 * rejection and import path as a file dropped in the inbox (src/import's parseBriefingBytes and
 * saveParsed), and the answer says what happened, as JSON.
 */
import type { ParseIssue } from '../domain/errors.js';
import { formatIssue } from '../domain/errors.js';
import { classifyBriefingFile } from '../import/briefing-file-rules.js';
import { parseBriefingBytes, saveParsed } from '../import/import-briefing-files.js';
import type { BriefingArchive, SaveOutcome } from '../store/briefing-archive.js';

/** What the route answers; `status` is the HTTP status. */
export type IngestAnswer =
  | { status: 200; body: { outcome: SaveOutcome; slug: string; revision: number; source: string; warnings: ParseIssue[] } }
  | { status: 413 | 422; body: { outcome: 'rejected'; source: string; issues: ParseIssue[]; error: string } };

const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;

/** A name for the briefing, as an inbox file's would be: a plain name (letters, digits, `.`, `_`, `-`) the inbox would take. */
export function isIngestFileName(name: string): boolean {
  return PLAIN_FILE_NAME.test(name) && classifyBriefingFile(name).importable;
}

export function rejectedAnswer(status: 413 | 422, source: string, issues: ParseIssue[]): IngestAnswer {
  return { status, body: { outcome: 'rejected', source, issues, error: issues.map((issue) => formatIssue(source, issue)).join('\n') } };
}

/**
 * Parses and stores one pushed briefing. `fileName` (optional) plays the part of the inbox file's
 * name: without front matter `slug`, the slug comes from it, else from the title.
 */
export async function ingestBriefing(archive: BriefingArchive, bytes: Uint8Array, fileName: string | undefined, now: Date): Promise<IngestAnswer> {
  const source = `http:${fileName ?? 'POST /briefings'}`;
  const parsed = parseBriefingBytes(bytes, fileName ?? '', now);
  if (!parsed.ok) return rejectedAnswer(422, source, parsed.problem.issues);
  const report = await saveParsed(archive, [{ ok: true, file: source, incoming: { ...parsed.incoming, source } }], now);
  const saved = report.saved[0];
  if (!saved) return rejectedAnswer(422, source, report.rejected[0]?.issues ?? []);
  return { status: 200, body: { outcome: saved.outcome, slug: saved.slug, revision: saved.revision, source, warnings: saved.warnings } };
}
