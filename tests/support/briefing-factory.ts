import { parseBriefing } from '../../src/domain/parse-briefing.js';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { contentHash } from '../../src/import/import-briefing-files.js';
import type { IncomingBriefing } from '../../src/store/briefing-archive.js';
import { SEED_TEXT } from './seed.js';

/** The seed briefing parsed, with a different slug and title text per call site. */
export function getBriefing(overrides: Partial<Briefing> = {}): Briefing {
  const result = parseBriefing(SEED_TEXT, { fileName: 'japan-tariffs.md', now: new Date('2026-11-24T00:00:00.000Z') });
  if (!result.ok) throw new Error('seed must parse');
  return { ...result.value, ...overrides };
}

export function getIncoming(overrides: Partial<Briefing> = {}, dateFromFile = true): IncomingBriefing {
  const briefing = getBriefing(overrides);
  return { briefing, dateFromFile, contentHash: contentHash(JSON.stringify(briefing)), source: `${briefing.slug}.md` };
}
