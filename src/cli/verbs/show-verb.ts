import { SECTION_CHOICES, SECTIONS, isSectionChoice } from '../../domain/briefing-sections.js';
import { renderBriefingText, renderSectionText } from '../../render/briefing-text.js';
import { EXIT_FAILURE, EXIT_OK, writeText } from '../cli-io.js';
import { findBriefingOrExplain } from '../find-briefing.js';
import { UsageError, writeJson, type Verb } from '../verb.js';

export const showVerb: Verb = {
  name: 'show',
  summary: 'Show a stored briefing, or one section of it',
  help: `Usage: lumen show <slug> [--section NAME] [--json]

Options:
  --section NAME   one of ${SECTION_CHOICES.join(', ')}
  --json           print the Briefing (or { slug, <field> } for one section) as JSON`,
  options: { section: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, name: '<slug>' },
  async run({ positionals, values }, io) {
    const section = values['section'] as string | undefined;
    if (section !== undefined && !isSectionChoice(section)) {
      throw new UsageError(`--section must be one of ${SECTION_CHOICES.join(', ')} (got "${section}")`);
    }
    const found = await findBriefingOrExplain(io, positionals[0] as string);
    if (!found) return EXIT_FAILURE;
    const { briefing } = found;
    if (values['json']) {
      if (section === undefined) writeJson(io, briefing);
      else writeJson(io, { slug: briefing.slug, [SECTIONS[section].field]: briefing[SECTIONS[section].field] });
    } else {
      writeText(io.stdout, `${section === undefined ? renderBriefingText(briefing) : renderSectionText(briefing, section)}\n`);
    }
    return EXIT_OK;
  },
};
