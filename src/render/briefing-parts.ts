/**
 * Pieces every briefing renderer shares: section headings with the source's emoji, the footer,
 * numbered lists, and the navigation buttons and key-variable select.
 */
import type { Briefing, NumberedItem } from '../domain/briefing.schema.js';
import { SECTIONS, sectionEmoji, type SectionChoice } from '../domain/briefing-sections.js';
import { actionButton, selectOption, selectRow, stringSelect, STYLE } from './components.js';
import type { BriefingView } from '../interaction-ids/custom-ids.js';
import { COMPONENT_LIMITS as C } from './discord-limits.js';
import type { ApiActionRow, ApiButton } from './message-payload.js';
import { inlineMarkdown } from './safe-text.js';

/** The section's emoji: the source's own when it is a short pictograph, else the default. */
export function emojiOf(briefing: Briefing, section: SectionChoice): string {
  const emoji = sectionEmoji(briefing, section);
  // An "emoji" with letters or markup in it (a parser slip) must not leak into headings.
  return emoji.length <= 16 && !/[\p{L}\p{N}\s*_~`|<>@#[\]\\]/u.test(emoji) ? emoji : SECTIONS[section].defaultEmoji;
}

/** "🧨 Key Variables". */
export function sectionTitle(briefing: Briefing, section: SectionChoice): string {
  return `${emojiOf(briefing, section)} ${SECTIONS[section].heading}`;
}

/** "japan-tariffs · published 2026-11-24": the slug to type, and the date. */
export function briefingFooter(briefing: Briefing): string {
  return `${briefing.slug} · published ${briefing.publishedAt.slice(0, 10)}`;
}

/** One line per item: "**1.** text", text escaped and on one line. */
export function numberedLines(items: readonly NumberedItem[]): string {
  return items.map(numberedLine).join('\n');
}

/** "**1.** text" for one item. */
export function numberedLine(item: NumberedItem): string {
  return `**${item.n}.** ${inlineMarkdown(item.text)}`;
}

/** One line per motivation: "**Outward:** text", or "• text" without a label. */
export function motivationLines(briefing: Briefing): string {
  return briefing.motivations
    .map((m) => (m.label.trim() ? `**${inlineMarkdown(m.label)}:** ${inlineMarkdown(m.text)}` : `• ${inlineMarkdown(m.text)}`))
    .join('\n');
}

/** The buttons under a card: Key variables, Trends, Positions, Full briefing (empty ones disabled). */
export function sectionButtons(briefing: Briefing, current?: BriefingView): ApiButton[] {
  const slug = briefing.slug;
  const button = (label: string, view: BriefingView, empty: boolean, style: 1 | 2 = STYLE.secondary): ApiButton =>
    actionButton(label, { kind: 'view', slug, view }, style, empty || view === current);
  return [
    button('Key variables', 'variables', briefing.keyVariables.length === 0),
    button('Trends', 'trends', briefing.trends.length === 0),
    button('Positions', 'structure', briefing.structure.dimensions.length === 0),
    button('Full briefing', 'full', false, STYLE.primary),
  ];
}

/** The row under a section view: back to the card, then the card's own buttons. */
export function navigationRow(briefing: Briefing, current: BriefingView): ApiActionRow {
  const card = actionButton('Card', { kind: 'view', slug: briefing.slug, view: 'card' }, STYLE.secondary, current === 'card');
  return { type: 1, components: [card, ...sectionButtons(briefing, current)] };
}

/**
 * "Open a key variable…": one option per key variable (value = its number), the first 25 when
 * there are more, `selected` shown as chosen. Undefined when the briefing lists none.
 */
export function keyVariableSelectRow(briefing: Briefing, selected?: number): ApiActionRow | undefined {
  const seen = new Set<number>();
  const items = briefing.keyVariables.filter((kv) => !seen.has(kv.n) && seen.add(kv.n));
  if (items.length === 0) return undefined;
  const shown = items.slice(0, C.selectOptions);
  const placeholder =
    items.length > shown.length ? `Open a key variable (1–${shown.length} of ${items.length})…` : 'Open a key variable…';
  const options = shown.map((kv) => {
    const option = selectOption(`${kv.n}. ${kv.text}`, String(kv.n));
    if (kv.n === selected) option.default = true;
    return option;
  });
  return selectRow(stringSelect({ kind: 'variable', slug: briefing.slug }, placeholder, options));
}
