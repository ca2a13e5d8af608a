/**
 * Search: the one entry point for the rest of the program. The composition root opens a
 * {@link SearchService} on the archive; everyone else queries its read-only {@link SearchView}.
 *
 *   const search = await SearchService.open(archive, { snapshot: new CacheFile(path), saveOnChange: true });
 *   search.view.search('tarifs japan', { limit: 10 });   // [{ slug, title, score, field, snippet }]
 *   search.view.autocomplete('jap');                     // [{ name, value }] Discord choices
 *   search.view.ask('Will Washington revisit car tariffs?', { prior: 'japan-tariffs' });
 *   search.view.related(briefing, 3);                    // trends and positions of key variable 3
 *
 * Files: search-service.ts (life of the index), search-view.ts (queries), snapshot-loader.ts,
 * index-snapshot.ts, snapshot-layout.ts, snapshot-decode.ts, snapshot-pages.ts and snapshot-bodies.ts (the snapshot), snapshot-archive.ts (the archive as the
 * snapshot holds it, for one-shot answers without archive.json), briefing-index.ts (the index),
 * ask-question.ts and key-variable-neighbourhood.ts (/ask), related-material.ts and
 * answer-passages.ts (what an answer quotes), search-briefings.ts (/search), name-index.ts
 * (autocomplete), data/ (word lists).
 */
export type { ArchivedBriefing, ArchiveSource, SnapshotStorage } from './archive-source.js';
export type { AskOptions, AskResult } from './ask-question.js';
export type { BriefingField } from './briefing-fields.js';
export { DISCORD_MAX_CHOICES, DISCORD_MAX_CHOICE_LENGTH, type Choice } from './name-index.js';
export type { RelatedMaterial, RelatedPosition } from './related-material.js';
export type { SearchOptions, SearchResult } from './search-briefings.js';
export { SearchService, type IndexOrigin, type SearchServiceOptions } from './search-service.js';
export { INDEX_SNAPSHOT_FILE } from './snapshot-loader.js';
export { SnapshotDamagedError } from './snapshot-archive.js';
export { SearchView } from './search-view.js';
