/**
 * Reads briefing files from disk, parses them and stores the good ones in one batch.
 * A rejected file never stops the others; nothing is stored half-parsed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { decodeBriefingBytes } from '../domain/decode-briefing-bytes.js';
import type { ParseIssue } from '../domain/errors.js';
import { parseBriefing } from '../domain/parse-briefing.js';
import type { BriefingArchive, IncomingBriefing, SaveResult } from '../store/briefing-archive.js';

const BRIEFING_EXTENSIONS = /\.(md|markdown)$/i;
const READ_CONCURRENCY = 32;

export interface FileProblem {
  file: string;
  issues: ParseIssue[];
}

export interface ImportReport {
  saved: (SaveResult & { file: string; warnings: ParseIssue[] })[];
  rejected: FileProblem[];
}

/** Expands directories into the briefing files inside them (recursively, sorted), keeping plain files as given. */
export async function collectBriefingFiles(paths: string[]): Promise<{ files: string[]; missing: FileProblem[] }> {
  const files: string[] = [];
  const missing: FileProblem[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      missing.push({ file: path, issues: [{ line: 0, code: 'file.not-found', message: 'no such file or directory' }] });
    } else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((entry) => entry.isFile() && BRIEFING_EXTENSIONS.test(entry.name) && entry.name.toLowerCase() !== 'readme.md')
          .map((entry) => join(entry.parentPath, entry.name))
          .sort(),
      );
    } else {
      files.push(path);
    }
  }
  return { files, missing };
}

/** sha256 of the text as parsed (BOM and CRLF normalised), so a re-saved copy is still "unchanged". */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).digest('hex');
}

export type ParsedFile = { ok: true; file: string; incoming: IncomingBriefing } | { ok: false; problem: FileProblem };

/** Reads and parses one file; never throws for a bad file. */
export async function parseBriefingFile(file: string, now: Date, displayName = file): Promise<ParsedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, problem: { file: displayName, issues: [{ line: 0, code: 'file.unreadable', message: `cannot read the file: ${reason}` }] } };
  }
  return parseBriefingBytes(bytes, displayName, now);
}

/** Parses a briefing's bytes (from a file, an inbox or a Discord attachment). */
export function parseBriefingBytes(bytes: Uint8Array, fileName: string, now: Date): ParsedFile {
  const decoded = decodeBriefingBytes(bytes);
  if (!decoded.ok) return { ok: false, problem: { file: fileName, issues: decoded.issues } };
  const parsed = parseBriefing(decoded.value, { fileName, now });
  if (!parsed.ok) return { ok: false, problem: { file: fileName, issues: parsed.issues } };
  return {
    ok: true,
    file: fileName,
    incoming: { briefing: parsed.value, dateFromFile: parsed.dateFromFile, contentHash: contentHash(decoded.value), source: fileName },
  };
}

/** Imports files and directories into the archive in one write. */
export async function importBriefingFiles(
  archive: BriefingArchive,
  paths: string[],
  options: { now: Date; cwd?: string; onProgress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const { files, missing } = await collectBriefingFiles(paths);
  const display = (file: string) => (options.cwd ? relative(options.cwd, file) || file : file);
  const parsed: ParsedFile[] = [];
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const chunk = files.slice(i, i + READ_CONCURRENCY);
    parsed.push(...(await Promise.all(chunk.map((file) => parseBriefingFile(file, options.now, display(file))))));
    options.onProgress?.(Math.min(i + READ_CONCURRENCY, files.length), files.length);
  }
  return saveParsed(archive, parsed, options.now, missing);
}

/** Stores the parsed files; a slug claimed twice in one batch keeps the first file and rejects the rest. */
export async function saveParsed(archive: BriefingArchive, parsed: ParsedFile[], now: Date, earlier: FileProblem[] = []): Promise<ImportReport> {
  const rejected = [...earlier];
  const accepted: { file: string; incoming: IncomingBriefing }[] = [];
  const claimedBy = new Map<string, string>();
  for (const result of parsed) {
    if (!result.ok) {
      rejected.push(result.problem);
      continue;
    }
    const slug = result.incoming.briefing.slug;
    const first = claimedBy.get(slug);
    if (first !== undefined) {
      rejected.push({
        file: result.file,
        issues: [{ line: 1, code: 'import.duplicate-slug', message: `slug "${slug}" is also used by ${first} in this import; give one of them another slug in its front matter` }],
      });
      continue;
    }
    claimedBy.set(slug, result.file);
    accepted.push(result);
  }
  const results = await archive.save(accepted.map((a) => a.incoming), now);
  return {
    saved: results.map((result, i) => ({ ...result, file: accepted[i]?.file ?? '', warnings: accepted[i]?.incoming.briefing.warnings ?? [] })),
    rejected,
  };
}
