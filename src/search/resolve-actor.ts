/**
 * Finds which of a briefing's actors a reader means: `us`, `Washington` and `the White House`
 * all mean `U.S.`; `turkey` means `Türkiye`; `japn` still means `Japan`. Used by `lumen position`
 * and the bot's /position command.
 */
import Fuse from 'fuse.js';
import { defaultLexicon } from './default-lexicon.js';
import { entityTerm, type Lexicon } from './lexicon.js';
import { words } from './normalize-text.js';

/**
 * The actor of `actors` that `query` names, or `undefined` when none fits. Tries, in order:
 * the same name ignoring case, accents and dots; an alias of the same actor (data file and
 * gazetteer); a unique prefix (`jap`); a close spelling (fuse.js over the few actor names).
 */
export function resolveActor(query: string, actors: readonly string[], lexicon: Lexicon = defaultLexicon()): string | undefined {
  const key = words(query).join(' ');
  if (key.length === 0 || actors.length === 0) return undefined;
  const keyed = actors.map((actor) => ({ actor, key: words(actor).join(' ') }));

  const same = keyed.find((a) => a.key === key);
  if (same) return same.actor;

  const wanted = entityOf(key, lexicon);
  if (wanted) {
    const aliased = keyed.find((a) => entityOf(a.key, lexicon) === wanted);
    if (aliased) return aliased.actor;
  }

  const prefixed = keyed.filter((a) => a.key.startsWith(key));
  if (prefixed.length === 1) return prefixed[0]?.actor;

  if (key.length < 3) return undefined;
  const fuse = new Fuse(keyed, { keys: ['key'], threshold: 0.34, includeScore: true });
  return fuse.search(key)[0]?.item.actor;
}

/** The entity term a whole name stands for (`the kremlin` -> `@russia`), ignoring a leading `the`. */
function entityOf(key: string, lexicon: Lexicon): string | undefined {
  const ws = key.split(' ');
  for (const candidate of ws[0] === 'the' && ws.length > 1 ? [ws, ws.slice(1)] : [ws]) {
    const match = lexicon.entityPhrases.matchAt(candidate, 0);
    if (match && match.length === candidate.length) return match.value;
  }
  return lexicon.entityNames.has(entityTerm(key)) ? entityTerm(key) : undefined;
}
