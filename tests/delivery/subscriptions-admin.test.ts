/**
 * Issue 16 through the local Discord: several subscriptions per channel, each with its own
 * topic filter (through the search index), "Updated" for the same one, options that do not
 * apply refused, explicit @everyone, post formats, and digests labelled by what they measure.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { shortIdOf } from '../../src/delivery/subscription-rules.js';
import { apiChannel } from '../../src/sandbox/emulator/state/api-objects.js';
import { botPosts, briefingText, command, DAY, deliveries, dropInInbox, MINUTE, messageText, slugsOf, startWorld, subscribe, waitFor, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  return world;
}

async function importBriefing(w: DeliveryWorld, slug: string, keyword?: string, date?: string): Promise<void> {
  await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug, ...(keyword ? { keyword } : {}), ...(date ? { date } : {}) }));
}

describe('given two topic subscriptions on one channel', () => {
  it('then each posts only its own briefings, once, and "chips" finds the semiconductor briefing', async () => {
    const w = await open();
    const chips = await subscribe(w, { channel: 'briefings', mode: 'new', topic: 'chips' });
    const narwhal = await subscribe(w, { channel: 'briefings', mode: 'new', topic: 'narwhal', exclude: 'semiconductor' });
    expect(chips.text).toContain('✅ Subscribed');
    expect(narwhal.text).toContain('✅ Subscribed');
    const subs = (await storedSubscriptions(w));
    expect(subs).toHaveLength(2);
    const [chipsSub, narwhalSub] = subs;
    expect(chips.text).toContain(`\`${shortIdOf(chipsSub ?? { id: '' })}\` new briefings in`);
    expect(narwhal.text).toContain('about “narwhal”, not about “semiconductor”');

    await importBriefing(w, 'foundry-export-controls', 'semiconductor');
    await importBriefing(w, 'arctic-narwhal-census', 'narwhal');
    await importBriefing(w, 'narwhal-semiconductor-sensors', 'narwhal semiconductor');
    await importBriefing(w, 'unrelated-tariffs');
    await w.sandbox.advance(2 * MINUTE);
    await w.sandbox.advance(10 * MINUTE);

    const posted = botPosts(w, 'briefings').map((p) => slugsOf(p)[0]);
    // The mixed one is on both topics but excluded from the narwhal subscription: posted once, by chips.
    expect(posted.sort()).toEqual(['arctic-narwhal-census', 'foundry-export-controls', 'narwhal-semiconductor-sensors']);
    const postedBy = async (id: string | undefined): Promise<string[]> => (await deliveries(w)).filter((d) => d.subscriptionId === id && d.outcome === 'posted').flatMap((d) => d.slugs);
    expect(await postedBy(chipsSub?.id)).toEqual(['foundry-export-controls', 'narwhal-semiconductor-sensors']);
    expect(await postedBy(narwhalSub?.id)).toEqual(['arctic-narwhal-census']);
  });

  it('then /subscribe with the same channel, mode and topic says Updated, and changes that one', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new', topic: 'chips' });
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const again = await subscribe(w, { channel: 'briefings', mode: 'new', topic: ' Chips ', format: 'compact' });
    expect(again.text).toContain('✅ Updated: `');
    expect(again.text).toContain('compact posts');
    expect(again.text).not.toContain('It starts now');
    const subs = (await storedSubscriptions(w));
    expect(subs.map((s) => [s.topic, s.format])).toEqual([['chips', 'compact'], [undefined, undefined]]);
    const list = await command(w, 'subscriptions list');
    expect(list.text).toContain('📬 Subscriptions: 2');
    for (const sub of subs) expect(list.text).toContain(`\`${shortIdOf(sub)}\``);
  });
});

describe('given options that do not apply to the mode', () => {
  it.each([
    [{ mode: 'new' as const, time: '08:00' }, '`time` works with `mode:digest` only'],
    [{ mode: 'new' as const, timezone: 'Europe/Berlin' }, '`timezone` works with `mode:digest` only'],
    [{ mode: 'digest' as const, format: 'full' as const }, '`format` works with `mode:new` only'],
    [{ mode: 'digest' as const, everyone: 'here' as const }, '`mention` works with `mode:new` only'],
  ])('then %o is refused, naming the option', async (input, expected) => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', ...input });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain(expected);
    expect((await storedSubscriptions(w))).toEqual([]);
  });
});

describe('given an admin who wants @everyone pinged', () => {
  it('then the @everyone role as `mention` is refused, pointing at `everyone:`', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'new', mention: w.sandbox.discord.guildId });
    expect(answer.text).toContain('use `everyone:@everyone`');
    expect((await storedSubscriptions(w))).toEqual([]);
  });

  it('then without Mention Everyone in the channel `everyone:` is refused', async () => {
    const w = await open();
    const { discord } = w.sandbox;
    const id = discord.channelId('briefings');
    discord.gateway.dispatch('CHANNEL_UPDATE', apiChannel(discord.guild.setMemberOverwrite(id, discord.botUserId, 0n, PermissionFlagsBits.MentionEveryone)));
    await waitFor(() => {
      const cached = w.sandbox.app.bot?.client.channels.cache.get(id);
      return cached !== undefined && 'permissionsFor' in cached && cached.permissionsFor(discord.botUserId)?.has('MentionEveryone') === false;
    }, 'the bot to hear of it');
    const answer = await subscribe(w, { channel: 'briefings', mode: 'new', everyone: 'everyone' });
    expect(answer.text).toContain('I am missing Mention @everyone, @here and All Roles there');
    expect((await storedSubscriptions(w))).toEqual([]);
  });

  it('then with it, the post says @everyone and allows exactly parse ["everyone"], never a role mention of the guild', async () => {
    const w = await open();
    const answer = await subscribe(w, { channel: 'briefings', mode: 'new', everyone: 'everyone' });
    expect(answer.text).toContain('pinging @everyone');
    await importBriefing(w, 'everyone-reads-this');
    await w.sandbox.advance(MINUTE);
    const [post] = botPosts(w, 'briefings');
    expect(post?.content).toBe('@everyone 📰 **New briefing**');
    expect(post?.allowedMentions).toEqual({ parse: ['everyone'], replied_user: false });
    expect(post?.data.mention_everyone).toBe(true);
    expect(post?.content).not.toContain(`<@&${w.sandbox.discord.guildId}>`);
  });
});

describe('given post formats', () => {
  it('then compact shows title, summary and key variables only, and full posts the rest in the thread', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new', format: 'compact', topic: 'narwhal' });
    await subscribe(w, { channel: 'analysts', mode: 'new', format: 'full' });
    await importBriefing(w, 'narwhal-formats', 'narwhal');
    await w.sandbox.advance(MINUTE);
    const [compact] = botPosts(w, 'briefings');
    const embeds = (compact?.embeds ?? []) as { fields?: { name: string }[] }[];
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.fields?.map((f) => f.name.replace(/^\S+ /, ''))).toEqual(['Key Variables']);
    expect(slugsOf(compact as never)).toEqual(['narwhal-formats']);

    const [full] = botPosts(w, 'analysts');
    expect(full?.content).toBe('📰 **New briefing**');
    const thread = w.sandbox.discord.threads('analysts')[0];
    const inThread = w.sandbox.discord.channelMessages(thread?.id as string);
    const text = [full, ...inThread].map(messageText).join('\n');
    for (const section of ['Incident', 'Key Variables', 'Trend', 'Structural Summary']) expect(text).toContain(section);
    expect((await deliveries(w)).filter((d) => d.outcome === 'posted')).toHaveLength(2);
  });
});

describe('given a digest', () => {
  it('then its window says "added to the archive" and an old briefing shows its own date as its date', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '08:00' });
    await importBriefing(w, 'old-but-new-here', undefined, '2026-04-14');
    await w.sandbox.advance(DAY);
    const [digest] = botPosts(w, 'briefings');
    const text = messageText(digest);
    expect(text).toContain('Added to the archive from Wed 25 Nov 2026, 09:00 (UTC) to Thu 26 Nov 2026, 08:00 (UTC).');
    expect(text).toContain('`old-but-new-here` · dated 2026-04-14');
    expect(text).not.toMatch(/published/i);
  });
});
