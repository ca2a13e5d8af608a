/**
 * The one or two sentences of a briefing that bear most on a question about one of its key
 * variables, quoted in the answer with where they stand. A sentence scores by the question's
 * words it holds (each by its best alternative's weight and its rarity in the archive) and, at a
 * lower weight, by the words that tell the key variable apart from its siblings, so a sentence
 * about the right subject wins over one that only repeats the briefing's actors.
 */
import type { Briefing, NumberedItem } from '../domain/briefing.schema.js';
import type { QueryConcept } from './analyzer.js';
import type { BriefingIndex } from './briefing-index.js';
import { BriefingReader, type ExplainingUnit } from './briefing-reading.js';

/** A quoted sentence and its section (`Incident`, `Trend 4`, `U.S. on Security Alliance Binding`). */
export type AnswerPassage = ExplainingUnit;

/** Weight of the key variable's distinctive words beside the question's own. */
const KEY_VARIABLE_SHARE = 0.5;
/** A second sentence is quoted only if it scores at least this share of the first. */
const SECOND_FLOOR = 0.6;

/** Up to `limit` sentences of `briefing` that bear most on the question about `keyVariable`; best first. */
export function answerPassages(
  index: BriefingIndex,
  briefing: Briefing,
  keyVariable: NumberedItem,
  concepts: readonly QueryConcept[],
  limit = 2,
  reader = new BriefingReader(index.lexicon),
): AnswerPassage[] {
  const reading = reader.read(briefing);
  const wanted = new Map<string, number>();
  const own = reader.termsOf(keyVariable.text);
  const siblings = reading.keyVariableTerms.filter((_, k) => briefing.keyVariables[k]?.n !== keyVariable.n);
  for (const term of own) if (!siblings.some((s) => s.has(term)) && !term.startsWith('@')) wanted.set(term, KEY_VARIABLE_SHARE);
  for (const concept of concepts) {
    for (const alt of concept.alternatives) for (const term of alt.terms) wanted.set(term, Math.max(wanted.get(term) ?? 0, alt.weight));
  }
  const scored = reading.units
    .map((unit, i) => ({ unit, terms: reading.unitTerms[i] as ReadonlySet<string> }))
    .filter(({ unit }) => !/\bkey variables\b/i.test(unit.text))
    .map(({ unit, terms }, order) => {
      let score = 0;
      for (const term of terms) {
        const weight = wanted.get(term) ?? 0;
        // A term nobody wants adds exactly nothing: skip its idf look-up.
        if (weight !== 0) score += weight * index.briefings.idf(term);
      }
      return { unit, score, order };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s, i) => i === 0 || s.score >= SECOND_FLOOR * best)
    .slice(0, limit)
    .map((s) => s.unit);
}
