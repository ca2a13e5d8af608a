import { DiscordAPIError, PermissionFlagsBits, Routes, type TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from './helpers/bot-harness.js';

describe('channel errors, as Discord answers them', () => {
  let harness: BotHarness;

  beforeEach(async () => {
    harness = await startBot();
  });

  afterEach(async () => {
    await harness.stop();
  });

  function textChannel(name: string): TextChannel {
    const channel = harness.client.channels.cache.get(harness.discord.channelId(name));
    if (!channel || !channel.isTextBased() || channel.isDMBased() || channel.isThread()) throw new Error(`${name} is not a text channel`);
    return channel as TextChannel;
  }

  it('given a deleted channel, then sending there fails with DiscordAPIError[10003] Unknown Channel', async () => {
    const channel = textChannel('briefings');
    const gone = new Promise<void>((resolve) => harness.client.once('channelDelete', () => resolve()));
    harness.discord.deleteChannel('briefings');
    await gone;
    const error = await channel.send('anyone there?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ name: 'DiscordAPIError[10003]', code: 10003, status: 404, message: 'Unknown Channel' });
    await expect(harness.client.rest.post(Routes.channelMessages('123456789012345678'), { body: { content: 'x' } })).rejects.toMatchObject({ code: 10003 });
  });

  it('given the bot cannot view a channel, then sending fails with 50001 Missing Access and the client sees the same permissions', async () => {
    const channel = textChannel('briefings');
    const updated = new Promise<void>((resolve) => harness.client.once('channelUpdate', () => resolve()));
    harness.discord.setBotPermissions('briefings', { view: false });
    await updated;
    expect(channel.permissionsFor(harness.client.user!)?.has(PermissionFlagsBits.ViewChannel)).toBe(false);
    await expect(channel.send('hello')).rejects.toMatchObject({ name: 'DiscordAPIError[50001]', code: 50001, status: 403, message: 'Missing Access' });
  });

  it('given the bot can view but not send, then sending fails with 50013 Missing Permissions', async () => {
    const channel = textChannel('briefings');
    harness.discord.setBotPermissions('briefings', { send: false });
    await expect(channel.send('hello')).rejects.toMatchObject({ name: 'DiscordAPIError[50013]', code: 50013, status: 403, message: 'Missing Permissions' });
    harness.discord.setBotPermissions('briefings', {});
    await channel.send('allowed again');
    expect(harness.discord.channelMessages('briefings').map((m) => m.content)).toEqual(['allowed again']);
  });

  it('given the analysts channel hidden from @everyone, then the bot may post there but a plain member cannot invoke commands in it', async () => {
    await textChannel('analysts').send('for analysts');
    expect(harness.discord.channelMessages('analysts')).toHaveLength(1);
    expect(() => harness.discord.interact.slashCommand({ name: 'ping', user: 'member', channel: 'analysts' })).toThrow(/cannot see/);
  });

  it('given unknown or foreign messages, then fetches answer 10008 and edits of a user message answer 50005', async () => {
    const channel = textChannel('general');
    await expect(channel.messages.fetch('123456789012345678')).rejects.toMatchObject({ code: 10008, message: 'Unknown Message' });
    const userMessage = harness.discord.postAsUser({ channel: 'general', user: 'member', content: 'mine' });
    await expect(harness.client.rest.patch(Routes.channelMessage(channel.id, userMessage.id), { body: { content: 'hijacked' } })).rejects.toMatchObject({ code: 50005 });
  });

  it('given several messages, then history comes back newest first and respects limit and before', async () => {
    const channel = textChannel('general');
    for (const content of ['one', 'two', 'three']) await channel.send(content);
    const latest = await channel.messages.fetch({ limit: 2, cache: false });
    expect(latest.map((m) => m.content)).toEqual(['three', 'two']);
    const older = await channel.messages.fetch({ before: latest.last()?.id, cache: false });
    expect(older.map((m) => m.content)).toEqual(['one']);
  });

  it('given a message to a forum channel itself, then the answer is 50008', async () => {
    await expect(harness.client.rest.post(Routes.channelMessages(harness.discord.channelId('forum')), { body: { content: 'x' } })).rejects.toMatchObject({ code: 50008 });
  });

  it('given an unknown route, then the answer is 404 {"message":"404: Not Found","code":0} as JSON', async () => {
    const response = await fetch(`${harness.discord.apiBase}/v10/nothing/here`, { headers: { authorization: `Bot ${harness.discord.token}` } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
  });
});
