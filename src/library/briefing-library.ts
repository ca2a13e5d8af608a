/**
 * The archive and its search index kept in step: what the commands and the CLI read briefings
 * through. The index is built once when the library opens and updated on every save, never
 * rebuilt per query.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { AskOptions, AskResult } from '../search/ask-question.js';
import { BriefingIndex } from '../search/briefing-index.js';
import { relatedMaterial, type RelatedMaterial } from '../search/related-material.js';
import { resolveActor } from '../search/resolve-actor.js';
import type { SearchOptions, SearchResult } from '../search/search-briefings.js';
import { suggestSlugs } from '../search/suggest-slugs.js';
import type { BriefingArchive } from '../store/briefing-archive.js';

export interface Choice {
  name: string;
  value: string;
}

export class BriefingLibrary {
  readonly archive: BriefingArchive;
  readonly index: BriefingIndex;
  readonly #unsubscribe: () => void;
  /** Topic -> the slugs a search for it finds; cleared whenever the archive changes. */
  readonly #topics = new Map<string, Set<string>>();

  /**
   * `lazy` leaves the autocomplete and ask indexes until first used: right for a one-shot CLI
   * command, wrong for the bot, where no keystroke should pay for a build. `index`, when given,
   * is the archive's index already built (or loaded from a snapshot: search-index-cache.ts).
   */
  constructor(archive: BriefingArchive, options: { lazy?: boolean } | { index: BriefingIndex } = {}) {
    this.archive = archive;
    this.index =
      'index' in options ? options.index : BriefingIndex.from(archive.list().map((stored) => stored.briefing), { lazy: options.lazy ?? false });
    this.#unsubscribe = archive.onChange((changed) => {
      for (const stored of changed) this.index.upsert(stored.briefing);
      this.#topics.clear();
    });
  }

  /** Whether a briefing is about `topic`: whether searching the archive for the topic finds it. */
  matchesTopic(briefing: Briefing, topic: string): boolean {
    let found = this.#topics.get(topic);
    if (!found) {
      found = new Set(this.search(topic, { limit: Math.max(1, this.archive.size) }).map((r) => r.slug));
      this.#topics.set(topic, found);
    }
    return found.has(briefing.slug);
  }

  get(slug: string): Briefing | undefined {
    return this.archive.get(slug)?.briefing;
  }

  /** Newest first. */
  list(): Briefing[] {
    return this.archive.list().map((stored) => stored.briefing);
  }

  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.index.search(query, options);
  }

  autocomplete(partial: string, limit = 25): Choice[] {
    return this.index.autocomplete(partial, { limit });
  }

  ask(question: string, options?: AskOptions): AskResult[] {
    return this.index.ask(question, options);
  }

  /** The trends and positions that bear on key variable `n` of a briefing. */
  related(briefing: Briefing, n: number): RelatedMaterial {
    const keyVariable = briefing.keyVariables.find((kv) => kv.n === n);
    return keyVariable ? relatedMaterial(this.index, briefing, keyVariable, []) : { trends: [], positions: [] };
  }

  /** The table's actor a user meant (`us` -> `U.S.`), or undefined. */
  resolveActor(briefing: Briefing, query: string): string | undefined {
    return resolveActor(query, briefing.structure.actors, this.index.lexicon);
  }

  /** The closest slugs to a mistyped one, for "did you mean". */
  suggest(slug: string, limit = 3): Briefing[] {
    const candidates = this.autocomplete(slug, limit).map((choice) => choice.value);
    const slugs = candidates.length > 0 ? candidates : suggestSlugs(slug, this.list().map(({ slug: s, title }) => ({ slug: s, title })), limit);
    return slugs.map((s) => this.get(s)).filter((b): b is Briefing => b !== undefined);
  }

  close(): void {
    this.#unsubscribe();
  }
}
