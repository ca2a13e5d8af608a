/**
 * Turns text into index terms and a query into weighted concepts. The same folding, stop words,
 * stemming and actor aliases apply on both sides; synonyms, typo correction and prefix completion
 * are query-side only, each at a discount so the reader's own word still counts most.
 */
import { stem, type Lexicon } from './lexicon.js';
import { words } from './normalize-text.js';
import type { TermVocabulary } from './term-vocabulary.js';

type VocabularyReader = Pick<TermVocabulary, 'count' | 'fuzzy' | 'prefix'>;

/** How the query word reached a term; it decides the discount. */
export type MatchKind = 'exact' | 'entity' | 'synonym' | 'fuzzy' | 'prefix';

/** One way to match a concept: all `terms` (stems or entity terms), at `weight`. */
export interface Alternative {
  terms: string[];
  weight: number;
  kind: MatchKind;
}

/** One thing the reader asked about (a word or a phrase) and every way it may appear in a text. */
export interface QueryConcept {
  /** The reader's word(s), folded. */
  label: string;
  alternatives: Alternative[];
}

/** Discounts: a typo fix or a synonym should never outrank the reader's own word. */
export const WEIGHTS = { exact: 1, entity: 1, synonym: 0.5, fuzzy: 0.7, prefix: 0.5 } as const;

/** Options for {@link analyzeQuery}. */
export interface QueryOptions {
  /** Known words with their use counts: typo fixes and completions come from here. */
  vocabulary: VocabularyReader;
  /** Drop question filler (`is there any chance`) as well as ordinary stop words. */
  question?: boolean;
  /** Complete the last word as a prefix (the reader may still be typing it). */
  prefixLast?: boolean;
  /** Expand words with their synonym groups (default true). */
  synonyms?: boolean;
}

/**
 * Index terms of a text, in order and with repeats (term frequency counts them): the stems of its
 * words except stop words, plus an entity term (`@us`) wherever an actor alias occurs.
 * `surfaces` receives the folded words kept. The index itself uses TermDictionary.encode, the
 * same rules over interned ids; this string form serves small texts (related material).
 */
export function indexTerms(text: string, lexicon: Lexicon, terms: string[], surfaces?: Set<string>): void {
  const ws = words(text);
  const facts = wordFactsOf(lexicon);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    let fact = facts.get(w);
    if (fact === undefined) {
      fact = { stop: lexicon.stopWords.has(w), stem: stem(w), startsPhrase: lexicon.entityPhrases.startsWith(w) };
      facts.set(w, fact);
    }
    if (fact.startsPhrase) {
      const entity = lexicon.entityPhrases.matchAt(ws, i);
      if (entity) terms.push(entity.value);
    }
    if (fact.stop) continue;
    terms.push(fact.stem);
    surfaces?.add(w);
  }
}

/** What {@link indexTerms} needs to know of a word, looked up once (the same few thousand words recur in every briefing). */
interface WordFacts {
  stop: boolean;
  stem: string;
  /** Some actor alias starts with this word. */
  startsPhrase: boolean;
}

const wordFacts = new WeakMap<Lexicon, Map<string, WordFacts>>();

function wordFactsOf(lexicon: Lexicon): Map<string, WordFacts> {
  let facts = wordFacts.get(lexicon);
  if (!facts) wordFacts.set(lexicon, (facts = new Map()));
  return facts;
}

/**
 * Most concepts a query keeps, and most characters read. Discord lets a user paste 6,000
 * characters into an option; the first sentence or two carry what they ask, and a bound on the
 * query bounds its latency.
 */
export const MAX_CONCEPTS = 32;
const MAX_QUERY_CHARS = 1000;

