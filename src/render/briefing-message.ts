/**
 * The whole briefing, every section in the source's order, split over as many embeds and
 * messages as the limits require. Nothing is shortened: a title too long for an embed title is
 * repeated whole in the first description.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { SECTION_CHOICES } from '../domain/briefing-sections.js';
import { briefingFooter } from './briefing-parts.js';
import { fitTitle, layoutBlocks, type Block } from './embed-layout.js';
import type { MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, paragraphs } from './safe-text.js';
import { renderBriefingCard } from './briefing-card.js';
import type { BriefingView } from '../interaction-ids/custom-ids.js';
import { renderSection, sectionBlock } from './section-messages.js';

/** Every section of `briefing`; the first embed carries the title and the summary. */
export function renderFullBriefing(briefing: Briefing): MessagePayload[] {
  const title = inlineMarkdown(briefing.title);
  const titleWasCut = fitTitle(title).first !== title;
  const summary = escapeMarkdown(paragraphs(briefing.summary));
  const opening = [titleWasCut ? `**${title}**` : '', summary].filter(Boolean).join('\n\n');
  const blocks: Block[] = [{ kind: 'prose', title, text: opening || '*No summary.*' }];
  for (const section of SECTION_CHOICES) {
    if (section === 'summary') continue;
    const block = sectionBlock(briefing, section);
    if (block) blocks.push(block);
  }
  return layoutBlocks(blocks, { footer: briefingFooter(briefing) });
}

/** What a `lb1|sec|…` button asks for: the card, one section or the whole briefing. */
export function renderBriefingView(briefing: Briefing, view: BriefingView): MessagePayload[] {
  if (view === 'card') return [renderBriefingCard(briefing)];
  if (view === 'full') return renderFullBriefing(briefing);
  return renderSection(briefing, view);
}
