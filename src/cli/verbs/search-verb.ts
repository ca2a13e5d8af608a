import { EXIT_FAILURE, EXIT_OK, explainEmptyArchive, writeText } from '../cli-io.js';
import { answerOneShot } from '../open-library.js';
import { UsageError, readPositiveInt, writeJson, type Verb } from '../verb.js';

export const searchVerb: Verb = {
  name: 'search',
  summary: 'Search the archive: fuzzy, accent-insensitive, best first',
  help: `Usage: lumen search <query> [--limit N] [--json]

Typos are forgiven (tarifs, shiping), accents and case ignored (turkiye finds Türkiye).
Each result says which field matched, with a short snippet. An empty archive is said to be
empty (exit 1), not "no match".

Options:
  --limit N   at most N results (default 10)
  --json      print [{ slug, title, score, field, snippet }]`,
  options: { limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: Infinity, name: '<query>' },
  async run({ positionals, values }, io) {
    const query = positionals.join(' ').trim();
    if (query === '') throw new UsageError('the query is empty: give some words, e.g. lumen search "chip export controls"');
    const limit = readPositiveInt(values['limit'], 'limit', 10);
    const answered = await answerOneShot(io, ({ view }) => (view.size === 0 ? undefined : view.search(query, { limit })));
    if (!answered.ok) {
      writeText(io.stderr, `${answered.message}\n`);
      return EXIT_FAILURE;
    }
    const results = answered.value;
    if (!results) {
      explainEmptyArchive(io, { size: 0 }, values['json'] === true);
      return EXIT_FAILURE;
    }
    if (values['json']) writeJson(io, results);
    else if (results.length === 0) writeText(io.stdout, 'No briefing matches. Try fewer or other words.\n');
    else writeText(io.stdout, results.map((r, i) => `${i + 1}. ${r.slug}  ${r.title}\n   [${r.field}] ${r.snippet}`).join('\n') + '\n');
    return EXIT_OK;
  },
};