/** Splits a query into concepts with their alternatives (entity, synonyms, typo fixes, completions). */
export function analyzeQuery(text: string, lexicon: Lexicon, options: QueryOptions): QueryConcept[] {
  const original = words(text.slice(0, MAX_QUERY_CHARS));
  const stop = options.question ? lexicon.questionStopWords : lexicon.stopWords;
  const { vocabulary } = options;
  const isKnown = (w: string): boolean => vocabulary.count(w) > 0 || lexicon.knownWords.has(w) || stop.has(w);

  // Correct unknown words first, so `erdgan` can still be recognised as an alias of Türkiye.
  const fixes = original.map((w, i) => {
    const last = i === original.length - 1;
    if (isKnown(w) || /\d/.test(w) || (last && options.prefixLast)) return [];
    return vocabulary.fuzzy(w, 4);
  });
  const seq = original.map((w, i) => fixes[i]?.[0] ?? w);
  const stems = seq.map(stem);

  const concepts: QueryConcept[] = [];
  for (let i = 0; i < seq.length && concepts.length < MAX_CONCEPTS; ) {
    const start = i;
    const entity = lexicon.entityPhrases.matchAt(seq, i);
    const synonym = options.synonyms === false ? undefined : synonymAt(lexicon, seq, stems, i);
    const span = Math.max(entity?.length ?? 0, synonym?.length ?? 0, 1);
    const phrase = seq.slice(i, i + span);
    const corrected = phrase.some((_, k) => (fixes[i + k]?.length ?? 0) > 0);
    const discount = corrected ? WEIGHTS.fuzzy : 1;
    const content = phrase.filter((w) => !stop.has(w) || entity);
    const last = i + span === seq.length;
    i += span;
    if (content.length === 0 && !entity) continue;

    const alternatives: Alternative[] = [];
    const own = content.filter((w) => !lexicon.stopWords.has(w)).map(stem);
    if (own.length > 0) alternatives.push({ terms: own, weight: discount * WEIGHTS.exact, kind: corrected ? 'fuzzy' : 'exact' });
    if (entity) alternatives.push({ terms: [entity.value], weight: discount * WEIGHTS.entity, kind: 'entity' });
    if (synonym && synonym.length === span) {
      for (const groupId of synonym.value) {
        for (const member of lexicon.synonymGroups[groupId] ?? []) {
          if (member.length > 0) alternatives.push({ terms: member, weight: discount * WEIGHTS.synonym, kind: 'synonym' });
        }
      }
    }
    if (span === 1) {
      const w = phrase[0] as string;
      for (const fix of (fixes[start] ?? []).slice(1)) alternatives.push({ terms: [stem(fix)], weight: WEIGHTS.fuzzy, kind: 'fuzzy' });
      if (last && options.prefixLast) {
        for (const completion of vocabulary.prefix(w, 8)) {
          if (completion !== w) alternatives.push({ terms: [stem(completion)], weight: WEIGHTS.prefix, kind: 'prefix' });
        }
        // A last word that is neither known nor a prefix may be a typo after all.
        if (!isKnown(w) && alternatives.length <= 1) {
          for (const fix of vocabulary.fuzzy(w, 4)) alternatives.push({ terms: [stem(fix)], weight: WEIGHTS.fuzzy, kind: 'fuzzy' });
        }
      }
    }
    const label = phrase.join(' ');
    if (!concepts.some((c) => c.label === label)) concepts.push({ label, alternatives: dedupe(alternatives) });
  }
  return concepts;
}

/**
 * The synonym phrase at `i`: by its words as written, or else by their stems where every word of
 * it is an inflection (`stockpiled` for `stockpile`). An uninflected word is never matched by
 * stem: `back` must not reach `backing` (support).
 */
function synonymAt(lexicon: Lexicon, seq: readonly string[], stems: readonly string[], i: number): { value: number[]; length: number } | undefined {
  const surface = lexicon.synonymPhrases.matchAt(seq, i);
  const byStem = lexicon.synonymStemPhrases.matchAt(stems, i);
  if (!byStem || (surface && surface.length >= byStem.length)) return surface;
  for (let k = i; k < i + byStem.length; k++) if (seq[k] === stems[k]) return surface;
  return byStem;
}

/** Keeps the best weight for each distinct term list. */
function dedupe(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const key = alt.terms.join(' ');
    const seen = best.get(key);
    if (!seen || seen.weight < alt.weight) best.set(key, alt);
  }
  return [...best.values()];
}
