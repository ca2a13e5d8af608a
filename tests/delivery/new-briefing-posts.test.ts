/**
 * `mode:new`: a briefing dropped in the inbox is posted once per subscribed channel, with a
 * thread (or, in a forum, a post of its own) where /ask is about that briefing; mentions ping
 * exactly the chosen role; topics filter, and what they skip is logged.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { botPosts, briefingText, command, deliveries, dropInInbox, MINUTE, slugsOf, startWorld, subscribe, waitFor, type DeliveryWorld, storedSubscriptions } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  return world;
}

async function importBriefing(w: DeliveryWorld, slug: string, extra: { keyword?: string; title?: string } = {}): Promise<void> {
  await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug, ...extra }));
}

/** The slugs /ask answered about (the buttons of its answer). */
async function askIn(w: DeliveryWorld, channel: string, question: string): Promise<string[]> {
  const answer = await command(w, 'ask', { question }, { channel });
  return [...new Set(answer.messages.flatMap(slugsOf))];
}

describe('given a channel subscribed to new briefings', () => {
  it('then an imported briefing is posted there once, with a thread under it', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await importBriefing(w, 'baltic-cable-cuts');
    await w.sandbox.advance(1 * MINUTE);

    const posts = botPosts(w, 'briefings');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toBe('📰 **New briefing**');
    expect(slugsOf(posts[0] as never)).toEqual(['baltic-cable-cuts']);
    expect((posts[0]?.embeds[0] as { title?: string }).title).toBe('LUMEN INSIGHT: BALTIC CABLE CUTS');
    const threads = w.sandbox.discord.threads('briefings');
    expect(threads.map((t) => t.name)).toEqual(['LUMEN INSIGHT: BALTIC CABLE CUTS']);
    expect(await w.sandbox.app.stores.threads.briefingOf(threads[0]?.id as string)).toBe('baltic-cable-cuts');
    expect((await deliveries(w)).map((d) => [d.kind, d.slugs, d.outcome])).toEqual([['new', ['baltic-cable-cuts'], 'posted']]);

    // Time passes, the inbox is polled again and again: nothing is posted twice.
    await w.sandbox.advance(3 * 60 * MINUTE);
    expect(botPosts(w, 'briefings')).toHaveLength(1);
    expect(w.sandbox.discord.requestsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
    // Nothing else in the guild got a post.
    expect(botPosts(w, 'general')).toEqual([]);
  });

  it('then /ask inside that thread is about that briefing, and elsewhere about the whole archive', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await importBriefing(w, 'baltic-cable-cuts');
    await w.sandbox.advance(1 * MINUTE);
    const thread = w.sandbox.discord.threads('briefings')[0];
    expect(thread).toBeDefined();

    // The new briefing reuses the red-sea sample's text, so outside the thread both answer.
    const question = 'Will Saudi Arabia reopen direct talks with Sanaa?';
    expect(await askIn(w, 'general', question)).toEqual(expect.arrayContaining(['red-sea-shipping']));
    // The thread's briefing is a prior, not a filter: it answers first, other candidates may follow.
    expect((await askIn(w, thread?.id as string, question))[0]).toBe('baltic-cable-cuts');
  });

  it('then a vague question in the thread is about the thread’s briefing, though another briefing matches its words better', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const taiwan = await readFile(new URL('../../data/samples/taiwan-chip-export-controls.md', import.meta.url), 'utf8');
    await dropInInbox(w.dataDir, 'taiwan-follow-up.md', taiwan.replace(/^slug: .*$/m, 'slug: taiwan-follow-up'));
    await w.sandbox.advance(1 * MINUTE);
    const thread = w.sandbox.discord.threads('briefings')[0];
    expect(thread).toBeDefined();
    // Archive-wide, "retaliate" belongs to the ASML briefing's key variable more than to Taiwan's.
    expect((await askIn(w, 'general', 'will beijing retaliate'))[0]).toBe('asml-lithography-rules');
    expect((await askIn(w, thread?.id as string, 'will beijing retaliate'))[0]).toBe('taiwan-follow-up');
  });

  it('then a question replied to the post, long after it went up, is answered in a reply about the posted briefing', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const taiwan = await readFile(new URL('../../data/samples/taiwan-chip-export-controls.md', import.meta.url), 'utf8');
    await dropInInbox(w.dataDir, 'taiwan-follow-up.md', taiwan.replace(/^slug: .*$/m, 'slug: taiwan-follow-up'));
    await w.sandbox.advance(1 * MINUTE);
    // Past the half hour in which the post itself is the channel's context: only the reply says which briefing.
    await w.sandbox.advance(45 * MINUTE);
    const [post] = botPosts(w, 'briefings');
    expect((await askIn(w, 'briefings', 'will beijing retaliate'))[0]).toBe('asml-lithography-rules');
    const question = await w.sandbox.reply({ channel: 'briefings', user: 'member', content: 'will beijing retaliate', to: post as never });
    const answer = botPosts(w, 'briefings').find((m) => (m.data.message_reference as { message_id?: string } | undefined)?.message_id === question.id);
    expect(answer && slugsOf(answer as never)[0]).toBe('taiwan-follow-up');
  });

  it('then several briefings arriving together are posted in import order, each once', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    for (const slug of ['aa-first', 'bb-second', 'cc-third']) await importBriefing(w, slug);
    await w.sandbox.advance(2 * MINUTE);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['aa-first', 'bb-second', 'cc-third']);
    expect(w.sandbox.discord.threads('briefings')).toHaveLength(3);
  });
});

