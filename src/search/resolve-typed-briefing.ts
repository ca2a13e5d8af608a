/**
 * The briefing a typed `briefing:` option means when it is not a slug: the one clearly best match
 * by slug and title words among the name index's candidates (the same 25 that autocomplete would
 * offer), else none. Shared by the commands (commands/shared-options.ts), which answer with it,
 * and the interaction router, which remembers it as what the channel is talking about.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { DISCORD_MAX_CHOICES } from './name-index.js';
import type { SearchView } from './search-view.js';
import { resolveBriefingName } from './suggest-slugs.js';

export function resolveTypedBriefing(library: Pick<SearchView, 'get' | 'autocomplete'>, typed: string): Briefing | undefined {
  const exact = library.get(typed.trim().toLowerCase());
  if (exact) return exact;
  const candidates = library
    .autocomplete(typed, DISCORD_MAX_CHOICES)
    .map((choice) => library.get(choice.value))
    .filter((b): b is Briefing => b !== undefined)
    .map((b) => ({ slug: b.slug, title: b.title }));
  const resolution = resolveBriefingName(typed, candidates);
  return resolution.kind === 'found' ? library.get(resolution.slug) : undefined;
}
