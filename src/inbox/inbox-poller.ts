/**
 * The inbox folder (`LUMEN_DATA_DIR/inbox`): briefing files dropped there are imported through
 * the briefing core, then moved to `processed/`, or to `rejected/` with a `.error.txt` beside
 * them naming the problem.
 *
 * A file still being written is left alone: it is taken only once its size and modification
 * time have not changed since the previous poll, or it has not been touched for a few seconds.
 * Hidden and temporary names (`.x`, `x.tmp`, `x.part`, `x~`) are never taken: writers that
 * write-then-rename are safe from the first poll. Other files follow a folder import's rules
 * (briefing-file-rules.ts): a README or a `.pdf` is moved to `rejected/` saying why.
 */
import type { Dirent } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { formatIssue } from '../domain/errors.js';
import { classifyBriefingFile } from '../import/briefing-file-rules.js';
import { parseBriefingFile, saveParsed, type ParsedFile } from '../import/import-briefing-files.js';
import type { Logger } from '../log.js';
import type { BriefingArchive } from '../store/briefing-archive.js';

const IN_PROGRESS = /^\.|\.(tmp|part|crdownload|swp)$|~$/i;
/** Untouched this long (real time), a file is complete even if this is the first poll to see it. */
const SETTLED_MS = 2_000;

export interface InboxReport {
  imported: string[];
  rejected: string[];
  /** Each rejected file with its `file:line: problem` lines (for admin alerts). */
  problems?: { file: string; lines: string[] }[];
}

export class InboxPoller {
  readonly inbox: string;
  readonly #archive: BriefingArchive;
  readonly #logger: Logger;
  /** Size and mtime of each file at the previous poll. */
  #seen = new Map<string, string>();
  #polling: Promise<InboxReport> | undefined;

  constructor(dataDir: string, archive: BriefingArchive, logger: Logger) {
    this.inbox = join(dataDir, 'inbox');
    this.#archive = archive;
    this.#logger = logger;
  }

  /** One poll; overlapping calls share it. `now` dates briefings without a date of their own. */
  poll(now: Date): Promise<InboxReport> {
    this.#polling ??= this.#poll(now).finally(() => (this.#polling = undefined));
    return this.#polling;
  }

  async #poll(now: Date): Promise<InboxReport> {
    const entries = await this.#entries();
    const ready: string[] = [];
    const seen = new Map<string, string>();
    for (const entry of entries) {
      if (!entry.isFile() || IN_PROGRESS.test(entry.name)) continue;
      const info = await stat(join(this.inbox, entry.name)).catch(() => undefined);
      if (!info) continue;
      const signature = `${info.size}:${info.mtimeMs}`;
      if (this.#seen.get(entry.name) === signature || Date.now() - info.mtimeMs >= SETTLED_MS) ready.push(entry.name);
      else seen.set(entry.name, signature);
    }
    this.#seen = seen;
    if (ready.length === 0) return { imported: [], rejected: [] };

    const parsed: ParsedFile[] = await Promise.all(
      ready.sort().map((name) => {
        const verdict = classifyBriefingFile(name);
        if (!verdict.importable) return { ok: false, problem: { file: name, issues: [{ line: 0, code: 'file.not-a-briefing', message: `not imported: ${verdict.reason}` }] } };
        return parseBriefingFile(join(this.inbox, name), now, name);
      }),
    );
    const report = await saveParsed(this.#archive, parsed, now);
    // Moved only after the archive is written: a crash in between re-imports the file as "unchanged".
    // One file that cannot be moved is logged and left for the next poll; the others still move.
    for (const saved of report.saved) await this.#settle(saved.file, () => this.#move(saved.file, 'processed'));
    const problems: { file: string; lines: string[] }[] = [];
    for (const problem of report.rejected) {
      const lines = problem.issues.map((issue) => formatIssue(problem.file, issue));
      problems.push({ file: problem.file, lines });
      await this.#settle(problem.file, async () => {
        const target = await this.#move(problem.file, 'rejected');
        await writeFile(join(this.inbox, 'rejected', noteName(target.name)), `${lines.join('\n')}\n`);
      });
      this.#logger.warn({ file: problem.file, errors: lines }, 'inbox file rejected');
    }
    const result = { imported: report.saved.map((s) => s.slug), rejected: report.rejected.map((r) => r.file) };
    if (report.saved.length > 0) this.#logger.info({ imported: result.imported, outcomes: report.saved.map((s) => `${s.slug}:${s.outcome}`) }, 'inbox imported');
    return problems.length > 0 ? { ...result, problems } : result;
  }

  /** The inbox's entries; the folder is created on first use (or if someone removed it), not at every poll. */
  async #entries(): Promise<Dirent[]> {
    try {
      return await readdir(this.inbox, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.inbox, { recursive: true });
      return readdir(this.inbox, { withFileTypes: true });
    }
  }

  async #settle(file: string, step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (error) {
      this.#logger.error({ file, err: error }, 'inbox file could not be moved; it is retried at the next poll');
    }
  }

  /** Moves a file into a sibling folder, never overwriting an earlier file of the same name. */
  async #move(name: string, folder: 'processed' | 'rejected'): Promise<{ name: string }> {
    const dir = join(this.inbox, folder);
    await mkdir(dir, { recursive: true });
    let target = name;
    for (let n = 1; await stat(join(dir, target)).then(() => true, () => false); n++) target = fitName(name, `-${n}`);
    await rename(join(this.inbox, name), join(dir, target));
    return { name: target };
  }
}

/** The longest file name most file systems take, in bytes. */
const MAX_NAME_BYTES = 255;

/**
 * `name` with `suffix` before its extension, shortened to fit a file name. A shortened name ends in
 * a hash of the whole one, so two long names that share a beginning never collide.
 */
export function fitName(name: string, suffix: string, extra = ''): string {
  const match = /^(.*?)(\.[^.]{1,16})?$/s.exec(name);
  const stem = match?.[1] ?? name;
  const extension = match?.[2] ?? '';
  const whole = `${stem}${suffix}${extension}${extra}`;
  if (Buffer.byteLength(whole) <= MAX_NAME_BYTES) return whole;
  const hash = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const room = MAX_NAME_BYTES - Buffer.byteLength(`${hash}${suffix}${extension}${extra}`);
  let short = '';
  for (const char of stem) {
    if (Buffer.byteLength(short + char) > room) break;
    short += char;
  }
  return `${short}${hash}${suffix}${extension}${extra}`;
}

/** The name of the note beside a rejected file: `<name>.error.txt`, shortened if that is too long. */
export function noteName(rejectedName: string): string {
  const note = `${rejectedName}.error.txt`;
  return Buffer.byteLength(note) <= MAX_NAME_BYTES ? note : fitName(rejectedName, '', '.error.txt');
}
