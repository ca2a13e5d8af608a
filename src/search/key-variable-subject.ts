/**
 * The subject of a key variable: the actor it asks about ("Will *the EU Council* agree to
 * reconnect Rosselkhozbank …", "Will *Washington* support the agricultural bank's reconnection …").
 * The key variables of one briefing share their actors, but each asks what one of them will do;
 * a question naming that actor ("will the eu let the kremlin's farm lender back onto swift") is
 * more likely about the key variable whose subject it is than about a sibling that only mentions
 * the actor further on. The subject is the first actor (entity term) among the first
 * {@link SUBJECT_HEAD} index terms of the sentence; a key variable that opens with no actor has none.
 */
import type { QueryConcept } from './analyzer.js';
import type { BriefingReading } from './briefing-reading.js';

/** What a key variable whose subject the question names gains, beside its own words and its briefing (1 each). */
export const SUBJECT_WEIGHT = 0.2;
/** How many index terms from the start of a key variable its subject may stand at ("Will the U.S. Commerce Department": the first). */
const SUBJECT_HEAD = 3;

/** The actors (entity terms, `@eu`) a question names, by alias or typo-fixed alias. */
export function actorsNamed(concepts: readonly QueryConcept[]): Set<string> {
  const actors = new Set<string>();
  for (const concept of concepts) {
    for (const alternative of concept.alternatives) if (alternative.kind === 'entity') for (const term of alternative.terms) actors.add(term);
  }
  return actors;
}

/** The subject of a key variable, from its index terms in order (`@eu`), or undefined when it opens with no actor. */
export function subjectOf(sequence: readonly string[]): string | undefined {
  return sequence.slice(0, SUBJECT_HEAD).find((term) => term.startsWith('@'));
}

/** 1 when the subject of key variable `k` (position in briefing order) of `reading` is one of `actors`, else 0. */
export function subjectNamed(reading: BriefingReading, k: number, actors: ReadonlySet<string>): number {
  if (actors.size === 0) return 0;
  const sequence = reading.keyVariableSequences[k];
  const subject = sequence && subjectOf(sequence);
  return subject !== undefined && actors.has(subject) ? 1 : 0;
}
