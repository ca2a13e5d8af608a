/** The /subscriptions pages, the outcome words, the subscription buttons' ids: pure functions, no emulator. */
import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import { MESSAGE_LIMITS } from '../../src/render/discord-limits.js';
import { embedCharacters } from '../../src/render/embed-layout.js';
import { lastOutcomeInWords, renderSubscriptionHistory, renderSubscriptionList, subscriptionPages, SUBSCRIPTIONS_PER_PAGE } from '../../src/render/subscription-list.js';
import type { SubscriptionView } from '../../src/render/subscription-messages.js';

const view = (i: number, extra: Partial<SubscriptionView> = {}): SubscriptionView => ({
  shortId: i.toString(16).padStart(6, '0'),
  channelId: '123456789012345678',
  mode: 'new',
  time: '08:00',
  timezone: 'UTC',
  status: 'active',
  ...extra,
});

describe('given 500 subscriptions with long topics and reasons', () => {
  const subs = Array.from({ length: 500 }, (_, i) =>
    view(i, { topic: `${'very long topic words '.repeat(9)}${i}`, lastDelivery: { at: '2026-11-25T09:00:00.000Z', outcome: 'failed', reason: 'x'.repeat(500) } }),
  );

  it('then every page fits one embed, holds at most ten, and the pages hold each subscription once, in order', () => {
    const pages = subscriptionPages(subs);
    expect(pages.flat()).toHaveLength(500);
    expect(pages.flat().map((f) => Number(f.name.split('.')[0]))).toEqual(subs.map((_, i) => i + 1));
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(SUBSCRIPTIONS_PER_PAGE);
      expect(page.reduce((n, f) => n + f.name.length + f.value.length, 0)).toBeLessThanOrEqual(MESSAGE_LIMITS.total - 400);
    }
  });

  it('then page n is one message with Previous/Next whose ids name pages n-1 and n+1, and a page past the end shows the last', () => {
    const pages = subscriptionPages(subs).length;
    const middle = renderSubscriptionList(subs, 2);
    expect(embedCharacters(middle.embeds[0] ?? {})).toBeLessThanOrEqual(MESSAGE_LIMITS.total);
    const ids = middle.components[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : undefined));
    expect(ids).toEqual(['lb1|subl|1', 'lb1|subl|3']);
    const last = renderSubscriptionList(subs, 10_000);
    expect(last.embeds[0]?.footer?.text).toBe(`Page ${pages} of ${pages}`);
    expect(last.components[0]?.components.map((c) => ((c as { disabled?: boolean }).disabled ?? false))).toEqual([false, true]);
  });
});

describe('given the last outcomes', () => {
  it.each([
    [{ outcome: 'skipped-empty' }, 'digest', 'no new briefings since yesterday: nothing posted'],
    [{ outcome: 'skipped-filtered' }, 'new', 'the latest briefings were not on its topic: nothing posted'],
    [{ outcome: 'posted' }, 'new', 'posted <t:'],
  ] as const)('then %o reads as words', (last, mode, words) => {
    expect(lastOutcomeInWords(view(1, { mode, lastDelivery: { at: '2026-11-25T09:00:00.000Z', ...last } }))).toContain(words);
  });

  it('then a paused one names the channel and since when', () => {
    const text = lastOutcomeInWords(view(1, { status: 'paused', statusReason: 'the bot is missing Embed Links in that channel', lastDelivery: { at: '2026-11-25T09:00:00.000Z', outcome: 'paused-missing-permissions' } }));
    expect(text).toBe(`paused: the bot cannot post in <#123456789012345678> since <t:${Date.parse('2026-11-25T09:00:00Z') / 1000}:f> (the bot is missing Embed Links in that channel). Fix its permissions there, then run /subscribe again`);
  });

  it('then history lists test posts and links', () => {
    const text = renderSubscriptionHistory(view(1), [{ at: '2026-11-25T09:00:00.000Z', outcome: 'posted', slugs: ['a'], test: true, messageUrl: 'https://discord.com/channels/1/2/3' }]).embeds[0]?.description ?? '';
    expect(text).toContain('🧪 test post `a` · [message](https://discord.com/channels/1/2/3)');
  });
});

describe('given the subscription buttons', () => {
  it('then their ids round-trip, and anything malformed decodes to nothing', () => {
    for (const action of [
      { kind: 'subscription-test', shortId: 'a1b2c3' },
      { kind: 'subscription-page', page: 50 },
      { kind: 'unsubscribe', decision: 'confirm', channelId: '123456789012345678', mode: 'all' },
      { kind: 'unsubscribe', decision: 'cancel', channelId: '123456789012345678', mode: 'digest' },
    ] as const) {
      expect(decodeCustomId(encodeCustomId(action))).toEqual(action);
    }
    for (const bad of ['lb1|subt|', 'lb1|subt|A-B', 'lb1|subl|0', 'lb1|unsub|ok|12|all', 'lb1|unsub|ok|123456789012345678|both', 'lb1|unsub|yes|123456789012345678|all']) {
      expect(decodeCustomId(bad), bad).toBeUndefined();
    }
  });
});
