/**
 * Typed briefing names, resolved like a good fuzzy finder: the one resolver behind every
 * `briefing` option (/brief, /variable, /trend, /position, /ask) and the CLI's `show` and
 * `position`. An exact slug wins; otherwise each briefing is scored by how well the typed words
 * meet its slug's words and its title's words, and the best answers only when it is clearly the
 * best ({@link CLEAR_MATCH}); a real ambiguity lists the candidates instead.
 *
 * Also "did you mean": a small fuse.js over slugs and titles, for misses nothing scores on.
 */
import Fuse from 'fuse.js';
import { shortTitle } from './briefing-fields.js';
import { editDistanceWithin } from './edit-distance.js';
import { foldText, words } from './normalize-text.js';

/** What the resolver needs of a briefing. */
export interface NamedBriefing {
  slug: string;
  title: string;
}

/**
 * When the best-scoring briefing is "clearly" what was meant: its score (0..1) is at least
 * `minScore` and beats the runner-up by at least `margin`. Measured on the samples: a one-letter
 * typo of a slug scores ~0.93 against a runner-up below 0.6; two briefings sharing the typed
 * words (`japan`, `china tariffs`) score within 0.1 of each other.
 */
export const CLEAR_MATCH = { minScore: 0.7, margin: 0.15 } as const;

/** Below this a briefing is not offered as a candidate at all. */
const CANDIDATE_FLOOR = 0.4;

/** Title words that say nothing about which briefing is meant. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);

export type NameResolution =
  /** `slug` is the briefing: typed exactly (ignoring case), or clearly the best match. */
  | { kind: 'found'; slug: string; exact: boolean }
  /** Several briefings fit about equally well (best first), or none fits well enough. */
  | { kind: 'unresolved'; candidates: string[] };

/** A scored candidate, best first, for callers and tests that need the numbers. */
export interface ScoredName {
  slug: string;
  score: number;
}

/**
 * How well `typed` names a briefing, from 0 (nothing in common) to 1 (its slug or title).
 * The best of: the typed words against the slug's words, the same with every separator dropped
 * (`japantariffs`), and the typed words against the title's words (without the brand prefix and
 * stop words). Word against word forgives typos and accepts a prefix of three letters or more.
 */
export function nameMatchScore(typed: string, briefing: NamedBriefing): number {
  return new NameScorer(typed).score(briefing);
}

/**
 * Every briefing scoring above the candidate floor, best first (ties by slug, for stable output).
 * Word similarities are computed once per distinct word, so a large archive costs a pass over
 * its names, not an edit distance per word of every briefing.
 */
export function rankNames(typed: string, briefings: readonly NamedBriefing[]): ScoredName[] {
  const scorer = new NameScorer(typed);
  const scored: ScoredName[] = [];
  for (const briefing of briefings) {
    const score = scorer.score(briefing);
    if (score >= CANDIDATE_FLOOR) scored.push({ slug: briefing.slug, score });
  }
  return scored.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * The briefing a typed name means: the exact slug, else the clear best match, else the
 * candidates (up to `limit`, best first; empty when nothing resembles it).
 */
export function resolveBriefingName(typed: string, briefings: readonly NamedBriefing[], limit = 5): NameResolution {
  const wanted = typed.trim().toLowerCase();
  const exact = briefings.find((b) => b.slug === wanted);
  if (exact) return { kind: 'found', slug: exact.slug, exact: true };
  const ranked = rankNames(wanted, briefings);
  const [best, second] = ranked;
  if (best && best.score >= CLEAR_MATCH.minScore && best.score - (second?.score ?? 0) >= CLEAR_MATCH.margin) {
    return { kind: 'found', slug: best.slug, exact: false };
  }
  return { kind: 'unresolved', candidates: ranked.slice(0, limit).map((s) => s.slug) };
}

/** Scores briefings against one typed name, remembering each typed word's similarity to each word seen. */
class NameScorer {
  readonly #typed: string[];
  readonly #typedContent: string[];
  readonly #joined: string;
  /** word -> its similarity to each typed word, in order. */
  readonly #similarities = new Map<string, number[]>();

  constructor(typed: string) {
    this.#typed = words(typed);
    this.#typedContent = this.#typed.filter((w) => !STOP_WORDS.has(w));
    this.#joined = this.#typed.join('');
  }

  score(briefing: NamedBriefing): number {
    if (this.#typed.length === 0) return 0;
    // A slug is already lower-case words between hyphens; only odd hand-made ones need the tokenizer.
    const slugWords = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(briefing.slug) ? briefing.slug.split('-') : words(briefing.slug);
    // Run together (`japantariffs`) only a single typed word can mean several of the slug's.
    const joined = this.#typed.length === 1 && slugWords.length > 1 ? wordSimilarity(this.#joined, slugWords.join('')) : 0;
    const bySlug = Math.max(this.#wordsScore(this.#typed, slugWords), joined);
    if (bySlug === 1) return 1;
    // Tokenising every title is most of the cost over a large archive, so a title holding none of
    // the typed words' first three letters is not read word by word (a typo that early in a word
    // is then matched on the slug alone).
    const folded = foldText(briefing.title);
    if (!this.#typedContent.some((t) => folded.includes(t.slice(0, 3)))) return bySlug;
    const titleWords = words(shortTitle(briefing.title)).filter((w) => !STOP_WORDS.has(w));
    return Math.max(bySlug, this.#wordsScore(this.#typedContent, titleWords));
  }

  /** F1 of the typed words against `target`, each word credited with its best match in the other list. */
  #wordsScore(typed: readonly string[], target: readonly string[]): number {
    if (typed.length === 0 || target.length === 0) return 0;
    const rows = target.map((w) => this.#row(w));
    const index = typed.map((t) => this.#typed.indexOf(t));
    const precision = mean(index.map((i) => Math.max(...rows.map((row) => row[i] ?? 0))));
    const recall = mean(rows.map((row) => Math.max(...index.map((i) => row[i] ?? 0))));
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }

  #row(word: string): number[] {
    let row = this.#similarities.get(word);
    if (!row) this.#similarities.set(word, (row = this.#typed.map((t) => wordSimilarity(t, word))));
    return row;
  }
}

/**
 * 1 for the same word; a prefix of three letters or more scores by how much of the word it
 * covers (0.7 to 1); otherwise 1 − edits / length, and 0 once a third of the letters differ
 * (`china` is not a typo of `japan`).
 */
function wordSimilarity(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length === 0 || word.length === 0) return 0;
  if (typed.length >= 3 && word.startsWith(typed)) return 0.7 + 0.3 * (typed.length / word.length);
  const longest = Math.max(typed.length, word.length);
  const allowed = Math.floor(longest / 3);
  const distance = editDistanceWithin(typed, word, allowed);
  return distance > allowed ? 0 : 1 - distance / longest;
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Up to `limit` slugs closest to a mistyped `query`, best first. */
export function suggestSlugs(query: string, briefings: NamedBriefing[], limit = 3): string[] {
  const fuse = new Fuse(briefings, { keys: [{ name: 'slug', weight: 2 }, 'title'], threshold: 0.45, ignoreLocation: true });
  return fuse
    .search(query.replace(/[-_]+/g, ' '), { limit })
    .map((hit) => hit.item.slug);
}
