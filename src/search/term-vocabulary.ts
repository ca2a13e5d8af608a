/**
 * The words of the archive with how many documents use each, answering "which known words start
 * with `tar`?" and "which known words are one typo away from `tarifs`?" in well under a millisecond.
 *
 * Why not fuse.js here: measured on this machine, one fuse.js search over a 20,000-word vocabulary
 * takes about 12 ms, so a four-word query would spend 50 ms on spelling alone. A deletion index
 * (every word filed under itself and each of its one-letter deletions, as SymSpell does) finds the
 * same candidates with a handful of map look-ups, and a sorted array answers prefixes by binary search.
 */
import { editDistanceWithin } from './edit-distance.js';

/** Words shorter than this are never corrected: too many real words sit one edit apart. */
export const MIN_FUZZY_LENGTH = 4;

/**
 * With the typo index left for first use, this many typo look-ups scan the words instead: a
 * one-shot query with a typo or two is answered in a few milliseconds that way, where building
 * the index costs tens (a query with more typos then builds it, and the rest use it).
 */
const SCANS_BEFORE_INDEX = 3;

/** Options for a {@link TermVocabulary}. */
export interface TermVocabularyOptions {
  /**
   * Orders candidates, most useful first; by default the number of documents that added the
   * word. An owner that adds each word once can rank by its own document counts.
   */
  rank?: (word: string) => number;
  /**
   * `eager` (default): the typo (deletion) index is kept from the first word on, so no query
   * pays for building it. `on-first-use`: it is built only when typo look-ups need it (a
   * one-shot command restoring 10,000 words from a snapshot may never look up a typo).
   */
  typoIndex?: 'eager' | 'on-first-use';
}

/** Known words with use counts: prefix completion and one-edit typo candidates. */
export class TermVocabulary {
  readonly #counts = new Map<string, number>();
  readonly #rank: (word: string) => number;
  /** Each word filed under itself and its one-letter deletions; undefined until first use (`on-first-use`). */
  #deletions: Map<string, string[]> | undefined;
  #scans = 0;
  #sorted: string[] = [];
  /** Words added since `#sorted` was last brought up to date: merged on the next prefix query. */
  #pending: string[] = [];

  constructor(options: TermVocabularyOptions = {}) {
    this.#rank = options.rank ?? ((word) => this.count(word));
    if (options.typoIndex !== 'on-first-use') this.#deletions = new Map();
  }

  /** Number of distinct words currently known. */
  get size(): number {
    return this.#counts.size;
  }

  /** Records one more document using `word`. */
  add(word: string): void {
    const count = this.#counts.get(word);
    if (count !== undefined) {
      this.#counts.set(word, count + 1);
      return;
    }
    this.#counts.set(word, 1);
    this.#pending.push(word);
    if (this.#deletions) fileDeletions(this.#deletions, word);
  }

  /** Records one document fewer using `word`; forgets the word when none is left. */
  remove(word: string): void {
    const count = this.#counts.get(word);
    if (count === undefined) return;
    if (count > 1) {
      this.#counts.set(word, count - 1);
      return;
    }
    this.#counts.delete(word);
    if (this.#deletions) unfileDeletions(this.#deletions, word);
    // The sorted array keeps the word until its next merge; prefix() skips words with no count.
  }

  /** How many documents use `word` (0 when unknown). */
  count(word: string): number {
    return this.#counts.get(word) ?? 0;
  }

  /** Known words within one edit of `word` (not `word` itself), most used first. */
  fuzzy(word: string, limit = 5): string[] {
    if (word.length < MIN_FUZZY_LENGTH) return [];
    const found = new Set<string>();
    const deletions = this.#deletions ?? (++this.#scans > SCANS_BEFORE_INDEX ? this.#buildTypoIndex() : undefined);
    if (deletions) {
      for (const key of deletionKeys(word)) {
        for (const candidate of deletions.get(key) ?? []) {
          if (candidate !== word && !found.has(candidate) && editDistanceWithin(word, candidate, 1) <= 1) found.add(candidate);
        }
      }
    } else {
      // The same candidates as the index gives: every word one edit away shares a deletion key with `word`.
      for (const candidate of this.#counts.keys()) {
        if (candidate.length >= MIN_FUZZY_LENGTH && candidate !== word && editDistanceWithin(word, candidate, 1) <= 1) found.add(candidate);
      }
    }
    return this.#mostUsed([...found], limit);
  }

  /** Builds the typo index now if it was left for first use: an owner about to serve many queries. */
  prepareTypoIndex(): void {
    this.#deletions ??= this.#buildTypoIndex();
  }

  #buildTypoIndex(): Map<string, string[]> {
    const deletions = new Map<string, string[]>();
    for (const word of this.#counts.keys()) fileDeletions(deletions, word);
    this.#deletions = deletions;
    return deletions;
  }

  /** Known words starting with `prefix` (including `prefix` itself if known), most used first. */
  prefix(prefix: string, limit = 10): string[] {
    return this.#mostUsed(this.withPrefix(prefix), limit);
  }

  /** Every known word starting with `prefix`, in alphabetical order (no ranking: cheaper). */
  withPrefix(prefix: string): string[] {
    if (prefix.length === 0) return [];
    this.#mergePending();
    const sorted = this.#sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const matches: string[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const word = sorted[i] ?? '';
      if (!word.startsWith(prefix)) break;
      if (this.#counts.has(word)) matches.push(word);
    }
    return matches;
  }

  #mostUsed(words: string[], limit: number): string[] {
    const rank = new Map(words.map((w) => [w, this.#rank(w)]));
    words.sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0) || (a < b ? -1 : 1));
    return words.length > limit ? words.slice(0, limit) : words;
  }

  #mergePending(): void {
    if (this.#pending.length === 0) return;
    const pending = this.#pending.filter((w) => this.#counts.has(w)).sort();
    this.#pending = [];
    const live = this.#sorted.filter((w) => this.#counts.has(w));
    // A linear merge of two sorted lists: an import of one briefing never re-sorts the vocabulary.
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < live.length || j < pending.length) {
      const a = live[i];
      const b = pending[j];
      if (b === undefined || (a !== undefined && a <= b)) {
        if (a !== merged[merged.length - 1]) merged.push(a as string);
        i++;
      } else {
        if (b !== merged[merged.length - 1]) merged.push(b);
        j++;
      }
    }
    this.#sorted = merged;
  }
}

/** Files `word` under each of its deletion keys (words long enough to be corrected only). */
function fileDeletions(deletions: Map<string, string[]>, word: string): void {
  if (word.length < MIN_FUZZY_LENGTH) return;
  for (const key of deletionKeys(word)) {
    const list = deletions.get(key);
    if (list) list.push(word);
    else deletions.set(key, [word]);
  }
}

/** Takes `word` out from under each of its deletion keys, as {@link fileDeletions} filed it. */
function unfileDeletions(deletions: Map<string, string[]>, word: string): void {
  if (word.length < MIN_FUZZY_LENGTH) return;
  for (const key of deletionKeys(word)) {
    const list = deletions.get(key);
    if (!list) continue;
    const rest = list.filter((w) => w !== word);
    if (rest.length > 0) deletions.set(key, rest);
    else deletions.delete(key);
  }
}

/** The word itself and each of its one-letter deletions. */
function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) {
    const key = word.slice(0, i) + word.slice(i + 1);
    if (key !== keys[keys.length - 1]) keys.push(key);
  }
  return keys;
}
