import { formatIssue } from '../../domain/errors.js';
import { BRIEFING_EXTENSIONS } from '../../import/briefing-file-rules.js';
import { importBriefingFiles } from '../../import/import-briefing-files.js';
import { EXIT_FAILURE, EXIT_OK, writeText, type CliIo } from '../cli-io.js';
import { openArchive } from '../open-archive.js';
import { refreshIndexSnapshot } from '../open-library.js';
import { writeJson, type Verb } from '../verb.js';

export const importVerb: Verb = {
  name: 'import',
  summary: 'Parse briefing files or folders and store them in the archive',
  help: `Usage: lumen import <file|dir>... [--json]

Imports every file given, and every .md, .markdown and .txt file found (recursively) in the
folders given; hidden files, READMEs and other extensions are skipped and listed with why.
Each file is imported, updated (same slug, changed content: its revision goes up),
unchanged (same content), or rejected with "file:line: problem". Rejected files do not stop
the others. The command exits 1 when any file was rejected, or when nothing given held a
briefing to import (an empty folder is a warning, not a success).

Options:
  --json   print the summary as JSON: { imported, updated, unchanged, rejected, skipped },
           with every path as it was given`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: Infinity, name: '<file|dir>' },
  async run({ positionals, values }, io) {
    const opened = await openArchive(io);
    if (!opened.ok) {
      io.stderr.write(`${opened.message}\n`);
      return EXIT_FAILURE;
    }
    const progress = io.stderr.isTTY && !values['json'] ? progressBar(io) : undefined;
    let report: Awaited<ReturnType<typeof importBriefingFiles>>;
    try {
      report = await importBriefingFiles(opened.archive, positionals, { now: io.now(), cwd: io.cwd, onProgress: progress });
      if (progress) io.stderr.write('\n');
      // The next `lumen search` then reads a current snapshot instead of re-indexing what came in.
      const { problem } = await refreshIndexSnapshot(opened);
      if (problem) io.stderr.write(`warning: ${problem}\n`);
    } finally {
      await opened.archive.close?.();
    }

    const pick = (outcome: string) => report.saved.filter((s) => s.outcome === outcome).map(({ slug, file, revision }) => ({ slug, file, revision }));
    const summary = {
      imported: pick('imported'),
      updated: pick('updated'),
      unchanged: pick('unchanged'),
      rejected: report.rejected.map((r) => ({ file: r.file, errors: r.issues.map((issue) => formatIssue(r.file, issue)) })),
      skipped: report.skipped,
    };
    const nothingToImport = report.saved.length === 0 && report.rejected.length === 0;
    const emptyWarning = nothingToImport
      ? `nothing to import: ${positionals.join(', ')} ${positionals.length === 1 ? 'holds' : 'hold'} no ${BRIEFING_EXTENSIONS.join(', ')} file${report.skipped.length > 0 ? ` (${report.skipped.length} skipped)` : ''}`
      : undefined;
    if (values['json']) {
      writeJson(io, emptyWarning ? { ...summary, warnings: [emptyWarning] } : summary);
    } else {
      for (const skipped of summary.skipped) writeText(io.stderr, `skipped: ${skipped.file}: ${skipped.reason}\n`);
      for (const saved of report.saved) {
        for (const warning of saved.warnings) writeText(io.stderr, `warning: ${formatIssue(saved.file, warning)}\n`);
      }
      for (const rejected of summary.rejected) for (const line of rejected.errors) writeText(io.stderr, `${line}\n`);
      io.stdout.write(
        `${summary.imported.length} imported, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.rejected.length} rejected` +
          `${summary.skipped.length > 0 ? `, ${summary.skipped.length} skipped` : ''}\n`,
      );
      if (emptyWarning) writeText(io.stderr, `warning: ${emptyWarning}\n`);
    }
    return summary.rejected.length > 0 || nothingToImport ? EXIT_FAILURE : EXIT_OK;
  },
};

/** A one-line progress bar on stderr, redrawn at most every 100 ms, for imports of many files. */
function progressBar(io: CliIo): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (total < 50 || (done < total && now - last < 100)) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
  };
}
