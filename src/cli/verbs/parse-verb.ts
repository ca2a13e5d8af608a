import { formatIssue } from '../../domain/errors.js';
import { parseBriefingFile } from '../../import/import-briefing-files.js';
import { renderBriefingText } from '../../render/briefing-text.js';
import { EXIT_FAILURE, EXIT_OK, writeText } from '../cli-io.js';
import { writeJson, type Verb } from '../verb.js';

export const parseVerb: Verb = {
  name: 'parse',
  summary: 'Parse a briefing file and print it, without storing it',
  help: `Usage: lumen parse <file> [--json]

Prints the parsed briefing (the JSON model with --json) and any warnings.
Exits 1 with "file:line: problem" when the file is not a valid briefing.

Options:
  --json   print the Briefing as JSON; when the file is rejected,
           { file, errors: ["file:line: problem"], issues: [{ line, code, message }] }`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, name: '<file>' },
  async run({ positionals, values }, io) {
    const file = positionals[0] as string;
    const result = await parseBriefingFile(file, io.now());
    if (!result.ok) {
      const { issues } = result.problem;
      // With --json a script reads the problem from stdout as it would read the briefing.
      if (values['json']) writeJson(io, { file, errors: issues.map((issue) => formatIssue(file, issue)), issues });
      else for (const issue of issues) writeText(io.stderr, `${formatIssue(file, issue)}\n`);
      return EXIT_FAILURE;
    }
    const briefing = result.incoming.briefing;
    if (values['json']) writeJson(io, briefing);
    else writeText(io.stdout, `${renderBriefingText(briefing)}\n`);
    for (const warning of briefing.warnings) writeText(io.stderr, `warning: ${formatIssue(file, warning)}\n`);
    return EXIT_OK;
  },
};
