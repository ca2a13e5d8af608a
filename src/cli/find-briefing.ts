/**
 * Looks up a briefing by a typed slug for a verb; on a miss, tells the user the closest slugs.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { resolveBriefingName, suggestSlugs } from '../search/suggest-slugs.js';
import type { ArchiveSource } from '../search/index.js';
import { EMPTY_ARCHIVE_HINT, writeText, type CliIo } from './cli-io.js';
import { openArchive } from './open-archive.js';

export async function findBriefingOrExplain(io: CliIo, slug: string): Promise<{ briefing: Briefing } | undefined> {
  const opened = await openArchive(io);
  if (!opened.ok) {
    writeText(io.stderr, `${opened.message}\n`);
    return undefined;
  }
  try {
    return findInArchiveOrExplain(io, opened.archive, slug);
  } finally {
    await opened.archive.close?.();
  }
}

/**
 * The briefing a typed slug means, resolved as the bot resolves its `briefing` option: the slug,
 * else the clear best match by slug and title words (with a "showing …" line on stderr, so that
 * `--json` output stays the briefing alone), else undefined after writing "No briefing …, did
 * you mean …" to stderr.
 */
export function findInArchiveOrExplain(io: CliIo, archive: Pick<ArchiveSource, 'get' | 'list' | 'size'>, slug: string): { briefing: Briefing } | undefined {
  const stored = archive.get(slug) ?? archive.get(slug.trim().toLowerCase());
  if (stored) return { briefing: stored.briefing };
  const named = archive.list().map((s) => ({ slug: s.briefing.slug, title: s.briefing.title }));
  const resolution = resolveBriefingName(slug, named);
  const found = resolution.kind === 'found' ? archive.get(resolution.slug) : undefined;
  if (found) {
    writeText(io.stderr, `showing ${found.briefing.slug}, the closest match to "${slug}"\n`);
    return { briefing: found.briefing };
  }
  const close = resolution.kind === 'unresolved' && resolution.candidates.length > 0 ? resolution.candidates : suggestSlugs(slug, named);
  const hint = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : archive.size === 0 ? ` ${EMPTY_ARCHIVE_HINT}` : '';
  // "lumen list shows them all" is no help when there is nothing to list.
  writeText(io.stderr, `No briefing "${slug}".${hint}${archive.size === 0 ? '' : ' (lumen list shows them all)'}\n`);
  return undefined;
}
