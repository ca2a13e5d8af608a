/**
 * Briefing-name suggestions for Discord autocomplete, which fires on every keystroke and must
 * answer in a few milliseconds: a word index over titles and slugs only, with prefix completion of
 * every word typed so far, typo tolerance on finished words, and newest first on an empty query.
 */
import { shortTitle } from './briefing-fields.js';
import { words } from './normalize-text.js';
import { TermVocabulary } from './term-vocabulary.js';

/** A Discord autocomplete choice: `name` is shown (≤ 100 chars), `value` is sent back (the slug). */
export interface Choice {
  name: string;
  value: string;
}

/** Discord's limits on autocomplete choices. */
export const DISCORD_MAX_CHOICES = 25;
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

export class NameIndex {
  readonly #entries = new Map<string, NameEntry>();
  readonly #docsByWord = new Map<string, Set<string>>();
  readonly #vocabulary = new TermVocabulary();
  /** Slugs, newest first. */
  #newest: string[] = [];

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
    // Binary insertion keeps the newest-first list sorted without re-sorting it.
    let lo = 0;
    let hi = this.#newest.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#isNewer(this.#newest[mid] ?? '', entry)) lo = mid + 1;
      else hi = mid;
    }
    this.#newest.splice(lo, 0, slug);
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
    const at = this.#newest.indexOf(slug);
    if (at >= 0) this.#newest.splice(at, 1);
  }

  /** Up to `limit` (≤ 25) choices for a partly typed name, best first; newest first when empty. */
  suggest(partial: string, limit = DISCORD_MAX_CHOICES): Choice[] {
    const max = Math.max(0, Math.min(limit, DISCORD_MAX_CHOICES));
    const typed = words(partial);
    if (typed.length === 0) return this.#newest.slice(0, max).map((slug) => this.#choice(slug));

    const stillTyping = !/\s$/.test(partial);
    const perWord = typed.map((w, i) => this.#matches(w, stillTyping && i === typed.length - 1));
    const scores = new Map<string, { score: number; hits: number }>();
    for (const matches of perWord) {
      for (const [slug, quality] of matches) {
        const s = scores.get(slug) ?? { score: 0, hits: 0 };
        s.score += quality;
        s.hits += 1;
        scores.set(slug, s);
      }
    }
    const joined = typed.join('-');
    const ranked = [...scores].map(([slug, s]) => {
      const entry = this.#entries.get(slug) as NameEntry;
      // Typing the start of a slug or title is the strongest signal of all.
      const bonus = slug.startsWith(joined) ? 2 : entry.key.startsWith(joined) ? 1 : 0;
      return { entry, hits: s.hits, score: s.score + bonus };
    });
    ranked.sort((a, b) => b.hits - a.hits || b.score - a.score || b.entry.time - a.entry.time);
    return ranked.slice(0, max).map((r) => this.#choice(r.entry.slug));
  }

  /** Slugs whose name has `word` (or a completion or near-spelling of it), with match quality. */
  #matches(word: string, isPrefix: boolean): Map<string, number> {
    const found = new Map<string, number>();
    const note = (w: string, quality: number): void => {
      for (const slug of this.#docsByWord.get(w) ?? []) {
        if ((found.get(slug) ?? 0) < quality) found.set(slug, quality);
      }
    };
    note(word, QUALITY.exact);
    if (isPrefix) for (const w of this.#vocabulary.prefix(word, 40)) if (w !== word) note(w, QUALITY.prefix);
    if (found.size === 0 || !isPrefix) for (const w of this.#vocabulary.fuzzy(word, 5)) note(w, QUALITY.fuzzy);
    return found;
  }

  #isNewer(slug: string, than: NameEntry): boolean {
    const entry = this.#entries.get(slug);
    return entry !== undefined && (entry.time > than.time || (entry.time === than.time && entry.slug < than.slug));
  }

  #choice(slug: string): Choice {
    const entry = this.#entries.get(slug);
    return { name: entry?.name ?? slug, value: slug };
  }
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
