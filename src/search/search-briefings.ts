/**
 * Archive search: a reader's half-remembered words, with typos, against every field of every
 * briefing. Ranking is BM25F with field weights (a title hit beats a passing mention), scaled by
 * how many of the query's words a briefing matches; each result names its best field and quotes it.
 */
import { analyzeQuery, type QueryConcept } from './analyzer.js';
import { BRIEFING_FIELDS, fieldItems, type BriefingField } from './briefing-fields.js';
import type { BriefingIndex } from './briefing-index.js';
import type { FieldScoring } from './field-index.js';
import type { Lexicon } from './lexicon.js';
import { makeSnippet } from './snippet.js';
import { topK } from './top-k.js';

/** Options for a search. */
export interface SearchOptions {
  /** Most results to return (default 10). */
  limit?: number;
}

/** One search hit, as the CLI prints it with `--json`. */
export interface SearchResult {
  slug: string;
  title: string;
  score: number;
  /** The field that matched best. */
  field: BriefingField;
  /** A short excerpt of that field around the match (≤ 160 characters). */
  snippet: string;
}

const W: Record<BriefingField, number> = {
  title: 6,
  slug: 4,
  tags: 3,
  actors: 3,
  summary: 2,
  incident: 1,
  motivations: 1,
  dimensions: 1,
  keyVariables: 1.5,
  trends: 1,
  structuralSummary: 1,
};

/** Field weights for search; short fields barely length-normalised. */
export const SEARCH_SCORING: FieldScoring = {
  weights: BRIEFING_FIELDS.map((f) => W[f]),
  b: BRIEFING_FIELDS.map((f) => (f === 'title' || f === 'slug' || f === 'tags' || f === 'actors' ? 0.3 : 0.75)),
  k1: 1.2,
};

/** Runs a search over the index; see {@link BriefingIndex.search}. */
export function searchBriefings(index: BriefingIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(0, options.limit ?? 10);
  const concepts = analyzeQuery(query, index.lexicon, { vocabulary: index.vocabulary, prefixLast: !/\s$/.test(query) });
  if (concepts.length === 0 || limit === 0) return [];
  const { docs, scores, matched } = index.briefings.score(concepts, SEARCH_SCORING);
  for (let i = 0; i < docs.length; i++) scores[i] = (scores[i] as number) * coverage(matched[i] as number, concepts.length);

  const results: SearchResult[] = [];
  for (const i of topK(docs.length, limit, (i) => scores[i] as number, (i) => docs[i] as number)) {
    const doc = docs[i] as number;
    const score = scores[i] as number;
    const briefing = index.briefingOfDoc(doc);
    if (!briefing) continue;
    const field = bestField(index, concepts, doc);
    const items = fieldItems(briefing)[BRIEFING_FIELDS.indexOf(field)] ?? [];
    results.push({
      slug: briefing.slug,
      title: briefing.title,
      score: Math.round(score * 1000) / 1000,
      field,
      snippet: makeSnippet(items, highlightStems(concepts, index.lexicon)),
    });
  }
  return results;
}

/** A briefing matching two of three query words ranks below one matching all three. */
function coverage(matched: number, total: number): number {
  return total <= 1 ? 1 : (matched / total) ** 1.5;
}

/** The field with the largest weighted share of the matched terms. */
function bestField(index: BriefingIndex, concepts: readonly QueryConcept[], doc: number): BriefingField {
  const totals = new Array<number>(BRIEFING_FIELDS.length).fill(0);
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const term of alt.terms) {
        const tf = index.briefings.fieldFrequencies(term, doc);
        const idf = index.briefings.idf(term);
        tf.forEach((count, f) => {
          if (count > 0) totals[f] = (totals[f] ?? 0) + alt.weight * idf * (SEARCH_SCORING.weights[f] ?? 0) * Math.min(count, 3);
        });
      }
    }
  }
  // The slug repeats the title: quote the title when both matched equally.
  let best = 0;
  totals.forEach((t, f) => {
    if (t > (totals[best] ?? 0)) best = f;
  });
  return BRIEFING_FIELDS[best] ?? 'title';
}

/** Stems (and entity alias stems) to find again in the quoted text. */
export function highlightStems(concepts: readonly QueryConcept[], lexicon: Lexicon): Set<string> {
  const stems = new Set<string>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const term of alt.terms) {
        if (term.startsWith('@')) for (const s of lexicon.entityStems.get(term) ?? []) stems.add(s);
        else stems.add(term);
      }
    }
  }
  return stems;
}
