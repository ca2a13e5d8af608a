/**
 * Countries, their other names and their capitals from the `countries-list` package, so that a
 * question naming "Riyadh" or "Ankara" reaches the briefing about Saudi Arabia or Türkiye without
 * each capital being typed into our own data file. Ships inside the package: no network.
 */
import { countries } from 'countries-list';
import { GAZETTEER_EXCLUSIONS, LISTED_ENTITIES, type EntityEntry } from './lexicon.js';
import { foldText, words } from './normalize-text.js';

/**
 * One entry per country. A country that the data file already lists (by name or alias) keeps
 * the data file's display name, so the gazetteer adds names to `U.S.` instead of creating a
 * second actor `United States`.
 */
export function gazetteerEntities(): EntityEntry[] {
  const excluded = new Set(GAZETTEER_EXCLUSIONS.map(key));
  const listedByName = new Map<string, string>();
  for (const entity of LISTED_ENTITIES) {
    for (const name of [entity.name, ...entity.aliases]) {
      if (!listedByName.has(key(name))) listedByName.set(key(name), entity.name);
    }
  }

  const entries: EntityEntry[] = [];
  for (const country of Object.values(countries)) {
    const names = [country.name, ...(country.alias ?? [])];
    if (/^[a-z .'-]+$/.test(foldText(country.native))) names.push(country.native);
    const capitals = country.capital ? country.capital.split(',').map((c) => c.trim()) : [];
    const aliases = [...names, ...capitals].filter((n) => n.length > 0 && !excluded.has(key(n)));
    if (aliases.length === 0) continue;
    const listedName = names.map((n) => listedByName.get(key(n))).find((n) => n !== undefined);
    entries.push({ name: listedName ?? country.name, aliases });
  }
  return entries;
}

function key(name: string): string {
  return words(name).join(' ');
}
