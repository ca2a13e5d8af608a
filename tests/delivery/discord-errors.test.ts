/**
 * Discord saying no: missing permissions or access pause a subscription (with a notice where it
 * was made, shown in /subscriptions, resumed by subscribing again), a deleted channel removes it,
 * 429s and 5xx are waited out or retried with exactly one post in the end, and one failing
 * channel never holds up the others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shortIdOf } from '../../src/delivery/subscription-rules.js';
import { botPosts, briefingText, command, deliveries, dropInInbox, MINUTE, messageText, slugsOf, setBotPermissions, startWorld, subscribe, waitFor, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

const CHANNEL_POSTS = /^\/channels\/\d+\/messages$/;

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  return world;
}

async function importBriefing(w: DeliveryWorld, slug: string): Promise<void> {
  await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug }));
}

const shortId = (sub: { id: string } | undefined): string => shortIdOf(sub ?? { id: '' });
const subOf = async (w: DeliveryWorld, channel: string) => (await storedSubscriptions(w)).find((s) => s.channelId === w.sandbox.discord.channelId(channel));

describe.each([
  { missing: 'Send Messages', change: { send: false }, outcome: 'paused-missing-permissions', reason: 'the bot is missing Send Messages in that channel' },
  { missing: 'View Channel', change: { view: false }, outcome: 'paused-missing-access', reason: 'the bot is missing View Channel in that channel' },
])('given the bot loses a permission in a subscribed channel ($missing)', ({ change, outcome, reason }) => {
  it('then the subscription pauses before asking Discord, says so where it was made and in /subscriptions, and subscribing again delivers what was missed', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new', in: 'analysts' });
    await setBotPermissions(w, 'briefings', change);
    await importBriefing(w, 'missed-one');
    await w.sandbox.advance(MINUTE);

    // The gateway's cached permissions tell before Discord is asked (issue 16): no 403 at all.
    const refused = w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS).filter((r) => r.status === 403);
    expect(refused).toEqual([]);
    expect((await subOf(w, 'briefings'))).toMatchObject({ status: 'paused', statusReason: reason, lastDelivery: { outcome, reason } });
    expect((await subOf(w, 'briefings'))?.pending).toBeUndefined();
    expect((await deliveries(w)).map((d) => [d.outcome, d.slugs])).toEqual([[outcome, ['missed-one']]]);
    const notices = botPosts(w, 'analysts');
    expect(notices).toHaveLength(1);
    expect(messageText(notices[0])).toContain(`⏸️ Paused \`${shortId((await subOf(w, 'briefings')))}\` new briefings in <#${w.sandbox.discord.channelId('briefings')}>: ${reason}. Fix the bot's permissions in that channel, then run \`/subscribe\` again to resume.`);

    // Paused: more briefings and more time change nothing, and no more requests are wasted.
    await importBriefing(w, 'missed-two');
    await w.sandbox.advance(30 * MINUTE);
    expect(w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS).filter((r) => r.status === 403)).toHaveLength(0);
    const list = await command(w, 'subscriptions list');
    const pausedAt = Math.floor(Date.parse((await subOf(w, 'briefings'))?.lastDelivery?.at ?? '') / 1000);
    expect(list.text).toContain(`Last: paused: the bot cannot post in <#${w.sandbox.discord.channelId('briefings')}> since <t:${pausedAt}:f> (${reason}).`);

    await setBotPermissions(w, 'briefings', {});
    const resumed = await subscribe(w, { channel: 'briefings', mode: 'new' });
    expect(resumed.text).toContain(`✅ Resumed: \`${shortId((await subOf(w, 'briefings')))}\` new briefings in`);
    expect(resumed.text).toContain('2 briefings published while it was paused will be posted.');
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['missed-one', 'missed-two']);
    expect((await subOf(w, 'briefings'))).toMatchObject({ status: 'active', cursorSeq: w.sandbox.app.archive.lastSeq });
    expect((await subOf(w, 'briefings'))?.statusReason).toBeUndefined();
  });
});

describe('given a paused digest subscription', () => {
  it('then resuming it days later sends one digest of everything missed', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '12:00' });
    await setBotPermissions(w, 'briefings', { send: false });
    await importBriefing(w, 'digest-missed-one');
    await w.sandbox.advance(4 * 60 * MINUTE);
    expect((await subOf(w, 'briefings'))?.status).toBe('paused');
    await importBriefing(w, 'digest-missed-two');
    await w.sandbox.advance(2 * 24 * 60 * MINUTE);
    await setBotPermissions(w, 'briefings', {});
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '12:00' });
    await w.sandbox.advance(MINUTE);
    const posts = botPosts(w, 'briefings');
    expect(posts.map((p) => slugsOf(p))).toEqual([['digest-missed-one', 'digest-missed-two']]);
    await w.sandbox.advance(24 * 60 * MINUTE);
    expect(botPosts(w, 'briefings')).toHaveLength(1); // the next day had nothing new
  });
});

describe('given Discord refuses a post the cached permissions allowed (50013: the cache was behind)', () => {
  it('then the subscription pauses with Discord\'s reason, exactly as before the pre-check', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new', in: 'analysts' });
    w.sandbox.discord.faults.inject({ method: 'POST', path: CHANNEL_POSTS, code: 50013 });
    await importBriefing(w, 'refused-by-discord');
    await w.sandbox.advance(MINUTE);
    const refused = w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS).filter((r) => r.status === 403);
    expect(refused.map((r) => (r.responseBody as { code: number }).code)).toEqual([50013]);
    const reason = 'the bot may not post there (Missing Permissions)';
    expect((await subOf(w, 'briefings'))).toMatchObject({ status: 'paused', statusReason: reason, lastDelivery: { outcome: 'paused-missing-permissions', reason } });
    expect((await deliveries(w)).map((d) => [d.outcome, d.slugs])).toEqual([['paused-missing-permissions', ['refused-by-discord']]]);
    expect(messageText(botPosts(w, 'analysts')[0])).toContain(`: ${reason}. Fix the bot's permissions in that channel`);
  });
});

describe('given a subscribed channel is deleted', () => {
  it('then the subscription is removed (10003), said so where it was made, and the others go on', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'forum', mode: 'new' });
    const briefingsId = w.sandbox.discord.channelId('briefings');
    const removedId = shortId((await subOf(w, 'briefings')));
    w.sandbox.discord.deleteChannel('briefings');
    await waitFor(() => !w.sandbox.app.bot?.client.channels.cache.has(briefingsId), 'the bot to forget the channel');
    await importBriefing(w, 'after-delete');
    await w.sandbox.advance(MINUTE);

    expect((await storedSubscriptions(w)).map((s) => s.channelId)).toEqual([w.sandbox.discord.channelId('forum')]);
    expect((await deliveries(w, briefingsId)).map((d) => [d.outcome, d.reason])).toEqual([['removed-unknown-channel', expect.stringContaining('no longer exists')]]);
    expect(messageText(botPosts(w, 'general')[0])).toContain(`🗑️ Removed \`${removedId}\` new briefings in <#${briefingsId}>`);
    expect(w.sandbox.discord.threads('forum')).toHaveLength(1);
    await w.sandbox.advance(10 * MINUTE);
    expect(botPosts(w, 'general')).toHaveLength(1);
  });
});

describe('given Discord answers 429 to the post', () => {
  it('then discord.js waits it out and the briefing is posted exactly once, logged as posted', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    w.sandbox.discord.faults.inject({ method: 'POST', path: CHANNEL_POSTS, status: 429, retryAfter: 0.2 });
    await importBriefing(w, 'rate-limited');
    await w.sandbox.advance(MINUTE);
    const posts = w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(200);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['rate-limited']);
    expect((await deliveries(w)).map((d) => d.outcome)).toEqual(['posted']);
  });
});

describe('given Discord answers 500 more often than discord.js retries', () => {
  it('then the delivery is retried with backoff and posted exactly once', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    w.sandbox.discord.faults.inject({ method: 'POST', path: CHANNEL_POSTS, status: 500, times: 9 });
    await importBriefing(w, 'flaky');
    await w.sandbox.advance(MINUTE);
    // discord.js tried four times (one try, three retries), then gave up: the runner will try again.
    expect(w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS).map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect((await subOf(w, 'briefings'))).toMatchObject({ retry: { attempts: 1, nextAttemptAt: '2026-11-25T09:02:00.000Z' }, lastDelivery: { outcome: 'retrying' } });
    expect((await subOf(w, 'briefings'))?.pending?.seqs).toHaveLength(1);
    const list = await command(w, 'subscriptions list');
    expect(list.text).toContain(`Next run: <t:${Date.parse('2026-11-25T09:02:00Z') / 1000}:f>`);
    expect(list.text).toMatch(/Last: Discord did not take the last post \(Discord answered 500.*\); trying again <t:\d+:R>/);

    await w.sandbox.advance(MINUTE); // second attempt: four more 500s; next in two minutes
    expect((await subOf(w, 'briefings'))?.retry).toMatchObject({ attempts: 2, nextAttemptAt: '2026-11-25T09:04:00.000Z' });
    await w.sandbox.advance(MINUTE);
    expect(w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS)).toHaveLength(8);
    await w.sandbox.advance(MINUTE); // third attempt: one more 500, then through
    expect(w.sandbox.discord.requestsTo('POST', CHANNEL_POSTS).map((r) => r.status).slice(8)).toEqual([500, 200]);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['flaky']);
    expect((await deliveries(w)).map((d) => d.outcome)).toEqual(['retrying', 'retrying', 'posted']);
    expect((await subOf(w, 'briefings'))?.retry).toBeUndefined();
    expect((await subOf(w, 'briefings'))?.pending).toBeUndefined();
    await w.sandbox.advance(30 * MINUTE);
    expect(botPosts(w, 'briefings')).toHaveLength(1);
  });

  it('then a dropped connection is retried the same way', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    w.sandbox.discord.faults.inject({ method: 'POST', path: CHANNEL_POSTS, network: 'reset', times: 6 });
    await importBriefing(w, 'reset-by-peer');
    await w.sandbox.advance(5 * MINUTE);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['reset-by-peer']);
    expect((await deliveries(w)).at(-1)?.outcome).toBe('posted');
  });
});

describe('given one channel fails and another works', () => {
  it('then the working channel gets every briefing on time while the failing one retries', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'general', mode: 'new' });
    const briefingsPath = `/channels/${w.sandbox.discord.channelId('briefings')}/messages`;
    const outage = w.sandbox.discord.faults.inject({ method: 'POST', path: briefingsPath, status: 503, times: Infinity });
    for (const slug of ['iso-one', 'iso-two', 'iso-three']) {
      await importBriefing(w, slug);
      await w.sandbox.advance(7 * MINUTE);
    }
    expect(botPosts(w, 'general').map((p) => [slugsOf(p)[0], p.data.timestamp])).toEqual([
      ['iso-one', '2026-11-25T09:01:00.000Z'],
      ['iso-two', '2026-11-25T09:08:00.000Z'],
      ['iso-three', '2026-11-25T09:15:00.000Z'],
    ]);
    expect(botPosts(w, 'briefings')).toEqual([]);
    outage.cancel();
    await w.sandbox.advance(60 * MINUTE);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['iso-one', 'iso-two', 'iso-three']);
  });

  it('then a channel whose post hangs does not hold up posts to the others', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'general', mode: 'new' });
    const { discord } = w.sandbox;
    let release: () => void = () => undefined;
    const hang = discord.faults.inject({ method: 'POST', path: `/channels/${discord.channelId('briefings')}/messages`, holdUntil: new Promise<void>((resolve) => (release = resolve)) });
    const save = async (slug: string): Promise<void> => {
      const { parseBriefingBytes } = await import('../../src/import/import-briefing-files.js');
      const parsed = parseBriefingBytes(Buffer.from(await briefingText({ slug })), `${slug}.md`, w.clock.now());
      if (!parsed.ok) throw new Error('bad briefing');
      await w.sandbox.app.archive.save([parsed.incoming], w.clock.now());
      w.sandbox.app.requestDelivery();
    };
    await save('hang-one');
    await waitFor(() => botPosts(w, 'general').length === 1, 'the first post in #general');
    await save('hang-two');
    await waitFor(() => botPosts(w, 'general').length === 2, 'the second post in #general', 2_000);
    expect(botPosts(w, 'briefings')).toEqual([]); // still hanging
    expect(hang.hits).toBe(1);
    release();
    await w.sandbox.whenIdle();
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['hang-one', 'hang-two']);
    expect(botPosts(w, 'general').map((p) => slugsOf(p)[0])).toEqual(['hang-one', 'hang-two']);
  });
});

describe('given a channel with both a new-briefing and a digest subscription', () => {
  it('then a new post still being retried is not taken for the digest that lists the same briefing', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T07:50:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '08:00' });
    // Two failed attempts (07:59 and 08:00); the 08:00 digest lists the briefing meanwhile.
    w.sandbox.discord.faults.inject({ method: 'POST', path: CHANNEL_POSTS, status: 500, times: 8 });
    await advanceTo(w, '2026-11-25T07:58:00.000Z');
    await importBriefing(w, 'both-ways');
    await advanceTo(w, '2026-11-25T08:10:00.000Z');

    const posts = botPosts(w, 'briefings');
    expect(posts.map((p) => [messageText(p).split('\n')[0], p.data.timestamp])).toEqual([
      ['🗞️ Daily digest: 1 new briefing', '2026-11-25T08:00:00.000Z'],
      ['📰 **New briefing**', '2026-11-25T08:02:00.000Z'],
    ]);
    expect((await deliveries(w)).map((d) => [d.kind, d.outcome, d.reason ?? ''])).toEqual([
      ['new', 'retrying', expect.stringContaining('500')],
      ['new', 'retrying', expect.stringContaining('500')],
      ['digest', 'posted', ''],
      ['new', 'posted', ''],
    ]);
  });
});

async function advanceTo(w: DeliveryWorld, iso: string): Promise<void> {
  await w.sandbox.advance(Date.parse(iso) - w.clock.now().getTime());
}

describe('given the bot loses Send Messages halfway through a long digest', () => {
  it('then resuming sends the rest of that digest, and nothing twice', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '18:00' });
    const slugs = Array.from({ length: 30 }, (_, i) => `half-${String(i + 1).padStart(2, '0')}`);
    for (const slug of slugs) await importBriefing(w, slug);
    await w.sandbox.advance(MINUTE);
    // The first digest message goes through; the second is refused.
    const { discord } = w.sandbox;
    const path = `/channels/${discord.channelId('briefings')}/messages`;
    const onFirst = (request: { method: string; path: string; status: number }): void => {
      if (request.method !== 'POST' || request.path !== path || request.status !== 200) return;
      discord.faults.inject({ method: 'POST', path, code: 50013 });
      discord.off('request', onFirst);
    };
    discord.on('request', onFirst);
    await advanceTo(w, '2026-11-25T18:00:00.000Z');
    expect(botPosts(w, 'briefings')).toHaveLength(1);
    expect((await subOf(w, 'briefings'))?.status).toBe('paused');

    await advanceTo(w, '2026-11-25T20:00:00.000Z');
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '18:00' });
    await w.sandbox.advance(MINUTE);
    const posts = botPosts(w, 'briefings');
    expect(posts.length).toBeGreaterThan(2);
    expect(posts.flatMap((p) => slugsOf(p))).toEqual(slugs);
    expect((await deliveries(w)).map((d) => d.outcome)).toEqual(['paused-missing-permissions', 'posted']);
  });
});
