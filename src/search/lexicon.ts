/**
 * The word knowledge of search, loaded from data files in ./data: stop words, actors and their
 * aliases, synonym groups. Kept as data so that adding `Riyadh -> Saudi Arabia` needs no code.
 */
import { createHash } from 'node:crypto';
import { stemmer } from 'stemmer';
import entitiesData from './data/entities.json' with { type: 'json' };
import stopWordsData from './data/stop-words.json' with { type: 'json' };
import synonymsData from './data/synonyms.json' with { type: 'json' };
import { words } from './normalize-text.js';
import { PhraseMatcher } from './phrase-matcher.js';

/** An actor and the names readers give it. */
export interface EntityEntry {
  name: string;
  aliases: readonly string[];
}

/** Everything the analyzer knows about words. Build once; it is read-only afterwards. */
export interface Lexicon {
  /** Dropped from briefings and questions. */
  readonly stopWords: ReadonlySet<string>;
  /** Dropped from questions only: the filler of a question. */
  readonly questionStopWords: ReadonlySet<string>;
  /** Alias phrase (folded words) -> entity term such as `@us`. */
  readonly entityPhrases: PhraseMatcher<string>;
  /** Entity term -> the actor's display name (`@us` -> `U.S.`). */
  readonly entityNames: ReadonlyMap<string, string>;
  /** Entity term -> the stems of its one-word aliases, to find them again in a snippet. */
  readonly entityStems: ReadonlyMap<string, ReadonlySet<string>>;
  /** Synonym phrase (folded words) -> ids of the groups it belongs to. */
  readonly synonymPhrases: PhraseMatcher<number[]>;
  /** The same phrases by the stems of their words, for a reader's inflection of them (`stockpiled`, `exemptions`). */
  readonly synonymStemPhrases: PhraseMatcher<number[]>;
  /** Group id -> member phrases, each a list of stems. */
  readonly synonymGroups: readonly (readonly string[][])[];
  /** Every folded word that some alias or synonym uses: such words are never "typos". */
  readonly knownWords: ReadonlySet<string>;
  /** A hash of everything the lexicon was built from: a saved index is only valid for the same one. */
  readonly fingerprint: string;
}

const stemCache = new Map<string, string>();

/** Porter stem of a folded word, cached: the archive repeats a few thousand words millions of times. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length <= 3 || /\d/.test(word) ? word : stemmer(word);
    stemCache.set(word, s);
  }
  return s;
}

/** The term under which an actor is indexed: `U.S.` -> `@us`, `Saudi Arabia` -> `@saudiarabia`. */
export function entityTerm(name: string): string {
  return `@${words(name).join('')}`;
}

/** Options for {@link createLexicon}: extra actors, such as a gazetteer's countries. */
export interface LexiconOptions {
  extraEntities?: readonly EntityEntry[];
  /** Use the synonym groups (on by default; off to measure what they add). */
  synonyms?: boolean;
  /** More synonym groups (phrases), after those of the data file: for measuring other sources. */
  extraSynonymGroups?: readonly (readonly string[])[];
}

/** Builds the lexicon from the data files plus any extra entities. */
export function createLexicon(options: LexiconOptions = {}): Lexicon {
  const stopWords = new Set(stopWordsData.indexed);
  const questionStopWords = new Set([...stopWordsData.indexed, ...stopWordsData.questionOnly]);
  const knownWords = new Set<string>();

  const entityPhrases = new PhraseMatcher<string>();
  const entityNames = new Map<string, string>();
  const entityStems = new Map<string, Set<string>>();
  const addAlias = (term: string, alias: string): void => {
    const aliasWords = words(alias);
    if (aliasWords.length === 0) return;
    entityPhrases.add(aliasWords, term);
    for (const w of aliasWords) knownWords.add(w);
    if (aliasWords.length === 1) entityStems.get(term)?.add(stem(aliasWords[0] ?? ''));
  };
  for (const entity of [...entitiesData.entities, ...(options.extraEntities ?? [])]) {
    const term = entityTerm(entity.name);
    if (!entityNames.has(term)) {
      entityNames.set(term, entity.name);
      entityStems.set(term, new Set());
    }
    addAlias(term, entity.name);
    for (const alias of entity.aliases) addAlias(term, alias);
  }

  const synonymPhrases = new PhraseMatcher<number[]>();
  const synonymStemPhrases = new PhraseMatcher<number[]>();
  const synonymGroups: string[][][] = [];
  if (options.synonyms !== false) {
    for (const group of [...synonymsData.groups, ...(options.extraSynonymGroups ?? [])]) {
      const id = synonymGroups.length;
      const members = group.map((phrase) => words(phrase)).filter((w) => w.length > 0);
      synonymGroups.push(members.map((m) => m.filter((w) => !stopWords.has(w)).map(stem)));
      for (const member of members) {
        for (const w of member) knownWords.add(w);
        const existing = synonymPhrases.matchAt(member, 0);
        if (existing && existing.length === member.length) existing.value.push(id);
        else synonymPhrases.add(member, [id]);
        const stems = member.map(stem);
        const byStem = synonymStemPhrases.matchAt(stems, 0);
        if (byStem && byStem.length === stems.length) {
          if (!byStem.value.includes(id)) byStem.value.push(id);
        } else synonymStemPhrases.add(stems, [id]);
      }
    }
  }

  const fingerprint = createHash('sha256')
    .update(JSON.stringify([stopWordsData, entitiesData.entities, options.extraEntities ?? [], options.synonyms !== false ? synonymsData.groups : [], options.extraSynonymGroups ?? []]))
    .digest('hex');
  return { stopWords, questionStopWords, entityPhrases, entityNames, entityStems, synonymPhrases, synonymStemPhrases, synonymGroups, knownWords, fingerprint };
}

/** Words that the gazetteer must not treat as places: common English words and clashes. */
export const GAZETTEER_EXCLUSIONS: readonly string[] = entitiesData.gazetteerExclusions;

/** The actors listed in the data file, for callers that match against them. */
export const LISTED_ENTITIES: readonly EntityEntry[] = entitiesData.entities;
