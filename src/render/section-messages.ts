/**
 * One section of a briefing, as `/brief section:<name>` or a card button shows it.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { SectionChoice } from '../domain/briefing-sections.js';
import { briefingFooter, motivationLines, navigationRow, numberedLines, sectionTitle } from './briefing-parts.js';
import { withComponentsOnLast } from './components.js';
import { layoutBlocks, type Block } from './embed-layout.js';
import { renderKeyVariables, renderTrends } from './key-variable-messages.js';
import type { MessagePayload } from './message-payload.js';
import { positionTableFields, renderPositions } from './position-table.js';
import { escapeMarkdown, inlineMarkdown, paragraphs } from './safe-text.js';

/** The section as messages (several when it is long), with navigation buttons under the last. */
export function renderSection(briefing: Briefing, section: SectionChoice): MessagePayload[] {
  switch (section) {
    case 'structure':
      return renderPositions(briefing);
    case 'variables':
      return renderKeyVariables(briefing);
    case 'trends':
      return renderTrends(briefing);
    default: {
      const block = sectionBlock(briefing, section) ?? { kind: 'prose', title: sectionTitle(briefing, section), text: '*Not given in this briefing.*' };
      const messages = layoutBlocks([block], { author: briefing.title, footer: briefingFooter(briefing) });
      return withComponentsOnLast(messages, [navigationRow(briefing, section)]);
    }
  }
}

/** The section as a layout block, or undefined when the briefing leaves it empty. */
export function sectionBlock(briefing: Briefing, section: SectionChoice): Block | undefined {
  const title = sectionTitle(briefing, section);
  const prose = (text: string): Block | undefined => (text.trim() ? { kind: 'prose', title, text } : undefined);
  switch (section) {
    case 'summary':
      return prose(escapeMarkdown(paragraphs(briefing.summary)));
    case 'incident':
      return prose(escapeMarkdown(paragraphs(briefing.incident)));
    case 'structural':
      return prose(escapeMarkdown(paragraphs(briefing.structuralSummary)));
    case 'motivations':
      return prose(motivationLines(briefing));
    case 'variables':
      return prose(numberedLines(briefing.keyVariables));
    case 'trends':
      return prose(numberedLines(briefing.trends));
    case 'structure':
      if (briefing.structure.dimensions.length > 0) return { kind: 'fields', title, fields: positionTableFields(briefing) };
      // Actors named without any dimension (a header-only table): still worth listing.
      return prose(briefing.structure.actors.length > 0 ? `**Actors:** ${briefing.structure.actors.map(inlineMarkdown).join(', ')}` : '');
  }
}
