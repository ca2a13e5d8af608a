/**
 * The compact card `/brief` answers with by default: title, summary, the key variables and
 * trends in short, buttons for each section and a select to open one key variable. Always one
 * message: long text is shortened here, and the buttons lead to the whole of it.
 */
import type { Briefing, NumberedItem } from '../domain/briefing.schema.js';
import { briefingFooter, keyVariableSelectRow, numberedLine, sectionButtons, sectionTitle } from './briefing-parts.js';
import { buttonRows } from './components.js';
import { NOTHING } from './embed-layout.js';
import { MESSAGE_LIMITS as L } from './discord-limits.js';
import { BRAND_COLOR, type ApiActionRow, type ApiEmbed, type ApiEmbedField, type MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, paragraphs } from './safe-text.js';
import { truncateText } from './truncate-text.js';

/** A card's summary stops here: a card is a glance, and `/brief section:summary` has the rest. */
export const CARD_SUMMARY_MAX = 1400;
/** Each listed item stops here, so that a long one does not crowd out the others. */
export const CARD_ITEM_MAX = 300;

/** The briefing's card: one embed, a row of section buttons and (when it has any) the key-variable select. */
export function renderBriefingCard(briefing: Briefing): MessagePayload {
  const components: ApiActionRow[] = buttonRows(sectionButtons(briefing), 1);
  const select = keyVariableSelectRow(briefing);
  if (select) components.push(select);
  return { embeds: [briefingCardEmbed(briefing)], components };
}

/** The card's embed alone (a digest or a publish preview reuses it). */
export function briefingCardEmbed(briefing: Briefing): ApiEmbed {
  const fields: ApiEmbedField[] = [];
  if (briefing.keyVariables.length > 0) {
    fields.push({ name: sectionTitle(briefing, 'variables'), value: listPreview(briefing.keyVariables, 'Key variables') });
  }
  if (briefing.trends.length > 0) {
    fields.push({ name: sectionTitle(briefing, 'trends'), value: listPreview(briefing.trends, 'Trends') });
  }
  const embed: ApiEmbed = {
    title: truncateText(inlineMarkdown(briefing.title), L.title) || NOTHING,
    description: truncateText(escapeMarkdown(paragraphs(briefing.summary)), CARD_SUMMARY_MAX) || '*No summary.*',
    color: BRAND_COLOR,
    footer: { text: truncateText(briefingFooter(briefing), 200) },
  };
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/**
 * Numbered lines, each shortened to {@link CARD_ITEM_MAX}, as many as fit a field value; when
 * some do not fit, a last line says how many more and which button shows them.
 */
export function listPreview(items: readonly NumberedItem[], buttonLabel: string, max: number = L.fieldValue): string {
  const lines: string[] = [];
  let used = 0;
  for (const [i, item] of items.entries()) {
    const line = truncateText(numberedLine(item), CARD_ITEM_MAX);
    const isLast = i === items.length - 1;
    const reserve = isLast ? 0 : moreLine(items.length - i - 1, buttonLabel).length + 1;
    if (used + line.length + 1 + reserve > max) {
      lines.push(moreLine(items.length - i, buttonLabel));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

function moreLine(count: number, buttonLabel: string): string {
  return `*…and ${count} more: press ${buttonLabel}.*`;
}
