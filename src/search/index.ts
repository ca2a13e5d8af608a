/**
 * The public face of search, for the CLI and the bot:
 *
 *   const index = BriefingIndex.from(archive.list().map((s) => s.briefing)); // once, at start-up
 *   archive.onChange((changed) => changed.forEach((s) => index.upsert(s.briefing)));
 *   index.search('tarifs japan', { limit: 10 });   // [{ slug, title, score, field, snippet }]
 *   index.autocomplete('jap');                     // [{ name, value }] Discord choices
 *   index.ask('Will Washington revisit car tariffs?', { briefing, limit }); // key variables
 *   resolveActor('washington', briefing.structure.actors); // 'U.S.'
 */
export { BriefingIndex, type BriefingIndexOptions } from './briefing-index.js';
export type { SearchOptions, SearchResult } from './search-briefings.js';
export type { AskOptions, AskResult } from './ask-question.js';
export type { RelatedMaterial, RelatedPosition } from './related-material.js';
export { DISCORD_MAX_CHOICES, DISCORD_MAX_CHOICE_LENGTH, type Choice } from './name-index.js';
export type { BriefingField } from './briefing-fields.js';
export { resolveActor } from './resolve-actor.js';
