import { ChannelType, type ForumChannel, type TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from './helpers/bot-harness.js';

describe('threads and forum posts', () => {
  let harness: BotHarness;

  beforeEach(async () => {
    harness = await startBot();
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('given a bot message, when the bot starts a thread from it, then the thread shares its id and the bot can post inside', async () => {
    const { client, discord } = harness;
    const channel = client.channels.cache.get(discord.channelId('briefings')) as TextChannel;
    const message = await channel.send('Daily briefing');
    const thread = await message.startThread({ name: 'Discussion' });
    expect(thread.id).toBe(message.id);
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(thread.parentId).toBe(channel.id);
    await thread.send('first reply');
    const [recorded] = discord.threads('briefings');
    expect(recorded).toMatchObject({ id: message.id, name: 'Discussion', ownerId: discord.botUserId });
    expect(discord.channelMessages(thread.id).map((m) => m.content)).toEqual(['first reply']);
    expect(discord.messages.get(message.id)?.flags).toBe(32);
    await expect(message.startThread({ name: 'Again' })).rejects.toMatchObject({ code: 160004 });
  });

  it('given a forum, when the bot creates a post, then a thread with a recorded starter message exists', async () => {
    const { client, discord } = harness;
    const forum = client.channels.cache.get(discord.channelId('forum')) as ForumChannel;
    const post = await forum.threads.create({ name: 'Sahel weekly', message: { content: 'Starter text', embeds: [{ title: 'Summary' }] } });
    expect(post.parentId).toBe(forum.id);
    const [thread] = discord.threads('forum');
    expect(thread?.name).toBe('Sahel weekly');
    const [starter] = discord.channelMessages(post.id);
    expect(starter).toMatchObject({ id: post.id, origin: 'forum-starter', content: 'Starter text' });
    expect(starter?.embeds[0]).toMatchObject({ type: 'rich', title: 'Summary' });
    const fetched = await post.fetchStarterMessage();
    expect(fetched?.content).toBe('Starter text');
  });

  it('given a text channel, when the bot creates a thread without a message, then a public or private thread is recorded', async () => {
    const { client, discord } = harness;
    const channel = client.channels.cache.get(discord.channelId('general')) as TextChannel;
    const open = await channel.threads.create({ name: 'Open thread' });
    const closed = await channel.threads.create({ name: 'Private thread', type: ChannelType.PrivateThread, invitable: false });
    expect(open.type).toBe(ChannelType.PublicThread);
    expect(closed.type).toBe(ChannelType.PrivateThread);
    expect(discord.threads('general').map((t) => [t.name, t.type, t.thread?.invitable])).toEqual([
      ['Open thread', 11, undefined],
      ['Private thread', 12, false],
    ]);
    expect(discord.requestsTo('POST', /^\/channels\/\d+\/threads$/).map((r) => (r.body as { type: number }).type)).toEqual([11, 12]);
  });

  it('given a forum post over the content limit, then the error path is message.content', async () => {
    const { client, discord } = harness;
    const forum = client.channels.cache.get(discord.channelId('forum')) as ForumChannel;
    await expect(forum.threads.create({ name: 'Too long', message: { content: 'z'.repeat(2001) } })).rejects.toThrow(
      'Invalid Form Body\nmessage.content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.',
    );
  });

  it('given the bot may not create threads in a channel, then starting one fails with 50013', async () => {
    const { client, discord } = harness;
    const channel = client.channels.cache.get(discord.channelId('general')) as TextChannel;
    const message = await channel.send('no threads here');
    discord.setBotPermissions('general', { createThreads: false });
    await expect(message.startThread({ name: 'Nope' })).rejects.toMatchObject({ code: 50013 });
  });
});
