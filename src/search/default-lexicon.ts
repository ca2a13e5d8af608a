/**
 * The lexicon used unless a caller brings its own: our data files plus the countries-list
 * gazetteer. Built on first use and shared, since it is read-only.
 */
import { gazetteerEntities } from './gazetteer.js';
import { createLexicon, type Lexicon } from './lexicon.js';

let shared: Lexicon | undefined;

/** The shared default lexicon (data files + gazetteer). */
export function defaultLexicon(): Lexicon {
  shared ??= createLexicon({ extraEntities: gazetteerEntities() });
  return shared;
}
