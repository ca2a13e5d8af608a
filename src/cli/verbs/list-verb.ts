import type { Config } from '../../config.js';
import { readArchiveCatalog, type CatalogEntry } from '../../store/read-archive-catalog.js';
import { EMPTY_ARCHIVE_HINT, EXIT_FAILURE, EXIT_OK, writeText, type CliIo } from '../cli-io.js';
import { openArchiveWith, requireConfig } from '../open-archive.js';
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
    const rows = config.database ? await listFromDatabase(config, io) : await readArchiveCatalog(config.dataDir);
    if (!rows) return EXIT_FAILURE;
    if (values['json']) writeJson(io, rows);
    else if (rows.length === 0) writeText(io.stdout, `${EMPTY_ARCHIVE_HINT}\n`);
    else writeText(io.stdout, rows.map((r) => `${r.publishedAt.slice(0, 10)}  ${r.slug}  ${r.title}`).join('\n') + '\n');
    return EXIT_OK;
  },
};

/** With LUMEN_DATABASE_URL the archive is in PostgreSQL: there is no file catalog to read. */
async function listFromDatabase(config: Config, io: CliIo): Promise<CatalogEntry[] | undefined> {
  const opened = await openArchiveWith(config);
  if (!opened.ok) {
    writeText(io.stderr, `${opened.message}\n`);
    return undefined;
  }
  try {
    return opened.archive.list().map(({ briefing: { slug, title, publishedAt } }) => ({ slug, title, publishedAt }));
  } finally {
    await opened.archive.close?.();
  }
}
