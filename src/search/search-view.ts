/**
 * The read-only face of search that commands, the CLI and delivery query: briefings by slug and
 * newest first, full-text search, autocomplete, ask, the material related to a key variable,
 * actor names and "did you mean". It can neither change the index nor see its arrays; the
 * search service (search-service.ts) keeps the index in step with the archive behind it.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { ArchiveSource } from './archive-source.js';
import type { AskOptions, AskResult } from './ask-question.js';
import type { BriefingIndex } from './briefing-index.js';
import { DISCORD_MAX_CHOICES, type Choice } from './name-index.js';
import { relatedMaterial, type RelatedMaterial } from './related-material.js';
import { resolveActor } from './resolve-actor.js';
import type { SearchOptions, SearchResult } from './search-briefings.js';
import { suggestSlugs } from './suggest-slugs.js';

export class SearchView {
  readonly #index: BriefingIndex;
  readonly #archive: ArchiveSource;
  /** Topic -> the slugs a search for it finds; the service clears it whenever the archive changes. */
  readonly #topics: Map<string, Set<string>>;

  /** Made by the search service, which owns `index` and clears `topics` on every change. */
  constructor(index: BriefingIndex, archive: ArchiveSource, topics: Map<string, Set<string>>) {
    this.#index = index;
    this.#archive = archive;
    this.#topics = topics;
  }

  /** Number of briefings. */
  get size(): number {
    return this.#archive.size;
  }

  get(slug: string): Briefing | undefined {
    return this.#archive.get(slug)?.briefing;
  }

  /** Newest first. */
  list(): Briefing[] {
    return this.#archive.list().map((stored) => stored.briefing);
  }

  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.#index.search(query, options);
  }

  autocomplete(partial: string, limit = DISCORD_MAX_CHOICES): Choice[] {
    return this.#index.autocomplete(partial, { limit });
  }

  ask(question: string, options?: AskOptions): AskResult[] {
    return this.#index.ask(question, options);
  }

  /** Whether a briefing is about `topic`: whether searching the archive for the topic finds it. */
  matchesTopic(briefing: Briefing, topic: string): boolean {
    let found = this.#topics.get(topic);
    if (!found) {
      found = new Set(this.search(topic, { limit: Math.max(1, this.size) }).map((r) => r.slug));
      this.#topics.set(topic, found);
    }
    return found.has(briefing.slug);
  }

  /** The trends and positions that bear on key variable `n` of a briefing. */
  related(briefing: Briefing, n: number): RelatedMaterial {
    const keyVariable = briefing.keyVariables.find((kv) => kv.n === n);
    return keyVariable ? relatedMaterial(this.#index, briefing, keyVariable, []) : { trends: [], positions: [] };
  }

  /** The table's actor a user meant (`us` -> `U.S.`), or undefined. */
  resolveActor(briefing: Briefing, query: string): string | undefined {
    return resolveActor(query, briefing.structure.actors, this.#index.lexicon);
  }

  /** The closest slugs to a mistyped one, for "did you mean". */
  suggest(slug: string, limit = 3): Briefing[] {
    const candidates = this.autocomplete(slug, limit).map((choice) => choice.value);
    const slugs = candidates.length > 0 ? candidates : suggestSlugs(slug, this.list().map(({ slug: s, title }) => ({ slug: s, title })), limit);
    return slugs.map((s) => this.get(s)).filter((b): b is Briefing => b !== undefined);
  }
}
