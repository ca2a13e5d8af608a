/**
 * Reconciliation's pure part (issue 11 item 1): among the bot's messages in a channel, only those
 * carrying the delivery intent's id are its posts; a /brief card or another subscription's
 * digest in the same channel never counts.
 */
import { describe, expect, it } from 'vitest';
import { countDigestParts, findNewBriefingPost } from '../../src/delivery/earlier-posts.js';
import type { EarlierPost } from '../../src/delivery/poster.js';
import { renderBriefingCard, renderDigest, renderNewBriefingPost } from '../../src/render/index.js';
import type { MessagePayload } from '../../src/render/message-payload.js';
import { getBriefing } from '../support/briefing-factory.js';

const OURS = '1764620000000001';
const OTHER = '1764620000000002';
const WINDOW = { since: '2026-11-24T08:00:00.000Z', until: '2026-11-25T08:00:00.000Z', timezone: 'UTC' };

function asEarlier(payload: MessagePayload, messageId: string): EarlierPost {
  const customIds = (payload.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
  return { messageId, customIds, titles: payload.embeds.map((e) => e.title ?? '') };
}

describe('given a /brief card of the briefing and then the post of delivery OURS', () => {
  const briefing = getBriefing({ slug: 'japan-tariffs' });
  const card = asEarlier(renderBriefingCard(briefing), '1');
  const otherPost = asEarlier(renderNewBriefingPost(briefing, { delivery: OTHER }), '2');
  const post = asEarlier(renderNewBriefingPost(briefing, { delivery: OURS }), '3');

  it('then only the post of OURS is found, not the card nor another delivery of the same briefing', () => {
    expect(findNewBriefingPost([card, otherPost, post], OURS)?.messageId).toBe('3');
    expect(findNewBriefingPost([card], OURS)).toBeUndefined();
    expect(findNewBriefingPost([card, otherPost], OURS)).toBeUndefined();
  });

  it('then the post keeps the card buttons people press, the Full briefing one marked', () => {
    expect(post.customIds).toHaveLength(card.customIds.length);
    expect(post.customIds.filter((id, i) => id !== card.customIds[i])).toHaveLength(1);
  });
});

describe('given two digests in one channel, ours in three parts', () => {
  const briefings = Array.from({ length: 30 }, (_, i) => getBriefing({ slug: `digest-${i + 1}` }));
  const ours = renderDigest(briefings, WINDOW, { delivery: OURS }).map((p, i) => asEarlier(p, `o${i}`));
  const theirs = renderDigest(briefings.slice(0, 3), WINDOW, { delivery: OTHER }).map((p, i) => asEarlier(p, `t${i}`));

  it('then only our parts are counted', () => {
    expect(ours.length).toBeGreaterThan(1);
    expect(countDigestParts([...theirs, ours[0] as EarlierPost], OURS)).toBe(1);
    expect(countDigestParts([...theirs, ...ours], OURS)).toBe(ours.length);
    expect(countDigestParts(theirs, OURS)).toBe(0);
  });
});
