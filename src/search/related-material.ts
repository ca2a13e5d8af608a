/**
 * What in a briefing bears on one of its key variables: the trends and the table positions that
 * concern it, linked by content. A key variable's words count by how much they tell it apart
 * from its siblings (a word every key variable of the briefing uses links nothing in particular),
 * and so do the words of its neighbourhood, the sentences of the briefing that explain it
 * (key-variable-neighbourhood.ts): "security for market" is explained by the table's
 * *Security Alliance Binding* row, whose defence burdens and troops are what trend 4 is about.
 * Each shared word is weighted by how rare it is in the archive, so a shared "semiconductor"
 * counts and a shared "Japan" in a briefing about Japan barely does.
 */
import type { Briefing, NumberedItem } from '../domain/briefing.schema.js';
import type { QueryConcept } from './analyzer.js';
import type { BriefingIndex } from './briefing-index.js';
import { BriefingReader } from './briefing-reading.js';
import { neighbourhoodsOf } from './key-variable-neighbourhood.js';

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
/** An item is related when it scores at least this share of the best item's score. */
const RELATIVE_FLOOR = 0.4;
/** Weight of a neighbourhood word beside one of the key variable's own (1 at most). */
const NEIGHBOURHOOD_SHARE = 0.6;
/** Weight of the question's words beside the key variable's own: it is the anchor. */
const QUESTION_SHARE = 0.5;
/** Weight of a synonym of a linking word (`defense` for `military`), beside the word's own. */
const SYNONYM_SHARE = 0.5;

const synonymsCache = new WeakMap<object, Map<string, string[]>>();

/** One-word stem -> the one-word stems of its synonym groups (`militari` -> `defens`, `troop`, ...). */
function synonymStems(index: BriefingIndex): Map<string, string[]> {
  let map = synonymsCache.get(index.lexicon);
  if (!map) {
    map = new Map();
    for (const group of index.lexicon.synonymGroups) {
      const single = group.filter((member) => member.length === 1).map((member) => member[0] as string);
      for (const stem of single) map.set(stem, [...new Set([...(map.get(stem) ?? []), ...single.filter((other) => other !== stem)])]);
    }
    synonymsCache.set(index.lexicon, map);
  }
  return map;
}

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

/** Trends and positions of `briefing` that concern `keyVariable` (and the question, when asked). */
export function relatedMaterial(
  index: BriefingIndex,
  briefing: Briefing,
  keyVariable: NumberedItem,
  concepts: readonly QueryConcept[],
  reader = new BriefingReader(index.lexicon),
): RelatedMaterial {
  const wanted = linkingTerms(index, briefing, keyVariable, reader);
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const term of alt.terms) wanted.set(term, Math.max(wanted.get(term) ?? 0, QUESTION_SHARE * alt.weight));
    }
  }

  // Sharing only actor names says nothing: every row of a U.S.-Japan table names the U.S. and
  // Japan. An item is related when it shares a subject term; actor terms then add to its rank.
  const actorTerms = actorStems(index);
  const overlap = (text: string): number => {
    let subject = 0;
    let actors = 0;
    for (const term of reader.termsOf(text)) {
      const weight = wanted.get(term) ?? 0;
      // A term the key variable does not want adds exactly nothing: skip its idf look-up.
      if (weight === 0) continue;
      const s = weight * index.briefings.idf(term);
      if (term.startsWith('@') || actorTerms.has(term)) actors += s;
      else subject += s;
    }
    return subject > 0 ? subject + 0.25 * actors : 0;
  };

  const trends = strongest(
    briefing.trends.map((trend) => ({ item: { n: trend.n, text: trend.text }, score: overlap(trend.text), order: trend.n })),
    MAX_TRENDS,
  );
  const positions = strongest(
    briefing.structure.dimensions.flatMap((dimension, d) =>
      Object.entries(dimension.positions).map(([actor, text], a) => ({
        item: { dimension: dimension.name, actor, text },
        // A position also bears on a key variable that names its actor (`Washington` names `U.S.`).
        score: overlap(`${actor}. ${dimension.name}. ${text}`),
        order: d * 100 + a,
      })),
    ),
    MAX_POSITIONS,
  );
  return { trends, positions };
}

/** The best `limit` items that score, and score at least {@link RELATIVE_FLOOR} of the best. */
function strongest<T>(scored: { item: T; score: number; order: number }[], limit: number): T[] {
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score > 0 && s.score >= RELATIVE_FLOOR * best)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.item);
}

/**
 * Term -> weight in (0, 1]: the key variable's own terms by how few siblings share them, and the
 * terms of its neighbourhood by their share there and how few sibling neighbourhoods hold them.
 */
function linkingTerms(index: BriefingIndex, briefing: Briefing, keyVariable: NumberedItem, reader: BriefingReader): Map<string, number> {
  const siblings = reader.read(briefing).keyVariableTerms;
  const k = briefing.keyVariables.findIndex((kv) => kv.n === keyVariable.n);
  const own = k >= 0 ? (siblings[k] as ReadonlySet<string>) : reader.termsOf(keyVariable.text);
  const count = Math.max(1, siblings.length);
  const wanted = new Map<string, number>();
  for (const term of own) {
    const sharedBy = siblings.filter((terms, j) => j !== k && terms.has(term)).length;
    wanted.set(term, 1 - sharedBy / count);
  }
  if (k >= 0) {
    const neighbourhoods = neighbourhoodsOf(reader, briefing);
    for (const [term, share] of neighbourhoods[k] ?? []) {
      if (wanted.has(term)) continue;
      const heldBy = neighbourhoods.filter((n, j) => j !== k && (n.get(term) ?? 0) > 0).length;
      wanted.set(term, NEIGHBOURHOOD_SHARE * share * (1 - heldBy / count));
    }
  }
  // Paraphrase: a trend may say `defense` where the key variable's explanations say `military`.
  const synonyms = synonymStems(index);
  for (const [term, weight] of [...wanted]) {
    for (const other of synonyms.get(term) ?? []) {
      if ((wanted.get(other) ?? 0) < SYNONYM_SHARE * weight) wanted.set(other, SYNONYM_SHARE * weight);
    }
  }
  return wanted;
}
