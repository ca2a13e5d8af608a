/**
 * The subject and predicate of a key variable: what it asks about ("Will *the EU Council* agree to reconnect
 * Rosselkhozbank …", "Will *Washington* support the agricultural bank's reconnection …", "Will *a
 * ceasefire* change access to deposits …"). The key variables of one briefing share their actors,
 * but each asks what one of them will do, or what will become of one thing; a question naming that
 * actor or thing ("will the eu let the kremlin's farm lender back onto swift", "if there's a truce,
 * could they get at the lithium") is more likely about the key variable whose subject it is than
 * about a sibling that only mentions it further on.
 *
 * The subject is the first actor (entity term) among the first {@link SUBJECT_HEAD} index terms of
 * the sentence, or else its first index term. A question names it at the weight of its best
 * alternative that is that very term (an actor's alias or the word itself 1, a synonym 0.5).
 *
 * The predicate is what the key variable asks of its subject: the {@link PREDICATE_TERMS} index
 * terms after it, other than actors and the subject's own alias words ("agree", "reconnect",
 * "rosselkhozbank"; "support", "agricultur", "bank"). It counts by the best-named of its terms.
 */
import type { QueryConcept } from './analyzer.js';
import type { BriefingReading } from './briefing-reading.js';

/** What a key variable whose subject the question names gains, beside its own words and its briefing (1 each). */
export const SUBJECT_WEIGHT = 0.2;
/** How many index terms from the start of a key variable an actor may stand at and be its subject ("Will the U.S. Commerce Department": the first). */
const SUBJECT_HEAD = 3;

/** What a key variable whose predicate the question names gains (at the best-named term's weight). */
export const PREDICATE_WEIGHT = 0.3;
/** How many index terms after the subject make its predicate. */
const PREDICATE_TERMS = 3;

/** Each single term the question names (an actor `@eu`, a stem, a synonym's stem) -> the best weight it is named at. */
export function termsNamed(concepts: readonly QueryConcept[]): Map<string, number> {
  const named = new Map<string, number>();
  for (const concept of concepts) {
    for (const alternative of concept.alternatives) {
      const [term, ...more] = alternative.terms;
      if (term !== undefined && more.length === 0 && alternative.weight > (named.get(term) ?? 0)) named.set(term, alternative.weight);
    }
  }
  return named;
}

/** The subject of a key variable, from its index terms in order (`@eu`, `ceasefir`); undefined for an empty one. */
export function subjectOf(sequence: readonly string[]): string | undefined {
  return sequence.slice(0, SUBJECT_HEAD).find((term) => term.startsWith('@')) ?? sequence[0];
}

/** In [0, 1]: how well the question names the subject of key variable `k` (position in briefing order) of `reading`. */
export function subjectNamed(reading: BriefingReading, k: number, named: ReadonlyMap<string, number>): number {
  const sequence = reading.keyVariableSequences[k];
  const subject = sequence && subjectOf(sequence);
  return subject === undefined ? 0 : (named.get(subject) ?? 0);
}

/**
 * The predicate of a key variable, from its index terms in order: the first terms after its
 * subject that are neither actors nor one-word aliases of the subject (`aliasStems`, entity term ->
 * the stems of its one-word aliases: `@eu` -> `eu`).
 */
export function predicateOf(sequence: readonly string[], aliasStems: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const subject = subjectOf(sequence);
  if (subject === undefined) return [];
  const aliases = aliasStems.get(subject);
  return sequence
    .slice(sequence.indexOf(subject) + 1)
    .filter((term) => !term.startsWith('@') && !aliases?.has(term))
    .slice(0, PREDICATE_TERMS);
}

/** In [0, 1]: the best weight at which the question names a term of the predicate of key variable `k` of `reading`. */
export function predicateNamed(reading: BriefingReading, k: number, named: ReadonlyMap<string, number>, aliasStems: ReadonlyMap<string, ReadonlySet<string>>): number {
  const sequence = reading.keyVariableSequences[k];
  let best = 0;
  for (const term of sequence ? predicateOf(sequence, aliasStems) : []) best = Math.max(best, named.get(term) ?? 0);
  return best;
}
