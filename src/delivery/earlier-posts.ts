/**
 * Reading the channel after an interrupted delivery: which of the bot's earlier posts are the
 * ones a pending delivery may already have made. A post is recognised only by the id of the
 * delivery intent its buttons carry (see interaction-ids/custom-ids.ts), never by what it looks
 * like: a member's `/brief` card of the same briefing in the same channel is also the bot's
 * message with buttons naming the slug, and taking it for the post would lose the post.
 */
import { decodeCustomId } from '../interaction-ids/custom-ids.js';
import { DIGEST_TITLE } from '../render/delivery-messages.js';
import type { EarlierPost } from './poster.js';

export function isDigest(post: EarlierPost): boolean {
  return post.titles.some((t) => t.startsWith(DIGEST_TITLE));
}

/** The new-briefing post made by delivery `deliveryId`, if it went out. */
export function findNewBriefingPost(earlier: readonly EarlierPost[], deliveryId: string): EarlierPost | undefined {
  return earlier.find((p) => !isDigest(p) && carriesDelivery(p, deliveryId));
}

/** How many messages of digest delivery `deliveryId` reached the channel. */
export function countDigestParts(earlier: readonly EarlierPost[], deliveryId: string): number {
  return earlier.filter((p) => isDigest(p) && carriesDelivery(p, deliveryId)).length;
}

function carriesDelivery(post: EarlierPost, deliveryId: string): boolean {
  return post.customIds.some((id) => {
    const action = decodeCustomId(id);
    return action !== undefined && 'delivery' in action && action.delivery === deliveryId;
  });
}