describe('given the bot may post but not open threads in the channel', () => {
  it('then the subscription pauses before posting, naming Create Public Threads, and nothing half-done is posted', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    w.sandbox.discord.setBotPermissions('briefings', { createThreads: false });
    await waitFor(() => {
      const cached = w.sandbox.app.bot?.client.channels.cache.get(w.sandbox.discord.channelId('briefings'));
      return cached !== undefined && 'permissionsFor' in cached && cached.permissionsFor(w.sandbox.discord.botUserId)?.has('CreatePublicThreads') === false;
    }, 'the bot to hear of its new permissions');
    await importBriefing(w, 'no-thread-here');
    await w.sandbox.advance(MINUTE);
    expect(botPosts(w, 'briefings')).toEqual([]);
    expect((await deliveries(w)).map((d) => [d.outcome, d.reason])).toEqual([['paused-missing-permissions', 'the bot is missing Create Public Threads in that channel']]);
    await w.sandbox.advance(10 * MINUTE);
    expect(botPosts(w, 'briefings')).toHaveLength(0);
  });
});

describe('given a forum channel subscribed to new briefings', () => {
  it('then each briefing becomes its own forum post, where /ask is about it', async () => {
    const w = await open();
    await subscribe(w, { channel: 'forum', mode: 'new' });
    await importBriefing(w, 'baltic-cable-cuts');
    await importBriefing(w, 'danube-low-water');
    await w.sandbox.advance(2 * MINUTE);

    const posts = w.sandbox.discord.threads('forum');
    expect(posts.map((p) => p.name).sort()).toEqual(['LUMEN INSIGHT: BALTIC CABLE CUTS', 'LUMEN INSIGHT: DANUBE LOW WATER']);
    for (const post of posts) {
      const [starter] = w.sandbox.discord.channelMessages(post.id);
      expect(starter?.content).toBe('📰 **New briefing**');
      expect(await w.sandbox.app.stores.threads.briefingOf(post.id)).toBe(slugsOf(starter as never)[0]);
    }
    const danube = posts.find((p) => p.name.includes('DANUBE'));
    expect((await askIn(w, danube?.id as string, 'Will Saudi Arabia reopen direct talks with Sanaa?'))[0]).toBe('danube-low-water');
    await w.sandbox.advance(30 * MINUTE);
    expect(w.sandbox.discord.threads('forum')).toHaveLength(2);
  });
});

describe('given mention:<role>', () => {
  it('then the post pings exactly that role, and nothing in the briefing can ping anyone', async () => {
    const w = await open();
    const analysts = w.sandbox.discord.roleId('Analysts');
    const admin = w.sandbox.discord.userId('admin');
    await subscribe(w, { channel: 'briefings', mode: 'new', mention: analysts });
    await importBriefing(w, 'everyone-ping', { title: `LUMEN INSIGHT: @everyone @here <@&${w.sandbox.discord.roleId('Admin')}> <@${admin}> LOOK` });
    await w.sandbox.advance(1 * MINUTE);

    const [post] = botPosts(w, 'briefings');
    expect(post?.content).toBe(`<@&${analysts}> 📰 **New briefing**`);
    expect(post?.allowedMentions).toEqual({ parse: [], roles: [analysts], replied_user: false });
    expect(post?.data.mention_everyone).toBe(false);
    expect(post?.data.mention_roles).toEqual([analysts]);
    expect(post?.data.mentions).toEqual([]);
  });

  it('then without a mention the post pings no one', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await importBriefing(w, 'quiet-one');
    await w.sandbox.advance(1 * MINUTE);
    expect(botPosts(w, 'briefings')[0]?.allowedMentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('given topic:<words>', () => {
  it('then only briefings on the topic are posted, and each one passed over is logged skipped-filtered', async () => {
    const w = await open();
    await subscribe(w, { channel: 'briefings', mode: 'new', topic: 'narwhal' });
    await subscribe(w, { channel: 'forum', mode: 'new' });
    await importBriefing(w, 'aa-quokka-one', { keyword: 'quokka' });
    await importBriefing(w, 'bb-narwhal-one', { keyword: 'narwhal' });
    await importBriefing(w, 'cc-quokka-two', { keyword: 'quokka' });
    await w.sandbox.advance(2 * MINUTE);

    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['bb-narwhal-one']);
    expect(w.sandbox.discord.threads('forum')).toHaveLength(3);
    const log = (await deliveries(w, w.sandbox.discord.channelId('briefings'))).map((d) => [d.outcome, d.slugs]);
    expect(log).toEqual([
      ['skipped-filtered', ['aa-quokka-one']],
      ['posted', ['bb-narwhal-one']],
      ['skipped-filtered', ['cc-quokka-two']],
    ]);
    const sub = (await storedSubscriptions(w)).find((s) => s.topic === 'narwhal');
    expect(sub?.cursorSeq).toBe(w.sandbox.app.archive.lastSeq);
    expect(sub?.lastDelivery?.outcome).toBe('skipped-filtered');
  });
});
