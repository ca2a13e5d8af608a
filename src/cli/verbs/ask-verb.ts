import { EXIT_FAILURE, EXIT_OK, explainEmptyArchive, writeText } from '../cli-io.js';
import { findInArchiveOrExplain } from '../find-briefing.js';
import { answerOneShot } from '../open-library.js';
import { UsageError, readPositiveInt, writeJson, type Verb } from '../verb.js';

export const askVerb: Verb = {
  name: 'ask',
  summary: 'Find the key variables a question is about, with related trends and positions',
  help: `Usage: lumen ask <question> [--briefing SLUG] [--limit N] [--json]

Maps a question in your own words to the key variables it is about, across the archive or
inside one briefing: "Is Washington going to revisit car tariffs on Japan?" finds
japan-tariffs, key variable 1.

Options:
  --briefing SLUG   only this briefing's key variables
  --limit N         at most N answers (default 3)
  --json            print [{ slug, keyVariable: { n, text }, score, related: { trends, positions } }]`,
  options: { briefing: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: Infinity, name: '<question>' },
  async run({ positionals, values }, io) {
    const question = positionals.join(' ').trim();
    if (question === '') throw new UsageError('the question is empty: give some words, e.g. lumen ask "Will Washington revisit car tariffs?"');
    const limit = readPositiveInt(values['limit'], 'limit', 3);
    const typedScope = values['briefing'] as string | undefined;
    const answered = await answerOneShot(io, ({ view, archive }) => {
      if (archive.size === 0) return { notes: [], results: undefined, empty: true };
      // Held back until the answer stands: on a damaged snapshot it is computed twice.
      const notes: string[] = [];
      const held = { ...io, stderr: { write: (text: string) => notes.push(text) } };
      const scoped = typedScope === undefined ? undefined : findInArchiveOrExplain(held, archive, typedScope);
      if (typedScope !== undefined && !scoped) return { notes, results: undefined, empty: false };
      return { notes, results: view.ask(question, { briefing: scoped?.briefing.slug, limit }), empty: false };
    });
    if (!answered.ok) {
      writeText(io.stderr, `${answered.message}\n`);
      return EXIT_FAILURE;
    }
    const { notes, results, empty } = answered.value;
    if (empty) {
      explainEmptyArchive(io, { size: 0 }, values['json'] === true);
      return EXIT_FAILURE;
    }
    for (const note of notes) io.stderr.write(note);
    if (!results) return EXIT_FAILURE;
    if (values['json']) {
      writeJson(io, results);
    } else if (results.length === 0) {
      writeText(io.stdout, 'No key variable matches that question. Try naming the actors or the subject.\n');
    } else {
      for (const [i, r] of results.entries()) {
        writeText(io.stdout, `${i + 1}. ${r.slug}, key variable ${r.keyVariable.n}: ${r.keyVariable.text}\n`);
        for (const t of r.related.trends) writeText(io.stdout, `   trend ${t.n}: ${t.text}\n`);
        for (const p of r.related.positions) writeText(io.stdout, `   ${p.actor} on ${p.dimension}: ${p.text}\n`);
      }
    }
    return EXIT_OK;
  },
};
