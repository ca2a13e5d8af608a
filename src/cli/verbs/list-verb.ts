import { readArchiveCatalog } from '../../store/read-archive-catalog.js';
import { EMPTY_ARCHIVE_HINT, EXIT_OK, writeText } from '../cli-io.js';
import { requireConfig } from '../open-archive.js';
import { writeJson, type Verb } from '../verb.js';

export const listVerb: Verb = {
  name: 'list',
  summary: 'List the archive, newest first',
  help: `Usage: lumen list [--json]

Options:
  --json   print [{ slug, title, publishedAt }]`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, name: '' },
  async run({ values }, io) {
    const config = requireConfig(io);
    const rows = await readArchiveCatalog(config.dataDir);
    if (values['json']) writeJson(io, rows);
    else if (rows.length === 0) writeText(io.stdout, `${EMPTY_ARCHIVE_HINT}\n`);
    else writeText(io.stdout, rows.map((r) => `${r.publishedAt.slice(0, 10)}  ${r.slug}  ${r.title}`).join('\n') + '\n');
    return EXIT_OK;
  },
};
