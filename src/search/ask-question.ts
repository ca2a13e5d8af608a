/**
 * Ask: maps a follow-up question to the key variables it is about. A key variable is a single
 * sentence, too short to carry its subject alone ("Will Japan coordinate protests with the EU?"
 * never says "tariffs"), so each one is scored twice and the two are blended:
 *  - its own words against the question (BM25 over key variables), and
 *  - its briefing's words against the question (BM25F over title, summary, actors, ...),
 * each normalised by the best score of the question, so neither scale drowns the other.
 * The best few are then reordered by a third score, at a lower weight: the question against the
 * sentences of their briefing that explain them (key-variable-neighbourhood.ts), which tells the
 * key variables of one briefing apart when the reader uses the words the briefing explains them with,
 * and by whether the question names the actor or thing the key variable asks about, its subject,
 * and what it asks of it, its predicate (key-variable-subject.ts).
 */
import type { NumberedItem } from '../domain/briefing.schema.js';
import { analyzeQuery } from './analyzer.js';
import { answerPassages, type AnswerPassage } from './answer-passages.js';
import { BRIEFING_FIELDS, type BriefingField } from './briefing-fields.js';
import type { BriefingIndex } from './briefing-index.js';
import type { FieldScoring } from './field-index.js';
import { NEIGHBOURHOOD_WEIGHT, NeighbourhoodScorer } from './key-variable-neighbourhood.js';
import { BriefingReader } from './briefing-reading.js';
import { PREDICATE_WEIGHT, predicateNamed, SUBJECT_WEIGHT, subjectNamed, termsNamed } from './key-variable-subject.js';
import { relatedMaterial, type RelatedMaterial } from './related-material.js';
import { scratchOf } from './ask-scratch.js';
import { maxOf, topKOf } from './top-k.js';

/** Options for a question. */
export interface AskOptions {
  /** Only this briefing's key variables. */
  briefing?: string;
  /** Most results to return (default 5). */
  limit?: number;
  /**
   * Briefings the question is probably about (shown in the channel just before, the thread's
   * briefing): a prior, not a filter. Their key variables are all candidates and score
   * {@link PRIOR_WEIGHT} more, which decides between close answers but gives way when the
   * question's words plainly belong to another briefing.
   */
  prior?: readonly string[];
  /** What the prior adds (default {@link PRIOR_WEIGHT}); a briefing's own thread is a stronger prior than a channel it was shown in. */
  priorWeight?: number;
  /** Which results get their related trends and positions: `all` (default; the CLI prints them) or the `best` only (an answer shows the others as one line). */
  relatedFor?: 'all' | 'best';
}

/** A key variable a question is about, as the CLI prints it with `--json`. */
export interface AskResult {
  slug: string;
  keyVariable: NumberedItem;
  score: number;
  related: RelatedMaterial;
  /** The sentences of the briefing that bear most on the question (first result only; empty for the others). */
  passages: AnswerPassage[];
}

/** Weight of the briefing's context beside the key variable's own words. */
export const CONTEXT_WEIGHT = 1;
/** How many best-matching briefings lend all their key variables as candidates. */
const CONTEXT_BRIEFINGS = 20;
/** What being in the reader's context adds to a key variable (its own words and its briefing weigh 1 each). */
export const PRIOR_WEIGHT = 0.6;
/**
 * The prior where the reader plainly chose the briefing: its own thread, a briefing they opened
 * themselves, the message they asked about. Measured on the dev questions (the
 * `context` and `switch` cases of tests/eval/evaluate.ts with `priorWeight`): 1.0 against 0.6 gains
 * 0.6 points in context (96.3%) and loses 3.7 where another briefing was shown (87.8%); a
 * question plainly about another briefing ("Moscow … SWIFT" after Japan) still gives way.
 */
export const STRONG_PRIOR_WEIGHT = 1;
/** How many key variables, best first by the blend, the neighbourhood may reorder. */
const RERANKED = 10;

const CONTEXT_FIELD_WEIGHTS: Record<BriefingField, number> = {
  title: 3,
  slug: 2,
  tags: 2,
  actors: 2,
  summary: 1.5,
  incident: 1,
  motivations: 0.8,
  dimensions: 0.8,
  keyVariables: 0,
  trends: 0.8,
  structuralSummary: 0.8,
};

/** How a briefing's own text scores as the context of its key variables. */
export const ASK_CONTEXT_SCORING: FieldScoring = {
  weights: BRIEFING_FIELDS.map((f) => CONTEXT_FIELD_WEIGHTS[f]),
  b: BRIEFING_FIELDS.map(() => 0.5),
  k1: 1.2,
};

/** How a key variable's own sentence scores. */
export const KEY_VARIABLE_SCORING: FieldScoring = { weights: [1], b: [0.5], k1: 1.2 };

