import { DiscordAPIError, EmbedBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextInteraction, startBot, type BotHarness } from './helpers/bot-harness.js';
import { sampleCommands } from './helpers/commands.js';

const isCommand = (i: unknown): i is ChatInputCommandInteraction => (i as ChatInputCommandInteraction).isChatInputCommand();

/** Runs /ping and hands back the interaction for the test to answer. */
async function ping(harness: BotHarness): Promise<ChatInputCommandInteraction> {
  harness.discord.interact.slashCommand({ name: 'ping' });
  return nextInteraction(harness.client, isCommand);
}

async function rejection(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}

describe('Discord message limits, answered like the real API', () => {
  let harness: BotHarness;

  beforeEach(async () => {
    harness = await startBot({ commands: sampleCommands() });
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('given a reply over 2000 characters, then discord.js rejects with DiscordAPIError[50035] and the exact errors object', async () => {
    const interaction = await ping(harness);
    const error = await rejection(interaction.reply('x'.repeat(2001)));
    expect(error.name).toBe('DiscordAPIError[50035]');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid Form Body\ndata.content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.');
    expect(error.rawError).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } } },
    });
    expect(harness.discord.requestsTo('POST', /\/callback/)).toHaveLength(1);
  });

  it('given the failed reply, then the interaction is still unanswered and a valid reply within 3 s succeeds', async () => {
    const interaction = await ping(harness);
    await rejection(interaction.reply('x'.repeat(2001)));
    await interaction.reply('short enough');
    expect(harness.discord.channelMessages('general').map((m) => m.content)).toEqual(['short enough']);
  });

  it('given an embed title over 256 characters, then the error points at data.embeds[0].title', async () => {
    const interaction = await ping(harness);
    const embed = { title: 't'.repeat(257), description: 'ok' };
    const error = await rejection(interaction.reply({ embeds: [embed] }));
    expect(error.message).toBe('Invalid Form Body\ndata.embeds[0].title[BASE_TYPE_MAX_LENGTH]: Must be 256 or fewer in length.');
  });

  it('given embeds totalling over 6000 characters, then the answer is MAX_EMBED_SIZE_EXCEEDED on data.embeds', async () => {
    const interaction = await ping(harness);
    const embeds = [new EmbedBuilder().setDescription('a'.repeat(4000)), new EmbedBuilder().setDescription('b'.repeat(2001))];
    const error = await rejection(interaction.reply({ embeds }));
    expect(error.rawError).toMatchObject({
      errors: { data: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] } } },
    });
  });

  it('given an embed with 26 fields, then the error is on data.embeds[0].fields', async () => {
    const interaction = await ping(harness);
    const fields = Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const error = await rejection(interaction.reply({ embeds: [{ title: 'many', fields }] }));
    expect(error.message).toBe('Invalid Form Body\ndata.embeds[0].fields[BASE_TYPE_MAX_LENGTH]: Must be 25 or fewer in length.');
  });

  it('given an empty reply, then the answer is 50006 Cannot send an empty message', async () => {
    const interaction = await ping(harness);
    const error = await rejection(interaction.reply({ content: '' }));
    expect(error.code).toBe(50006);
    expect(error.message).toBe('Cannot send an empty message');
  });

  it('given a channel message over 2000 characters, then the path has no data prefix', async () => {
    const channel = harness.client.channels.cache.get(harness.discord.channelId('briefings'));
    if (!channel?.isSendable()) throw new Error('not sendable');
    const error = await rejection(channel.send('y'.repeat(2001)));
    expect(error.message).toBe('Invalid Form Body\ncontent[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.');
    expect(error.url).toContain('/channels/');
  });

  it('given allowed_mentions that parse users and list users, then the answer is the exclusivity error', async () => {
    const interaction = await ping(harness);
    const userId = harness.discord.userId('member');
    const error = await rejection(interaction.reply({ content: `<@${userId}>`, allowedMentions: { parse: ['users'], users: [userId] } }));
    expect(error.rawError).toMatchObject({ errors: { data: { allowed_mentions: { _errors: [{ code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE' }] } } } });
  });

  it('given allowed_mentions with parse [], then the reply records no pings and keeps what was sent', async () => {
    const { discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    await interaction.reply({ content: `hi <@${discord.userId('member')}>`, allowedMentions: { parse: [] } });
    const { message } = await handle.response();
    expect(message?.data.mentions).toEqual([]);
    expect(message?.allowedMentions).toEqual({ parse: [] });
  });
});
