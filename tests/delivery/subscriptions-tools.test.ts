/**
 * Issue 16 through the local Discord: test posts (button and /subscriptions test), history with
 * links, the list's outcomes in words and its paging at 500 subscriptions, and /alerts (rejected
 * files, /publish failures, a lost Embed Links, repeated failures), each alert once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shortIdOf } from '../../src/delivery/subscription-rules.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { botPosts, briefingText, buttonId, command, DAY, deliveries, dropInInbox, MINUTE, messageText, press, slugsOf, startWorld, subscribe, waitFor, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

const CHANNEL_POSTS = /^\/channels\/\d+\/messages$/;

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  return world;
}

async function importBriefing(w: DeliveryWorld, slug: string, keyword?: string): Promise<void> {
  await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug, ...(keyword ? { keyword } : {}) }));
}

const only = async (w: DeliveryWorld) => (await storedSubscriptions(w))[0];

describe('given a new subscription with a role mention', () => {
  it('then its confirmation button posts a marked test of the latest matching briefing, pinging nobody, and the cursor stays', async () => {
    const w = await open();
    const confirmation = await subscribe(w, { channel: 'briefings', mode: 'new', mention: 'Analysts' });
    const before = structuredClone((await only(w)));
    const answer = await press(w, confirmation.handle.messages()[0], 'Send a test post');
    expect(answer.text).toContain('🧪 Test post sent to');

    const [test] = botPosts(w, 'briefings');
    expect(test?.content).toMatch(/^🧪 \*\*Test post\*\* for subscription `[0-9a-f]{6}`: this is how new briefings will look\. It would ping the subscription’s role\./);
    expect(test?.allowedMentions).toEqual({ parse: [], replied_user: false });
    const latest = w.sandbox.app.archive.importedAfter(0).at(-1)?.briefing.slug;
    expect(slugsOf(test as StoredMessage)).toEqual([latest]);
    expect(w.sandbox.discord.threads('briefings')).toEqual([]);
    expect((await deliveries(w))).toEqual([expect.objectContaining({ test: true, outcome: 'posted', slugs: [latest], messageId: test?.id })]);
    expect((await only(w))).toEqual(before); // cursor, last outcome: untouched

    // The real delivery still comes, once.
    await importBriefing(w, 'after-the-test');
    await w.sandbox.advance(MINUTE);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual([latest, 'after-the-test']);
    expect((await deliveries(w)).filter((d) => !d.test).map((d) => d.slugs)).toEqual([['after-the-test']]);

    // History: the test and the real post, newest first, with links to both messages.
    const id = shortIdOf((await only(w)) ?? { id: '' });
    const history = await command(w, 'subscriptions history', { id });
    const base = `https://discord.com/channels/${w.sandbox.discord.guildId}/${w.sandbox.discord.channelId('briefings')}`;
    const real = botPosts(w, 'briefings')[1];
    expect(history.text).toMatch(new RegExp(`posted \`after-the-test\` · \\[message\\]\\(${base}/${real?.id}\\)[\\s\\S]*🧪 test post \`${latest}\` · \\[message\\]\\(${base}/${test?.id}\\)`));
  });

  it('then /subscriptions test id: does the same, and an unknown id is refused with where to find ids', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '09:30' });
    // The samples were imported at the start: after two days only the new one is of the last day.
    await w.sandbox.advance(2 * DAY);
    await importBriefing(w, 'in-the-last-day');
    await w.sandbox.advance(MINUTE);
    const before = structuredClone((await only(w)));
    const id = shortIdOf((await only(w)) ?? { id: '' });
    const answer = await command(w, 'subscriptions test', { id: id.toUpperCase() });
    expect(answer.text).toContain('🧪 Test post sent to');
    const test = botPosts(w, 'briefings').at(-1);
    expect(test?.content).toContain('the digest as it would look now, for the last day');
    expect(slugsOf(test as StoredMessage)).toEqual(['in-the-last-day']);
    expect((await only(w))).toEqual(before);

    const unknown = await command(w, 'subscriptions test', { id: 'zzzzzz' });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.text).toContain('No subscription of this server has the id `zzzzzz`. Run `/subscriptions list` to see the ids.');
  });
});

describe('given a digest day with nothing new', () => {
  it('then /subscriptions says so in words, and /unsubscribe id: removes just that one', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'digest' });
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await w.sandbox.advance(DAY);
    const list = await command(w, 'subscriptions list');
    expect(list.text).toContain('Last: no new briefings since yesterday: nothing posted');
    const [digest] = (await storedSubscriptions(w));
    const removed = await command(w, 'unsubscribe', { id: shortIdOf(digest ?? { id: '' }) });
    expect(removed.text).toContain('Removed: `');
    expect((await storedSubscriptions(w)).map((s) => s.mode)).toEqual(['new']);
  });
});

describe('given 500 subscriptions', () => {
  it('then /subscriptions list is one message, paged with Previous/Next, and every one is reachable', async () => {
    const w = await open();
    const { discord } = w.sandbox;
    for (let i = 0; i < 500; i++) {
      const result = await w.sandbox.app.subscriptions.subscribe({
        guildId: discord.guildId,
        channelId: discord.channelId('briefings'),
        createdInChannelId: discord.channelId('general'),
        userId: discord.userId('admin'),
        mode: i % 2 === 0 ? 'new' : 'digest',
        topic: `topic number ${i}`,
      });
      expect(result.ok).toBe(true);
    }
    const list = await command(w, 'subscriptions list');
    expect(list.messages).toHaveLength(1);
    const seen = new Set<string>();
    let message: StoredMessage | undefined = list.messages[0];
    let pages = 0;
    for (;;) {
      pages++;
      const text = messageText(message);
      for (const match of text.matchAll(/`([0-9a-f]{6})` /g)) seen.add(match[1] as string);
      const next = ((message?.components ?? []) as { components?: { label?: string; disabled?: boolean }[] }[]).flatMap((r) => r.components ?? []).find((b) => b.label === 'Next ▶');
      if (!next || next.disabled) break;
      expect(buttonId(message, 'Next ▶')).toBe(`lb1|subl|${pages + 1}`);
      message = (await press(w, message, 'Next ▶')).messages[0];
      expect((message?.embeds?.[0] as { footer?: { text: string } } | undefined)?.footer?.text).toMatch(new RegExp(`^Page ${pages + 1} of \\d+$`));
    }
    expect(pages).toBeLessThanOrEqual(50);
    expect(seen.size).toBe(500);
    expect(discord.requests.filter((r) => r.status >= 400)).toEqual([]);
  }, 120_000);
});

describe('given an alert channel', () => {
  async function withAlerts(): Promise<DeliveryWorld> {
    const w = await open();
    const set = await command(w, 'alerts', { channel: 'analysts' });
    expect(set.text).toContain('Alerts for this server now go to');
    return w;
  }
  const alerts = (w: DeliveryWorld): string[] => botPosts(w, 'analysts').map(messageText);

  it('then a rejected inbox file is reported once with its file:line: problem', async () => {
    const w = await withAlerts();
    await dropInInbox(w.dataDir, 'no-title.md', '# Summary\nNo title here.\n');
    await w.sandbox.advance(MINUTE);
    await w.sandbox.advance(10 * MINUTE);
    expect(alerts(w)).toHaveLength(1);
    expect(alerts(w)[0]).toContain('⚠️ A briefing file was rejected');
    expect(alerts(w)[0]).toMatch(/no-title\.md:\d+: /);
  });

  it('then a /publish upload that is not a briefing is reported, naming who and what', async () => {
    const w = await withAlerts();
    const handle = w.sandbox.discord.interact.slashCommand({ name: 'publish', attachments: { file: { filename: 'bad.md', data: '', contentType: 'text/markdown' } } });
    await handle.response();
    await w.sandbox.whenIdle();
    expect(alerts(w)).toHaveLength(1);
    expect(alerts(w)[0]).toContain('⚠️ A /publish upload was refused');
    expect(alerts(w)[0]).toMatch(/bad\.md:\d+: /);
  });

  it('then a lost Embed Links pauses the subscription before posting and alerts once, naming it', async () => {
    const w = await withAlerts();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const { discord } = w.sandbox;
    const id = discord.channelId('briefings');
    discord.setBotPermissions('briefings', { embedLinks: false });
    await waitFor(() => {
      const cached = w.sandbox.app.bot?.client.channels.cache.get(id);
      return cached !== undefined && 'permissionsFor' in cached && cached.permissionsFor(discord.botUserId)?.has('EmbedLinks') === false;
    }, 'the bot to hear it lost Embed Links');
    await importBriefing(w, 'needs-embeds');
    await w.sandbox.advance(MINUTE);
    await w.sandbox.advance(30 * MINUTE);
    expect(discord.requestsTo('POST', CHANNEL_POSTS).filter((r) => r.path.includes(id))).toEqual([]);
    expect((await only(w))).toMatchObject({ status: 'paused', statusReason: 'the bot is missing Embed Links in that channel' });
    expect(alerts(w)).toHaveLength(1);
    expect(alerts(w)[0]).toContain('🔒 The bot lost a permission');
    expect(alerts(w)[0]).toContain('missing **Embed Links**');

    discord.setBotPermissions('briefings', {});
    await waitFor(() => {
      const cached = w.sandbox.app.bot?.client.channels.cache.get(id);
      return cached !== undefined && 'permissionsFor' in cached && cached.permissionsFor(discord.botUserId)?.has('EmbedLinks') === true;
    }, 'the bot to hear it has Embed Links again');
    const resumed = await subscribe(w, { channel: 'briefings', mode: 'new' });
    expect(resumed.text).toContain('✅ Resumed');
    await w.sandbox.whenIdle();
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['needs-embeds']);
  });

  it('then a subscription Discord refused to post for is reported as paused, once', async () => {
    const w = await withAlerts();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    w.sandbox.discord.faults.inject({ method: 'POST', path: `/channels/${w.sandbox.discord.channelId('briefings')}/messages`, code: 50001 });
    await importBriefing(w, 'cannot-see');
    await w.sandbox.advance(MINUTE);
    await w.sandbox.advance(30 * MINUTE);
    expect((await only(w))?.status).toBe('paused');
    expect(alerts(w)).toHaveLength(1);
    expect(alerts(w)[0]).toContain('⏸️ A subscription was paused');
    expect(alerts(w)[0]).toContain('the bot cannot see that channel (Missing Access)');
  });

  it('then a subscription removed because its channel was deleted is reported once', async () => {
    const w = await withAlerts();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const id = w.sandbox.discord.channelId('briefings');
    const shortId = shortIdOf((await only(w)) ?? { id: '' });
    w.sandbox.discord.deleteChannel('briefings');
    await waitFor(() => !w.sandbox.app.bot?.client.channels.cache.has(id), 'the bot to forget the channel');
    await importBriefing(w, 'after-delete');
    await w.sandbox.advance(MINUTE);
    await w.sandbox.advance(10 * MINUTE);
    expect(alerts(w)).toHaveLength(1);
    expect(alerts(w)[0]).toContain('🗑️ A subscription was removed');
    expect(alerts(w)[0]).toContain(`\`${shortId}\` new briefings in <#${id}>`);
  });

  it('then deliveries failing again and again are reported once, not every minute', async () => {
    const w = await withAlerts();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    // Only the subscribed channel fails: the alert channel still works.
    w.sandbox.discord.faults.inject({ method: 'POST', path: `/channels/${w.sandbox.discord.channelId('briefings')}/messages`, status: 500, times: 4 * 6 });
    await importBriefing(w, 'flaky-for-long');
    for (let i = 0; i < 20; i++) await w.sandbox.advance(MINUTE);
    expect((await only(w))?.retry?.attempts ?? 0).toBeGreaterThanOrEqual(4);
    const failing = alerts(w).filter((a) => a.includes('🔁 Deliveries keep failing'));
    expect(failing).toHaveLength(1);
    expect(failing[0]).toContain('has failed 3 times in a row');
  });
});