/** Answers a question over the index; see {@link BriefingIndex.ask}. */
export function askQuestion(index: BriefingIndex, question: string, options: AskOptions = {}): AskResult[] {
  const limit = Math.max(0, options.limit ?? 5);
  const concepts = analyzeQuery(question, index.lexicon, { vocabulary: index.vocabulary, question: true });
  if (concepts.length === 0 || limit === 0) return [];

  let onlyBriefing: Set<number> | undefined;
  let onlyKeyVariables: Set<number> | undefined;
  if (options.briefing !== undefined) {
    const doc = index.docOf(options.briefing);
    if (doc === undefined) return [];
    onlyBriefing = new Set([doc]);
    onlyKeyVariables = new Set(index.keyVariableDocsOf(options.briefing));
  }

  const own = index.keyVariables.score(concepts, KEY_VARIABLE_SCORING, onlyKeyVariables);
  const context = index.briefings.score(concepts, ASK_CONTEXT_SCORING, onlyBriefing);
  const maxOwn = maxOf(own.scores) || 1;
  const maxContext = maxOf(context.scores) || 1;

  // Typed arrays by document id, not maps: a common word matches thousands of documents. They
  // are kept between questions (zeroed again after each), so a question allocates none of them.
  const scratch = scratchOf(index);
  const contextByDoc = scratch.contextByDoc;
  const slotOf = scratch.slotOf;
  const candidates = scratch.candidates(own.docs.length + CONTEXT_BRIEFINGS * 16);
  for (let i = 0; i < context.docs.length; i++) contextByDoc[context.docs[i] as number] = (context.scores[i] as number) / maxContext;
  let count = 0;
  const add = (kvDoc: number, score: number): void => {
    if (count === candidates.docs.length) candidates.grow();
    candidates.docs[count] = kvDoc;
    candidates.scores[count] = score;
    slotOf[kvDoc] = ++count;
  };
  for (let i = 0; i < own.docs.length; i++) {
    const kvDoc = own.docs[i] as number;
    const briefingDoc = index.briefingDocOfKeyVariable(kvDoc);
    add(kvDoc, (own.scores[i] as number) / maxOwn + (briefingDoc >= 0 ? CONTEXT_WEIGHT * (contextByDoc[briefingDoc] as number) : 0));
  }
  // Every key variable of the best-matching briefings is a candidate too, even if its own words
  // missed: "Will Japan coordinate protests with the EU?" never says "tariffs".
  for (const i of topKOf(context.scores, context.docs, context.docs.length, CONTEXT_BRIEFINGS)) {
    const doc = context.docs[i] as number;
    for (const kvDoc of index.keyVariableDocsOfDoc(doc)) {
      if (slotOf[kvDoc] === 0) add(kvDoc, CONTEXT_WEIGHT * (contextByDoc[doc] as number));
    }
  }

  // The briefings in the reader's context: every key variable a candidate, each with the prior's weight.
  const priorDocs = new Set<number>();
  for (const slug of options.briefing === undefined ? (options.prior ?? []) : []) {
    const doc = index.docOf(slug);
    if (doc !== undefined) priorDocs.add(doc);
  }
  const priorWeight = options.priorWeight ?? PRIOR_WEIGHT;
  for (const doc of priorDocs) {
    for (const kvDoc of index.keyVariableDocsOfDoc(doc)) {
      const slot = slotOf[kvDoc] as number;
      if (slot === 0) add(kvDoc, CONTEXT_WEIGHT * (contextByDoc[doc] as number) + priorWeight);
      else candidates.scores[slot - 1] = (candidates.scores[slot - 1] as number) + priorWeight;
    }
  }
  const best = topKOf(candidates.scores, candidates.docs, count, Math.max(limit, RERANKED)).map((i) => ({ kvDoc: candidates.docs[i] as number, blended: candidates.scores[i] as number }));
  for (let i = 0; i < count; i++) slotOf[candidates.docs[i] as number] = 0;
  for (const doc of context.docs) contextByDoc[doc] = 0;

  // The neighbourhood, subject and predicate reorder the best RERANKED (or `limit`, if
  // more are asked for) only: they cost a pass over their briefings' text, and they add at most
  // `reach`, which seldom lifts a key variable from further down.
  const reader = new BriefingReader(index.lexicon);
  const neighbourhoods = new NeighbourhoodScorer(index, concepts, reader);
  const named = termsNamed(concepts);
  const reach = NEIGHBOURHOOD_WEIGHT + SUBJECT_WEIGHT + PREDICATE_WEIGHT;
  const rescored: { slug: string; n: number; kvDoc: number; score: number }[] = [];
  /** The best `limit` scores so far, best first. */
  const leading: number[] = [];
  for (const { kvDoc, blended } of best) {
    // These three scores are at most 1 each and `best` is in blended order: once even all of
    // their weight cannot reach the limit-th score so far, nothing further down can, so their
    // briefings need not be read.
    if (leading.length === limit && blended + reach < (leading[limit - 1] as number)) break;
    const ref = index.keyVariableOfDoc(kvDoc);
    const briefing = ref && index.get(ref.slug);
    if (!ref || !briefing) continue;
    const reading = reader.read(briefing);
    const k = briefing.keyVariables.findIndex((kv) => kv.n === ref.n);
    const score =
      blended +
      NEIGHBOURHOOD_WEIGHT * neighbourhoods.score(briefing, ref.n) +
      SUBJECT_WEIGHT * subjectNamed(reading, k, named) +
      PREDICATE_WEIGHT * predicateNamed(reading, k, named, index.lexicon.entityStems);
    rescored.push({ ...ref, kvDoc, score });
    let at = leading.length;
    while (at > 0 && (leading[at - 1] as number) < score) at--;
    leading.splice(at, 0, score);
    if (leading.length > limit) leading.pop();
  }
  const ranked = rescored.sort((a, b) => b.score - a.score || a.kvDoc - b.kvDoc).slice(0, limit);

  return ranked.flatMap((r, rank) => {
    const briefing = index.get(r.slug);
    const keyVariable = briefing?.keyVariables.find((kv) => kv.n === r.n);
    if (!briefing || !keyVariable) return [];
    return [
      {
        slug: r.slug,
        keyVariable: { n: keyVariable.n, text: keyVariable.text },
        score: Math.round(r.score * 1000) / 1000,
        related: rank === 0 || options.relatedFor !== 'best' ? relatedMaterial(index, briefing, keyVariable, concepts, reader) : { trends: [], positions: [] },
        passages: rank === 0 ? answerPassages(index, briefing, keyVariable, concepts, 2, reader) : [],
      },
    ];
  });
}
