/**
 * Briefing-name suggestions for Discord autocomplete, which fires on every keystroke and must
 * answer in a few milliseconds: a word index over titles and slugs only, with prefix completion of
 * every word typed so far, typo tolerance on finished words, and newest first on an empty query.
 */
import { shortTitle } from './briefing-fields.js';
import { words } from './normalize-text.js';
import { MIN_FUZZY_LENGTH, TermVocabulary } from './term-vocabulary.js';
import { topK } from './top-k.js';

/** A Discord autocomplete choice: `name` is shown (≤ 100 chars), `value` is sent back (the slug). */
export interface Choice {
  name: string;
  value: string;
}

/** Discord's limit on the number of autocomplete choices. */
export const DISCORD_MAX_CHOICES = 25;
/** Discord's limit on the length of a choice's name (and value). */
export const DISCORD_MAX_CHOICE_LENGTH = 100;

interface NameEntry {
  slug: string;
  name: string;
  time: number;
  words: string[];
  /** The shown title as hyphenated words, to compare with what was typed. */
  key: string;
}

const QUALITY = { exact: 1, prefix: 0.8, fuzzy: 0.6 } as const;

/** Titles and slugs, for autocomplete: a word index, a typo vocabulary and a by-date list. */
export class NameIndex {
  readonly #entries = new Map<string, NameEntry>();
  readonly #docsByWord = new Map<string, Set<string>>();
  readonly #vocabulary = new TermVocabulary();
  /**
   * Slugs, oldest first once sorted. An import of a newer briefing appends; anything else marks
   * the list unsorted and the next query that needs the order sorts it once (an archive loaded
   * newest first would otherwise cost a splice per briefing).
   */
  #byDate: string[] = [];
  #sorted = true;

