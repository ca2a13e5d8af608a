/**
 * `mode:digest`: one post a day at the subscription's local time, across a daylight-saving
 * change, listing what was imported since the previous digest; nothing on an empty day.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { botPosts, briefingText, deliveries, dropInInbox, HOUR, MINUTE, messageText, slugsOf, startWorld, subscribe, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

/** Moves simulated time to `iso` (every scheduled job runs on the way). */
async function advanceTo(w: DeliveryWorld, iso: string): Promise<void> {
  const ms = Date.parse(iso) - w.clock.now().getTime();
  if (ms < 0) throw new Error(`${iso} is in the past`);
  await w.sandbox.advance(ms);
}

async function importAt(w: DeliveryWorld, iso: string, slug: string): Promise<void> {
  await advanceTo(w, iso);
  await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug }));
}

describe('given a digest at 08:00 Europe/Berlin over the end of summer time (25 Oct 2026)', () => {
  it('then it posts at 06:00Z while summer time lasts and at 07:00Z after, each listing what came since the last one', async () => {
    const w = (world = await startWorld({ start: '2026-10-23T05:00:00.000Z' }));
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest', time: '08:00', timezone: 'Europe/Berlin' });
    expect(answer.text).toContain('First digest: Fri 23 Oct 2026, 08:00 (Europe/Berlin)');

    await importAt(w, '2026-10-23T05:10:00.000Z', 'aa-friday-early');
    await importAt(w, '2026-10-23T12:00:00.000Z', 'bb-friday-noon');
    await importAt(w, '2026-10-24T20:00:00.000Z', 'cc-saturday-night');
    // Sunday 25: the clocks go back at 01:00Z. Monday 26: nothing new. Tuesday 27: one more.
    await importAt(w, '2026-10-26T10:00:00.000Z', 'dd-monday');
    await advanceTo(w, '2026-10-27T09:00:00.000Z');

    const posts = botPosts(w, 'briefings');
    expect(posts.map((p) => p.data.timestamp)).toEqual([
      '2026-10-23T06:00:00.000Z',
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-27T07:00:00.000Z',
    ]);
    expect(posts.map((p) => slugsOf(p))).toEqual([['aa-friday-early'], ['bb-friday-noon'], ['cc-saturday-night'], ['dd-monday']]);
    expect(messageText(posts[0])).toContain('🗞️ Daily digest: 1 new briefing');
    expect(messageText(posts[2])).toContain('Added to the archive from Sat 24 Oct 2026, 08:00 (Europe/Berlin) to Sun 25 Oct 2026, 08:00 (Europe/Berlin).');
    expect(messageText(posts[3])).toContain('Added to the archive from Mon 26 Oct 2026, 08:00 (Europe/Berlin) to Tue 27 Oct 2026, 08:00 (Europe/Berlin).');
    expect(posts.every((p) => (p.allowedMentions as { parse?: unknown[] }).parse?.length === 0)).toBe(true);

    // Monday had nothing new: no post, but the log says why.
    expect((await deliveries(w)).map((d) => [d.at, d.outcome, d.slugs])).toEqual([
      ['2026-10-23T06:00:00.000Z', 'posted', ['aa-friday-early']],
      ['2026-10-24T06:00:00.000Z', 'posted', ['bb-friday-noon']],
      ['2026-10-25T07:00:00.000Z', 'posted', ['cc-saturday-night']],
      ['2026-10-26T07:00:00.000Z', 'skipped-empty', []],
      ['2026-10-27T07:00:00.000Z', 'posted', ['dd-monday']],
    ]);
    expect((await storedSubscriptions(w))[0]?.lastSlotAt).toBe('2026-10-27T07:00:00.000Z');
  });

  it('then a member pressing a digest\'s Open button sees that briefing, privately', async () => {
    const w = (world = await startWorld({ start: '2026-10-23T05:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '08:00', timezone: 'Europe/Berlin' });
    await importAt(w, '2026-10-23T05:10:00.000Z', 'aa-open-me');
    await advanceTo(w, '2026-10-23T06:00:00.000Z');
    const [digest] = botPosts(w, 'briefings');
    const rows = (digest?.components ?? []) as { components?: { label?: string; custom_id?: string }[] }[];
    const open = rows.flatMap((r) => r.components ?? []).find((c) => c.label === 'Open 1');
    const handle = w.sandbox.discord.interact.clickButton({ message: digest as never, customId: open?.custom_id as string, user: 'member' });
    const { message } = await handle.response();
    expect(message?.ephemeral).toBe(true);
    expect(messageText(message)).toContain('LUMEN INSIGHT: AA OPEN ME');
  });
});

describe('given more briefings in a day than one digest message holds', () => {
  it('then the digest continues over several messages, each briefing listed once, in import order', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '18:00', timezone: 'UTC' });
    const slugs = Array.from({ length: 30 }, (_, i) => `bulk-${String(i + 1).padStart(2, '0')}`);
    for (const slug of slugs) await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug }));
    await w.sandbox.advance(10 * HOUR);

    const posts = botPosts(w, 'briefings');
    expect(posts.length).toBeGreaterThan(1);
    expect(messageText(posts[0])).toContain('🗞️ Daily digest: 30 new briefings');
    expect(messageText(posts[1])).toContain('🗞️ Daily digest (continued)');
    expect(posts.flatMap((p) => slugsOf(p))).toEqual(slugs);
    expect(posts.every((p) => p.data.timestamp === '2026-11-25T18:00:00.000Z')).toBe(true);
    expect((await deliveries(w)).map((d) => d.outcome)).toEqual(['posted']);
    await w.sandbox.advance(5 * MINUTE);
    expect(botPosts(w, 'briefings')).toHaveLength(posts.length);
  });
});
