import type { Dimension } from './briefing.schema.js';
import { foldForMatch } from './fold-text.js';

/**
 * The dimensions a user meant by `query`: an exact match (ignoring case and accents) if there
 * is one, else every dimension whose name contains the words typed.
 */
export function findDimensions(dimensions: readonly Dimension[], query: string): Dimension[] {
  const key = foldForMatch(query);
  const exact = dimensions.filter((d) => foldForMatch(d.name) === key);
  return exact.length > 0 ? exact : dimensions.filter((d) => foldForMatch(d.name).includes(key));
}