  /** Adds or replaces a briefing's name. */
  upsert(slug: string, title: string, publishedAt: string): void {
    this.remove(slug);
    const time = Date.parse(publishedAt) || 0;
    const name = choiceName(title, publishedAt);
    const entry: NameEntry = { slug, name, time, words: [...new Set([...words(title), ...words(slug)])], key: words(shortTitle(title)).join('-') };
    this.#entries.set(slug, entry);
    for (const w of entry.words) {
      let docs = this.#docsByWord.get(w);
      if (!docs) this.#docsByWord.set(w, (docs = new Set()));
      docs.add(slug);
      this.#vocabulary.add(w);
    }
    const last = this.#entries.get(this.#byDate[this.#byDate.length - 1] ?? '');
    if (last && !this.#isOlder(last.slug, entry)) this.#sorted = false;
    this.#byDate.push(slug);
  }

  /** Forgets a briefing's name. */
  remove(slug: string): void {
    const entry = this.#entries.get(slug);
    if (!entry) return;
    this.#entries.delete(slug);
    for (const w of entry.words) {
      const docs = this.#docsByWord.get(w);
      docs?.delete(slug);
      if (docs?.size === 0) this.#docsByWord.delete(w);
      this.#vocabulary.remove(w);
    }
    const at = this.#byDate.lastIndexOf(slug);
    if (at >= 0) this.#byDate.splice(at, 1);
  }

  /** Up to `limit` (≤ 25) choices for a partly typed name, best first; newest first when empty. */
  suggest(partial: string, limit = DISCORD_MAX_CHOICES): Choice[] {
    const max = Math.max(0, Math.min(limit, DISCORD_MAX_CHOICES));
    // A name is a handful of words; more than that is a pasted paragraph, not a name.
    const typed = words(partial.slice(0, 200)).slice(0, MAX_TYPED_WORDS);
    if (max === 0) return [];
    if (typed.length === 0) return this.#newest(max, () => true).map((e) => this.#choice(e.slug));

    // The last word may be unfinished: it is matched as a prefix, the others as whole words.
    const stillTyping = !/\s$/.test(partial);
    const units: Unit[] = typed.map((word, i) => {
      const isPrefix = stillTyping && i === typed.length - 1;
      const expansions = isPrefix ? this.#vocabulary.withPrefix(word) : [word];
      let size = expansions.reduce((sum, w) => sum + (this.#docsByWord.get(w)?.size ?? 0), 0);
      let fuzzy: string[] = [];
      if (size === 0 && word.length >= MIN_FUZZY_LENGTH) {
        fuzzy = this.#vocabulary.fuzzy(word, 5);
        size = fuzzy.reduce((sum, w) => sum + (this.#docsByWord.get(w)?.size ?? 0), 0);
      }
      return { word, isPrefix, expansions, fuzzy, size };
    });

    // Drive from the rarest word that matches anything and test the others on its names only:
    // autocomplete stays fast however common the other words are, and a word matching nothing
    // (a typo beyond repair) only lowers the rank. One or two letters alone match thousands of
    // names: then take the newest that fit.
    const matching = units.filter((u) => u.size > 0);
    if (matching.length === 0) return [];
    const driver = matching.reduce((a, b) => (b.size < a.size ? b : a));
    const found = new Map<NameEntry, { score: number; hits: number }>();
    const candidates =
      driver.size > DENSE_MATCHES
        ? this.#newest(max * 8, (e) => unitQuality(e, driver) > 0)
        : [...driver.expansions, ...driver.fuzzy].flatMap((w) => [...this.#entriesWith(w)]);
    for (const entry of candidates) {
      if (found.has(entry)) continue;
      let score = 0;
      let hits = 0;
      for (const unit of units) {
        const quality = unitQuality(entry, unit);
        if (quality > 0) {
          score += quality;
          hits++;
        }
      }
      found.set(entry, { score, hits });
    }

    const joined = typed.join('-');
    const ranked = [...found].map(([entry, s]) => ({
      entry,
      // Hits first (names matching every typed word), then quality, where typing the start
      // of a slug or a title is the strongest signal of all.
      rank: s.hits * 100 + s.score + (entry.slug.startsWith(joined) ? 2 : entry.key.startsWith(joined) ? 1 : 0),
    }));
    return topK(ranked.length, max, (i) => ranked[i]?.rank ?? 0, (i) => -(ranked[i]?.entry.time ?? 0)).map((i) => this.#choice(ranked[i]?.entry.slug ?? ''));
  }

  *#entriesWith(word: string): Iterable<NameEntry> {
    for (const slug of this.#docsByWord.get(word) ?? []) {
      const entry = this.#entries.get(slug);
      if (entry) yield entry;
    }
  }

  /** Up to `count` entries passing `keep`, newest first. */
  #newest(count: number, keep: (entry: NameEntry) => boolean): NameEntry[] {
    if (!this.#sorted) {
      const time = (slug: string): number => this.#entries.get(slug)?.time ?? 0;
      this.#byDate.sort((a, b) => time(a) - time(b) || (a < b ? 1 : a > b ? -1 : 0));
      this.#sorted = true;
    }
    const out: NameEntry[] = [];
    for (let i = this.#byDate.length - 1; i >= 0 && out.length < count; i--) {
      const entry = this.#entries.get(this.#byDate[i] ?? '');
      if (entry && keep(entry)) out.push(entry);
    }
    return out;
  }

  /** Whether `slug` sorts before `than` in oldest-first order (ties: the later slug first, so newest-first reads a-z). */
  #isOlder(slug: string, than: NameEntry): boolean {
    const entry = this.#entries.get(slug);
    return entry !== undefined && (entry.time < than.time || (entry.time === than.time && entry.slug > than.slug));
  }

  #choice(slug: string): Choice {
    const entry = this.#entries.get(slug);
    return { name: entry?.name ?? slug, value: slug };
  }
}

/** One typed word: how it may match, and how many names it matches (to pick the rarest). */
interface Unit {
  word: string;
  isPrefix: boolean;
  /** The word itself, or every known word it begins. */
  expansions: string[];
  /** Near-spellings, when nothing matched as typed. */
  fuzzy: string[];
  size: number;
}

/** Most typed words considered. */
const MAX_TYPED_WORDS = 10;

/** Above this many matches a word is too common to drive the search: walk the newest names instead. */
const DENSE_MATCHES = 2000;

/** How well a name matches a typed word: the whole word, a word's start, a near-spelling, or not. */
function unitQuality(entry: NameEntry, unit: Unit): number {
  let quality = 0;
  for (const w of entry.words) {
    if (w === unit.word) return QUALITY.exact;
    if (unit.isPrefix && quality < QUALITY.prefix && w.startsWith(unit.word)) quality = QUALITY.prefix;
    else if (quality === 0 && unit.fuzzy.includes(w)) quality = QUALITY.fuzzy;
  }
  return quality;
}

/** `JAPAN TAKES STAND ON USTARIFFS · 2026-11-24`, cut to Discord's 100 characters at a word. */
export function choiceName(title: string, publishedAt: string): string {
  const date = publishedAt.slice(0, 10);
  const suffix = date ? ` · ${date}` : '';
  const room = DISCORD_MAX_CHOICE_LENGTH - suffix.length;
  let name = shortTitle(title).replace(/\s+/g, ' ');
  if (name.length > room) {
    const cut = name.lastIndexOf(' ', room - 1);
    name = `${name.slice(0, cut > room / 2 ? cut : room - 1)}…`;
  }
  return `${name}${suffix}`;
}
