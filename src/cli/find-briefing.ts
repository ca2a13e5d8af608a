/**
 * Looks up a briefing by slug for a verb; on a miss, tells the user the closest slugs.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { suggestSlugs } from '../search/suggest-slugs.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import type { CliIo } from './cli-io.js';
import { openArchive } from './open-archive.js';

export async function findBriefingOrExplain(io: CliIo, slug: string): Promise<{ briefing: Briefing } | undefined> {
  const opened = await openArchive(io);
  if (!opened.ok) {
    io.stderr.write(`${opened.message}\n`);
    return undefined;
  }
  return findInArchiveOrExplain(io, opened.archive, slug);
}

/** The briefing, or undefined after writing "No briefing …, did you mean …" to stderr. */
export function findInArchiveOrExplain(io: CliIo, archive: BriefingArchive, slug: string): { briefing: Briefing } | undefined {
  const stored = archive.get(slug);
  if (stored) return { briefing: stored.briefing };
  const close = suggestSlugs(slug, archive.list().map((s) => ({ slug: s.briefing.slug, title: s.briefing.title })));
  const hint = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : archive.size === 0 ? ' The archive is empty.' : '';
  io.stderr.write(`No briefing "${slug}".${hint} (lumen list shows them all)\n`);
  return undefined;
}
