/**
 * Key variables and trends: the whole list, or one item; a key variable comes with the trends and
 * positions that bear on it (found by the search layer and passed in).
 */
import type { Briefing, NumberedItem } from '../domain/briefing.schema.js';
import { briefingFooter, keyVariableSelectRow, navigationRow, numberedLine, numberedLines, sectionTitle } from './briefing-parts.js';
import { MESSAGE_LIMITS } from './discord-limits.js';
import { truncateText } from './truncate-text.js';
import { withComponentsOnLast } from './components.js';
import { layoutBlocks } from './embed-layout.js';
import type { ApiActionRow, MessagePayload } from './message-payload.js';
import { inlineMarkdown } from './safe-text.js';
import { renderUserError } from './user-error.js';

/** A table cell related to a key variable. */
export interface RelatedPosition {
  dimension: string;
  actor: string;
  text: string;
}

/** What bears on a key variable (the shape search's `relatedMaterial` returns). */
export interface RelatedMaterial {
  trends: readonly NumberedItem[];
  positions: readonly RelatedPosition[];
}

/** Every key variable, numbered, with the select to open one. */
export function renderKeyVariables(briefing: Briefing): MessagePayload[] {
  const text = numberedLines(briefing.keyVariables) || '*This briefing lists no key variables.*';
  const messages = layoutBlocks([{ kind: 'prose', title: sectionTitle(briefing, 'variables'), text }], options(briefing));
  return withComponentsOnLast(messages, rows(briefing, 'variables'));
}

/** Key variable `n` with its related trends and positions; an error naming the valid numbers if there is no `n`. */
export function renderKeyVariable(briefing: Briefing, n: number, related: RelatedMaterial): MessagePayload[] {
  const item = briefing.keyVariables.find((kv) => kv.n === n);
  if (!item) return [noSuchItem('key variable', n, briefing.keyVariables)];
  // Each related item gets an equal share of a field (a long briefing's trends run to 2,000 characters).
  const share = (count: number): number => Math.floor(MESSAGE_LIMITS.fieldValue / Math.max(1, count)) - 8;
  const trendLimit = share(related.trends.length);
  // Cut after escaping: markdown escapes lengthen a line.
  const trends = related.trends.map((t) => truncateText(numberedLine(t), trendLimit)).join('\n');
  const positionLimit = share(related.positions.length);
  const positions = related.positions
    .map((p) => truncateText(`**${inlineMarkdown(truncateText(p.actor, 60))}** on *${inlineMarkdown(truncateText(p.dimension, 80))}*: ${inlineMarkdown(p.text)}`, positionLimit))
    .join('\n');
  const fields = [
    { name: `${sectionTitle(briefing, 'trends')}: related`, value: truncateText(trends, MESSAGE_LIMITS.fieldValue) || '*None found.*' },
    { name: `${sectionTitle(briefing, 'structure')}: related positions`, value: truncateText(positions, MESSAGE_LIMITS.fieldValue) || '*None found.*' },
  ];
  const title = `${sectionTitle(briefing, 'variables')}: ${item.n} of ${briefing.keyVariables.length}`;
  const messages = layoutBlocks([{ kind: 'fields', title, intro: inlineMarkdown(item.text), fields }], options(briefing));
  return withComponentsOnLast(messages, rows(briefing, 'variables', n));
}

/** Every trend, or trend `n` alone; an error naming the valid numbers if there is no `n`. */
export function renderTrends(briefing: Briefing, n?: number): MessagePayload[] {
  if (n === undefined) {
    const text = numberedLines(briefing.trends) || '*This briefing lists no trends.*';
    const messages = layoutBlocks([{ kind: 'prose', title: sectionTitle(briefing, 'trends'), text }], options(briefing));
    return withComponentsOnLast(messages, [navigationRow(briefing, 'trends')]);
  }
  const item = briefing.trends.find((t) => t.n === n);
  if (!item) return [noSuchItem('trend', n, briefing.trends)];
  const title = `${sectionTitle(briefing, 'trends')}: ${item.n} of ${briefing.trends.length}`;
  const messages = layoutBlocks([{ kind: 'prose', title, text: inlineMarkdown(item.text) }], options(briefing));
  return withComponentsOnLast(messages, [navigationRow(briefing, 'trends')]);
}

function options(briefing: Briefing) {
  return { author: briefing.title, footer: briefingFooter(briefing) };
}

function rows(briefing: Briefing, current: 'variables', selected?: number): ApiActionRow[] {
  const select = keyVariableSelectRow(briefing, selected);
  return select ? [select, navigationRow(briefing, current)] : [navigationRow(briefing, current)];
}

function noSuchItem(what: string, n: number, items: readonly NumberedItem[]): MessagePayload {
  if (items.length === 0) return renderUserError(`This briefing lists no ${what}s.`);
  const numbers = items.map((i) => i.n);
  const range = numbers.length > 10 ? `${Math.min(...numbers)} to ${Math.max(...numbers)}` : numbers.join(', ');
  return renderUserError(`There is no ${what} ${n} in this briefing. Its ${what}s are numbered ${range}.`);
}
