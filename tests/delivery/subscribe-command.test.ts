/**
 * /subscribe, /unsubscribe and /subscriptions through the emulator: who may use them, what each
 * value must look like, and what the confirmation promises.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shortIdOf } from '../../src/delivery/subscription-rules.js';
import { command, messageText, press, setBotPermissions, startWorld, subscribe, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  return world;
}

describe('given a member without Manage Channels', () => {
  it('then the client does not even offer /subscribe, /unsubscribe or /subscriptions', async () => {
    const w = await open();
    const { discord } = w.sandbox;
    for (const name of ['subscribe', 'unsubscribe', 'subscriptions']) {
      expect(() => discord.interact.slashCommand({ name, options: { channel: 'briefings', mode: 'new' }, user: 'member' })).toThrow(new RegExp(`cannot use /${name}`));
    }
    const registered = discord.commands.find('subscribe', discord.guildId);
    expect(registered?.default_member_permissions).toBe(String(1n << 4n)); // Manage Channels
  });

  it('then a /subscribe that reaches the bot anyway is refused with an ephemeral error and changes nothing', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'new', user: 'member', skipPermissionCheck: true });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('Only members with Manage Channels or Manage Server can change subscriptions.');
    expect((await storedSubscriptions(w))).toEqual([]);

    for (const name of ['subscriptions list', 'unsubscribe', 'alerts']) {
      const options: Record<string, string> = name === 'subscriptions list' ? {} : { channel: 'briefings' };
      const handle = w.sandbox.discord.interact.slashCommand({ name, options, user: 'member', skipPermissionCheck: true });
      const { message } = await handle.response();
      expect(message?.ephemeral).toBe(true);
      expect(messageText(message)).toContain(name === 'alerts' ? 'Only members with Manage Server can choose where alerts go.' : 'Only members with Manage Channels or Manage Server can change subscriptions.');
    }
  });
});

describe('given an admin', () => {
  it('then a new-briefing subscription is accepted, saying it starts now and never re-posts the archive', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'new' });
    expect(answer.ephemeral).toBe(true);
    const briefingsId = w.sandbox.discord.channelId('briefings');
    const id = shortIdOf((await storedSubscriptions(w))[0] ?? { id: '' });
    expect(answer.text).toContain(`✅ Subscribed: \`${id}\` new briefings in <#${briefingsId}>.`);
    expect(answer.text).toContain('It starts now (Wed 25 Nov 2026, 09:00 (UTC)): briefings already in the archive are not re-posted.');
    expect(answer.text).toContain('Each new briefing is posted as it arrives');
    const [sub] = (await storedSubscriptions(w));
    expect(sub).toMatchObject({ channelId: briefingsId, mode: 'new', status: 'active', cursorSeq: w.sandbox.app.archive.lastSeq, createdInChannelId: w.sandbox.discord.channelId('general') });
  });

  it('then a digest subscription states its first run in the zone given', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest', time: '8:00', timezone: 'Europe/Berlin' });
    expect(answer.text).toContain('a daily digest in');
    expect(answer.text).toContain('at 08:00 (Europe/Berlin)');
    expect(answer.text).toContain('It starts now (Wed 25 Nov 2026, 10:00 (Europe/Berlin))');
    // 09:00Z is 10:00 in Berlin: today's 08:00 has passed, so the first digest is tomorrow 07:00Z.
    expect(answer.text).toContain(`First digest: Thu 26 Nov 2026, 08:00 (Europe/Berlin) (<t:${Date.parse('2026-11-26T07:00:00Z') / 1000}:R>).`);
  });

  it('then a digest defaults to 08:00 UTC', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest' });
    expect(answer.text).toContain('at 08:00 (UTC)');
    expect(answer.text).toContain('First digest: Thu 26 Nov 2026, 08:00 (UTC)');
  });

  it.each([
    ['25:00', '“25:00” is not a time of day. Write it as HH:MM on a 24-hour clock'],
    ['noon', '“noon” is not a time of day.'],
    ['8:7', '“8:7” is not a time of day.'],
  ])('then time:%s is refused with a clear ephemeral error', async (time, expected) => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest', time });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain(expected);
    expect((await storedSubscriptions(w))).toEqual([]);
  });

  it('then an unknown IANA zone is refused, with examples of real ones', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest', timezone: 'Mars/Olympus_Mons' });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('“Mars/Olympus_Mons” is not a time zone I know. Use an IANA name such as Europe/Berlin');
    expect((await storedSubscriptions(w))).toEqual([]);
  });

  it('then a channel the bot may not post in is refused, naming the missing permission', async () => {
    const w = await open();
    await setBotPermissions(w, 'briefings', { send: false });
    const answer = await subscribe(w, { channel: 'briefings', mode: 'new' });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('I cannot post in #briefings: I am missing Send Messages there.');
    expect((await storedSubscriptions(w))).toEqual([]);
  });

  it('then a channel the bot cannot see is refused too', async () => {
    const w = await open();
    await setBotPermissions(w, 'briefings', { view: false });
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest' });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toMatch(/I cannot (see|post in) #briefings/);
    expect(answer.text).toContain('View Channel');
    expect((await storedSubscriptions(w))).toEqual([]);
  });

  it('then mention: on a digest is refused (digests never ping)', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'digest', mention: 'Analysts' });
    expect(answer.text).toContain('`mention` works with `mode:new` only');
  });

  it('then /subscriptions lists each subscription with its next run, and /unsubscribe removes it', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '18:30', timezone: 'America/New_York', topic: 'shipping' });
    await subscribe(w, { channel: 'forum', mode: 'new' });
    const list = await command(w, 'subscriptions list');
    expect(list.ephemeral).toBe(true);
    expect(list.text).toContain('1. ▶️ Daily digest');
    expect(list.text).toContain('at 18:30 (America/New_York) about “shipping”');
    expect(list.text).toContain(`Next run: <t:${Date.parse('2026-11-25T23:30:00Z') / 1000}:f>`);
    expect(list.text).toContain('2. ▶️ New briefings');
    expect(list.text).toContain('Next run: when a briefing arrives');
    expect(list.text).toContain('Last: nothing delivered yet');

    const asked = await command(w, 'unsubscribe', { channel: 'briefings' });
    expect(asked.ephemeral).toBe(true);
    expect(asked.text).toContain('Remove this subscription of');
    expect(asked.text).toContain('a daily digest in');
    expect((await storedSubscriptions(w))).toHaveLength(2);
    const removed = await press(w, asked.messages[0], 'Remove');
    expect(removed.text).toContain('Removed: `');
    expect(removed.text).toContain('a daily digest in');
    expect((await storedSubscriptions(w)).map((s) => s.mode)).toEqual(['new']);
    const again = await command(w, 'unsubscribe', { channel: 'briefings' });
    expect(again.text).toContain('There was no subscription');
  });
});
