/**
 * Reading the channel after an interrupted delivery: which of the bot's earlier posts is the
 * one a pending delivery may already have made.
 */
import { decodeCustomId } from '../render/custom-ids.js';
import type { EarlierPost } from './poster.js';

/** The title every digest message starts with (first part and continuations). */
const DIGEST_TITLE = '🗞️ Daily digest';

export function isDigest(post: EarlierPost): boolean {
  return post.titles.some((t) => t.startsWith(DIGEST_TITLE));
}

/** The new-briefing post for `slug`, if it went out: a card whose buttons name the briefing. */
export function findNewBriefingPost(earlier: readonly EarlierPost[], slug: string | undefined): EarlierPost | undefined {
  // A digest in the same channel has an "Open" button for the same briefing: it is not the post.
  return earlier.find((p) => !isDigest(p) && p.customIds.some((id) => slugOf(id) === slug));
}

/** How many digest messages reached the channel. */
export function countDigestParts(earlier: readonly EarlierPost[]): number {
  return earlier.filter(isDigest).length;
}

function slugOf(customId: string): string | undefined {
  const action = decodeCustomId(customId);
  return action && 'slug' in action ? action.slug : undefined;
}
