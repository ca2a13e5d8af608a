import { findDimensions } from '../../domain/find-dimension.js';
import { resolveActor } from '../../search/resolve-actor.js';
import { EXIT_FAILURE, EXIT_OK, writeText } from '../cli-io.js';
import { findBriefingOrExplain } from '../find-briefing.js';
import { writeJson, type Verb } from '../verb.js';

export const positionVerb: Verb = {
  name: 'position',
  summary: "Show an actor's position on each dimension of a briefing",
  help: `Usage: lumen position <slug> <actor> [--dimension NAME] [--json]

The actor is matched ignoring case and accents, and common aliases work
(us, usa, washington -> U.S.; tokyo -> Japan; beijing -> China; brussels -> EU ...).

Options:
  --dimension NAME   only this dimension (case-insensitive; a unique prefix is enough)
  --json             print { slug, actor, positions: [{ dimension, text }] }`,
  options: { dimension: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 2, max: 2, name: '<slug> <actor>' },
  async run({ positionals, values }, io) {
    const found = await findBriefingOrExplain(io, positionals[0] as string);
    if (!found) return EXIT_FAILURE;
    const { briefing } = found;
    const query = positionals[1] as string;
    const actor = resolveActor(query, briefing.structure.actors);
    if (actor === undefined) {
      writeText(io.stderr, `No actor "${query}" in ${briefing.slug}. Its actors are: ${briefing.structure.actors.join(', ') || '(none: it has no position table)'}\n`);
      return EXIT_FAILURE;
    }
    let dimensions = briefing.structure.dimensions;
    const wanted = values['dimension'] as string | undefined;
    if (wanted !== undefined) {
      dimensions = findDimensions(dimensions, wanted);
      if (dimensions.length !== 1) {
        const names = briefing.structure.dimensions.map((d) => d.name).join(', ');
        writeText(io.stderr, `${dimensions.length === 0 ? 'No' : 'More than one'} dimension matches "${wanted}" in ${briefing.slug}. Its dimensions are: ${names}\n`);
        return EXIT_FAILURE;
      }
    }
    const positions = dimensions.map((d) => ({ dimension: d.name, text: d.positions[actor] ?? '' }));
    if (values['json']) {
      writeJson(io, { slug: briefing.slug, actor, positions });
    } else {
      writeText(io.stdout, `${actor} in ${briefing.title}\n\n`);
      writeText(io.stdout, positions.map((p) => `${p.dimension}\n  ${p.text || '(no position given)'}`).join('\n') + '\n');
    }
    return EXIT_OK;
  },
};
