/** The archive file (`archive.json`): every briefing with its import bookkeeping. */
import { z } from 'zod';
import { BriefingSchema } from '../domain/briefing.schema.js';

export const StoredBriefingSchema = z.strictObject({
  briefing: BriefingSchema,
  /** 1 on first import, +1 each time the same slug arrives with changed content. */
  revision: z.number().int().positive(),
  /** sha256 of the normalised source text: re-importing the same file is a no-op. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  /**
   * Position in the archive, given once on first import and never reused. Delivery cursors
   * compare against it, so "new since the last post" does not depend on anyone's clock.
   */
  seq: z.number().int().positive(),
  importedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Where it came from (a file name, `discord:<user id>`), for the operator. */
  source: z.string(),
});

/**
 * The archive file, with the invariants the code relies on: a slug appears once (else `list`
 * shows it twice and an update picks one at random), and every seq is unique and below `nextSeq`
 * (else the next import reuses a number, and cursors already past it never deliver that briefing).
 */
export const ArchiveFileSchema = z
  .strictObject({
    version: z.literal(1),
    nextSeq: z.number().int().positive(),
    briefings: z.array(StoredBriefingSchema),
  })
  .superRefine(checkArchiveInvariants);

/** Unique slugs, unique seqs, each below nextSeq: refused naming the entry and the value. */
function checkArchiveInvariants(archive: { nextSeq: number; briefings: { briefing: { slug: string }; seq: number }[] }, ctx: z.RefinementCtx): void {
  const slugs = new Map<string, number>();
  const seqs = new Map<number, number>();
  archive.briefings.forEach((stored, i) => {
    const slug = stored.briefing.slug;
    const firstSlug = slugs.get(slug);
    if (firstSlug === undefined) slugs.set(slug, i);
    else ctx.addIssue({ code: 'custom', path: ['briefings', i, 'briefing', 'slug'], message: `the slug "${slug}" appears twice (also at briefings.${firstSlug})` });
    const firstSeq = seqs.get(stored.seq);
    if (firstSeq === undefined) seqs.set(stored.seq, i);
    else ctx.addIssue({ code: 'custom', path: ['briefings', i, 'seq'], message: `seq ${stored.seq} appears twice (also at briefings.${firstSeq})` });
    if (stored.seq >= archive.nextSeq) {
      ctx.addIssue({ code: 'custom', path: ['briefings', i, 'seq'], message: `seq ${stored.seq} is not below nextSeq ${archive.nextSeq} (the next import would reuse it)` });
    }
  });
}

export type StoredBriefing = z.infer<typeof StoredBriefingSchema>;
export type ArchiveFile = z.infer<typeof ArchiveFileSchema>;

/** The archive's reading order: newest published first, and the later import first on a tie. */
export function newestFirst(a: { briefing: { publishedAt: string }; seq: number }, b: { briefing: { publishedAt: string }; seq: number }): number {
  return b.briefing.publishedAt.localeCompare(a.briefing.publishedAt) || b.seq - a.seq;
}

export const emptyArchive = (): ArchiveFile => ({ version: 1, nextSeq: 1, briefings: [] });

/**
 * What `lumen list` needs of the archive file, validated without the briefing bodies: listing
 * 10,000 briefings then costs a JSON parse, not a full validation of every text. Anything that
 * reads the bodies (show, search, the bot) opens the archive with the full schema.
 */
export const ArchiveCatalogSchema = z
  .object({
    version: z.literal(1),
    nextSeq: z.number().int().positive(),
    briefings: z.array(
      z.object({
        briefing: z.object({ slug: BriefingSchema.shape.slug, title: BriefingSchema.shape.title, publishedAt: BriefingSchema.shape.publishedAt }),
        seq: StoredBriefingSchema.shape.seq,
      }),
    ),
  })
  .superRefine(checkArchiveInvariants);
export type ArchiveCatalog = z.infer<typeof ArchiveCatalogSchema>;
