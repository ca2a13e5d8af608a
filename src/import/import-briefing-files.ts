/**
 * Reads briefing files from disk, parses them and stores the good ones in one batch.
 * A rejected file never stops the others; nothing is stored half-parsed.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeBriefingBytes } from '../domain/decode-briefing-bytes.js';
import type { ParseIssue } from '../domain/errors.js';
import { parseBriefing } from '../domain/parse-briefing.js';
import { walkBriefingFolder, type SkippedFile } from './briefing-file-rules.js';
import { unreadablePathProblem } from './unreadable-path.js';
import type { BriefingArchive, IncomingBriefing, SaveResult } from '../store/briefing-archive.js';

const READ_CONCURRENCY = 32;

export interface FileProblem {
  file: string;
  issues: ParseIssue[];
}

export interface ImportReport {
  saved: (SaveResult & { file: string; warnings: ParseIssue[] })[];
  rejected: FileProblem[];
}

/** An import of files and folders: what was stored and rejected, and what in the folders was no briefing. */
export interface FilesImportReport extends ImportReport {
  /** Entries of the folders given that are not briefings (other extensions, hidden files, READMEs), with why. */
  skipped: SkippedFile[];
}

/** A file to read: `file` as the user named it (shown in every message), `path` where it is read from. */
export interface BriefingFile {
  file: string;
  path: string;
}

/**
 * Expands folders into the briefing files inside them (recursively, sorted), keeping plain files
 * as given. Paths are shown as given and read relative to `cwd`.
 */
export async function collectBriefingFiles(paths: string[], cwd = process.cwd()): Promise<{ files: BriefingFile[]; missing: FileProblem[]; skipped: SkippedFile[] }> {
  const files: BriefingFile[] = [];
  const missing: FileProblem[] = [];
  const skipped: SkippedFile[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      missing.push(unreadablePathProblem(given, info));
    } else if (info.isDirectory()) {
      const found = await walkBriefingFolder(given, path);
      files.push(...found.files);
      skipped.push(...found.skipped);
    } else {
      files.push({ file: given, path });
    }
  }
  return { files, missing, skipped };
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
    return { ok: false, problem: unreadablePathProblem(displayName, error) };
  }
  return parseBriefingBytes(bytes, displayName, now);
}

/**
 * Parses a briefing's bytes (from a file, an inbox or a Discord attachment). This is the one
 * boundary around one file's parse: whatever goes wrong inside it (a bug, a library throwing on
 * hostile input) becomes this file's rejection, and the files around it go on.
 */
export function parseBriefingBytes(bytes: Uint8Array, fileName: string, now: Date): ParsedFile {
  try {
    const decoded = decodeBriefingBytes(bytes);
    if (!decoded.ok) return { ok: false, problem: { file: fileName, issues: decoded.issues } };
    const parsed = parseBriefing(decoded.value, { fileName, now });
    if (!parsed.ok) return { ok: false, problem: { file: fileName, issues: parsed.issues } };
    return {
      ok: true,
      file: fileName,
      incoming: { briefing: parsed.value, dateFromFile: parsed.dateFromFile, contentHash: contentHash(decoded.value), source: fileName },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problem: { file: fileName, issues: [{ line: 1, code: 'file.unparseable', message: `the file could not be read as a briefing (${reason})` }] } };
  }
}

/** Imports files and directories into the archive in one write. */
export async function importBriefingFiles(
  archive: BriefingArchive,
  paths: string[],
  options: { now: Date; cwd?: string; onProgress?: (done: number, total: number) => void },
): Promise<FilesImportReport> {
  const { files, missing, skipped } = await collectBriefingFiles(paths, options.cwd);
  const parsed: ParsedFile[] = [];
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const chunk = files.slice(i, i + READ_CONCURRENCY);
    parsed.push(...(await Promise.all(chunk.map(({ file, path }) => parseBriefingFile(path, options.now, file)))));
    options.onProgress?.(Math.min(i + READ_CONCURRENCY, files.length), files.length);
  }
  return { ...(await saveParsed(archive, parsed, options.now, missing)), skipped };
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
