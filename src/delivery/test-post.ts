/**
 * Test posts (issue 16): what a subscription's next delivery would look like, posted in its
 * channel now, marked as a test: the latest matching briefing in the subscription's format, or a
 * digest of the last day. Recorded in the delivery log as a test; the cursor, the digest slot
 * and the last outcome never move, so the real delivery still comes.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { Clock } from '../domain/clock.js';
import { renderDigest } from '../render/delivery-messages.js';
import { renderNewBriefingMessages } from '../render/new-briefing-formats.js';
import type { MessagePayload } from '../render/message-payload.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import type { Subscription } from '../domain/subscription.schema.js';
import type { DeliveryStore } from '../store/lumen-stores.js';
import { newDeliveryId, partNonce } from './delivery-ids.js';
import type { Poster } from './poster.js';
import { shortIdOf } from './subscription-rules.js';

const DAY = 24 * 60 * 60_000;

export type TestPostResult = { ok: true; messageId: string; slugs: string[] } | { ok: false; problem: string };

export interface TestPostOptions {
  deliveries: DeliveryStore;
  archive: BriefingArchive;
  poster: Poster;
  clock: Clock;
  onTopic: (subscription: Subscription, briefing: Briefing) => boolean;
}

export class TestPoster {
  readonly #o: TestPostOptions;

  constructor(options: TestPostOptions) {
    this.#o = options;
  }

  async post(sub: Subscription): Promise<TestPostResult> {
    const missing = this.#o.poster.missingPermissions(sub.channelId, { kind: sub.mode, mentionEveryone: sub.mentionEveryone !== undefined });
    if (missing.length > 0) return { ok: false, problem: `I cannot post in <#${sub.channelId}>: I am missing ${missing.join(', ')} there. Grant it, then try again.` };
    const planned = this.#messages(sub);
    if (!planned.ok) return planned;
    const now = this.#o.clock.now();
    const id = newDeliveryId(now);
    let messageId: string | undefined;
    try {
      for (const [i, payload] of planned.messages.entries()) {
        const sent = await this.#o.poster.postMessage(sub.channelId, payload, { nonce: partNonce(id, i) });
        messageId ??= sent.messageId;
      }
    } catch (error) {
      return { ok: false, problem: `The test post did not go through: ${error instanceof Error ? error.message : String(error)}.` };
    }
    const posted = messageId as string;
    await this.#o.deliveries.log({
      at: now.toISOString(),
      subscriptionId: sub.id,
      guildId: sub.guildId,
      channelId: sub.channelId,
      kind: sub.mode,
      slugs: planned.slugs,
      outcome: 'posted',
      messageId: posted,
      test: true,
    });
    return { ok: true, messageId: posted, slugs: planned.slugs };
  }

  #messages(sub: Subscription): { ok: true; messages: MessagePayload[]; slugs: string[] } | { ok: false; problem: string } {
    const imported = this.#o.archive.importedAfter(0);
    const test = { shortId: shortIdOf(sub) };
    if (sub.mode === 'new') {
      const latest = [...imported].reverse().find((s) => this.#o.onTopic(sub, s.briefing));
      if (!latest) return { ok: false, problem: 'No briefing in the archive matches this subscription yet: there is nothing to show. Check its topic words.' };
      // Pings nobody: toMessageOptions without a mention allows none.
      return { ok: true, messages: renderNewBriefingMessages(latest.briefing, { format: sub.format, roleId: sub.mentionRoleId, everyone: sub.mentionEveryone, test }), slugs: [latest.briefing.slug] };
    }
    const now = this.#o.clock.now();
    const since = new Date(now.getTime() - DAY);
    const items = imported.filter((s) => Date.parse(s.importedAt) > since.getTime() && this.#o.onTopic(sub, s.briefing)).map((s) => s.briefing);
    const parts = renderDigest(items, { since, until: now, timezone: sub.timezone });
    const note =
      items.length === 0
        ? `🧪 **Test post** for subscription \`${test.shortId}\`: nothing matching was imported in the last day, so a real digest now would post nothing.`
        : `🧪 **Test post** for subscription \`${test.shortId}\`: the digest as it would look now, for the last day. Nothing was delivered.`;
    parts[0] = { ...(parts[0] as MessagePayload), content: note };
    return { ok: true, messages: parts, slugs: items.map((b) => b.slug) };
  }
}
