/**
 * What in a briefing bears on one of its key variables: the trends and the table positions that
 * share its terms (or the question's), weighted by how rare each shared term is in the archive,
 * so a shared "semiconductor" counts and a shared "Japan" in a briefing about Japan barely does.
 */
import type { Briefing, NumberedItem } from '../domain/briefing.schema.js';
import { indexTerms, type QueryConcept } from './analyzer.js';
import type { BriefingIndex } from './briefing-index.js';

/** A table cell: one actor's position on one dimension. */
export interface RelatedPosition {
  dimension: string;
  actor: string;
  text: string;
}

/** The trends and positions related to a key variable, most related first. */
export interface RelatedMaterial {
  trends: NumberedItem[];
  positions: RelatedPosition[];
}

const MAX_TRENDS = 3;
const MAX_POSITIONS = 4;

const actorStemsCache = new WeakMap<object, Set<string>>();

/** Stems of one-word actor names and aliases (`japan`, `washington`, `kremlin`). */
function actorStems(index: BriefingIndex): Set<string> {
  let stems = actorStemsCache.get(index.lexicon);
  if (!stems) {
    stems = new Set([...index.lexicon.entityStems.values()].flatMap((set) => [...set]));
    actorStemsCache.set(index.lexicon, stems);
  }
  return stems;
}

/** Trends and positions of `briefing` that share terms with `keyVariable` or the question. */
export function relatedMaterial(
  index: BriefingIndex,
  briefing: Briefing,
  keyVariable: NumberedItem,
  concepts: readonly QueryConcept[],
): RelatedMaterial {
  const wanted = new Map<string, number>();
  const kvTerms: string[] = [];
  indexTerms(keyVariable.text, index.lexicon, kvTerms);
  for (const term of kvTerms) wanted.set(term, 1);
  // The question's own words count a little less than the key variable's: it is the anchor.
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const term of alt.terms) if (!wanted.has(term)) wanted.set(term, 0.5 * alt.weight);
    }
  }

  // Sharing only actor names says nothing: every row of a U.S.-Japan table names the U.S. and
  // Japan. An item is related when it shares a subject term; actor terms then add to its rank.
  const actorTerms = actorStems(index);
  const overlap = (text: string): number => {
    const terms: string[] = [];
    indexTerms(text, index.lexicon, terms);
    let subject = 0;
    let actors = 0;
    for (const term of new Set(terms)) {
      const s = (wanted.get(term) ?? 0) * index.briefings.idf(term);
      if (term.startsWith('@') || actorTerms.has(term)) actors += s;
      else subject += s;
    }
    return subject > 0 ? subject + 0.25 * actors : 0;
  };

  const trends = briefing.trends
    .map((trend) => ({ trend, score: overlap(trend.text) }))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score || a.trend.n - b.trend.n)
    .slice(0, MAX_TRENDS)
    .map((t) => ({ n: t.trend.n, text: t.trend.text }));

  const positions = briefing.structure.dimensions
    .flatMap((dimension) =>
      Object.entries(dimension.positions).map(([actor, text]) => ({
        position: { dimension: dimension.name, actor, text },
        // A position also bears on a key variable that names its actor (`Washington` names `U.S.`).
        score: overlap(`${actor}. ${dimension.name}. ${text}`),
      })),
    )
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_POSITIONS)
    .map((p) => p.position);

  return { trends, positions };
}
