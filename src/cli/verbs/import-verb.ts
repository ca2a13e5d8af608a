import { formatIssue } from '../../domain/errors.js';
import { importBriefingFiles } from '../../import/import-briefing-files.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../cli-io.js';
import { openArchive } from '../open-archive.js';
import { writeJson, type Verb } from '../verb.js';

export const importVerb: Verb = {
  name: 'import',
  summary: 'Parse briefing files or folders and store them in the archive',
  help: `Usage: lumen import <file|dir>... [--json]

Imports every .md file given or found (recursively) in the folders given. Each file is
imported, updated (same slug, changed content: its revision goes up), unchanged (same
content), or rejected with "file:line: problem". Rejected files do not stop the others;
the command exits 1 when any file was rejected.

Options:
  --json   print the summary as JSON: { imported, updated, unchanged, rejected }`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: Infinity, name: '<file|dir>' },
  async run({ positionals, values }, io) {
    const opened = await openArchive(io);
    if (!opened.ok) {
      io.stderr.write(`${opened.message}\n`);
      return EXIT_FAILURE;
    }
    const progress = io.stderr.isTTY && !values['json'] ? progressBar(io) : undefined;
    const report = await importBriefingFiles(opened.archive, positionals, { now: io.now(), cwd: io.cwd, onProgress: progress });
    if (progress) io.stderr.write('\n');

    const pick = (outcome: string) => report.saved.filter((s) => s.outcome === outcome).map(({ slug, file, revision }) => ({ slug, file, revision }));
    const summary = {
      imported: pick('imported'),
      updated: pick('updated'),
      unchanged: pick('unchanged'),
      rejected: report.rejected.map((r) => ({ file: r.file, errors: r.issues.map((issue) => formatIssue(r.file, issue)) })),
    };
    if (values['json']) {
      writeJson(io, summary);
    } else {
      for (const saved of report.saved) {
        for (const warning of saved.warnings) io.stderr.write(`warning: ${formatIssue(saved.file, warning)}\n`);
      }
      for (const rejected of summary.rejected) for (const line of rejected.errors) io.stderr.write(`${line}\n`);
      io.stdout.write(
        `${summary.imported.length} imported, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.rejected.length} rejected\n`,
      );
    }
    return summary.rejected.length > 0 ? EXIT_FAILURE : EXIT_OK;
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
