/**
 * Which parts of a briefing are searchable, under what field name, and as which pieces of text.
 * List fields keep their items apart so a snippet can quote the one item that matched.
 */
import type { Briefing } from '../domain/briefing.schema.js';

/** Searchable fields, in index order. A result's `field` is one of these names. */
export const BRIEFING_FIELDS = [
  'title',
  'slug',
  'tags',
  'actors',
  'summary',
  'incident',
  'motivations',
  'dimensions',
  'keyVariables',
  'trends',
  'structuralSummary',
] as const;

/** A searchable field of a briefing. */
export type BriefingField = (typeof BRIEFING_FIELDS)[number];

/** The brand prefix that every title carries: noise in a list of 25 suggestions. */
const BRAND_PREFIX = /^\s*lumen\s+insight\s*[:\-–—]\s*/i;

/** A title as a reader would list it: without the `LUMEN INSIGHT:` prefix. */
export function shortTitle(title: string): string {
  return title.replace(BRAND_PREFIX, '').trim() || title.trim();
}

/** The texts of each field, in {@link BRIEFING_FIELDS} order; list fields give one text per item. */
export function fieldItems(briefing: Briefing): string[][] {
  const { structure } = briefing;
  return [
    [briefing.title],
    [briefing.slug.replace(/-/g, ' ')],
    briefing.tags,
    structure.actors,
    [briefing.summary],
    [briefing.incident],
    briefing.motivations.map((m) => (m.label ? `${m.label}: ${m.text}` : m.text)),
    structure.dimensions.flatMap((d) => [d.name, ...Object.entries(d.positions).map(([actor, text]) => `${actor}: ${text}`)]),
    briefing.keyVariables.map((k) => k.text),
    briefing.trends.map((t) => t.text),
    [briefing.structuralSummary],
  ];
}
