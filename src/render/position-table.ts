/**
 * The position table (actors × dimensions). Discord renders no markdown tables, so it becomes
 * embed fields, which stack cleanly on a phone: one field per dimension with a line per actor
 * ("**U.S.:** position"), or, for one actor, one field per dimension with that actor's position.
 */
import type { Briefing, Dimension } from '../domain/briefing.schema.js';
import { briefingFooter, navigationRow, sectionTitle } from './briefing-parts.js';
import { withComponentsOnLast } from './components.js';
import { layoutBlocks, type FieldsBlock } from './embed-layout.js';
import type { ApiEmbedField, MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown } from './safe-text.js';
import { renderUserError } from './user-error.js';

/** Which part of the table: an actor's column, a dimension's row, one cell, or (neither) all. */
export interface PositionQuery {
  actor?: string;
  dimension?: string;
}

const NO_POSITION = '*No position given.*';

/**
 * The positions asked for, as messages. Names are matched ignoring case and punctuation
 * ("us" finds "U.S."); richer aliases are the caller's job. An unknown name gets an error that
 * lists the briefing's actors or dimensions.
 */
export function renderPositions(briefing: Briefing, query: PositionQuery = {}): MessagePayload[] {
  const actors = actorsOf(briefing);
  const dimensions = briefing.structure.dimensions;
  if (dimensions.length === 0) return [renderUserError('This briefing has no position table.')];
  const actor = query.actor === undefined ? undefined : findName(query.actor, actors);
  if (query.actor !== undefined && actor === undefined) return [unknownName('an actor', query.actor, actors)];
  const dimensionName = query.dimension === undefined ? undefined : findName(query.dimension, dimensions.map((d) => d.name));
  const dimension = dimensions.find((d) => d.name === dimensionName);
  if (query.dimension !== undefined && !dimension) return [unknownName('a dimension', query.dimension, dimensions.map((d) => d.name))];

  const heading = sectionTitle(briefing, 'structure');
  let block: FieldsBlock;
  if (actor !== undefined && dimension) {
    block = { kind: 'fields', title: `${heading}: ${inlineMarkdown(dimension.name)}`, fields: [actorField(dimension, actor)] };
  } else if (actor !== undefined) {
    const fields = dimensions.map((d) => ({ name: inlineMarkdown(d.name), value: cell(d, actor) }));
    block = { kind: 'fields', title: `${heading}: ${inlineMarkdown(actor)}`, fields };
  } else if (dimension) {
    block = { kind: 'fields', title: `${heading}: ${inlineMarkdown(dimension.name)}`, fields: actors.map((a) => actorField(dimension, a)) };
  } else {
    block = { kind: 'fields', title: heading, fields: positionTableFields(briefing) };
  }
  const messages = layoutBlocks([block], { author: briefing.title, footer: briefingFooter(briefing) });
  return withComponentsOnLast(messages, [navigationRow(briefing, 'structure')]);
}

/** The whole table as fields: one per dimension, a line per actor. */
export function positionTableFields(briefing: Briefing): ApiEmbedField[] {
  const actors = actorsOf(briefing);
  return briefing.structure.dimensions.map((d) => ({
    name: inlineMarkdown(d.name),
    value: actors.map((a) => `**${inlineMarkdown(a)}:** ${cell(d, a)}`).join('\n'),
  }));
}

/** The table's actors in column order, then any actor found only in a row (a ragged table). */
export function actorsOf(briefing: Briefing): string[] {
  const actors = [...briefing.structure.actors];
  for (const d of briefing.structure.dimensions) for (const a of Object.keys(d.positions)) if (!actors.includes(a)) actors.push(a);
  return actors;
}

function actorField(dimension: Dimension, actor: string): ApiEmbedField {
  return { name: inlineMarkdown(actor), value: cell(dimension, actor) };
}

function cell(dimension: Dimension, actor: string): string {
  const text = dimension.positions[actor];
  return text?.trim() ? inlineMarkdown(text) : NO_POSITION;
}

function findName(wanted: string, names: readonly string[]): string | undefined {
  const folded = fold(wanted);
  return names.find((n) => n === wanted) ?? (folded ? names.find((n) => fold(n) === folded) : undefined);
}

/** Lower case, letters and digits only: "U.S." and "us" fold alike. */
function fold(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function unknownName(what: string, typed: string, names: readonly string[]): MessagePayload {
  const list = names.map((n) => `**${escapeMarkdown(n.replace(/\s+/g, ' '))}**`).join(', ');
  return renderUserError(`“${escapeMarkdown(typed.replace(/\s+/g, ' '))}” is not ${what} in this briefing. Try one of: ${list}.`);
}
