import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  StringSelectMenuBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextInteraction, startBot, type BotHarness } from './helpers/bot-harness.js';
import { sampleCommands } from './helpers/commands.js';

const isCommand = (i: unknown): i is ChatInputCommandInteraction => (i as ChatInputCommandInteraction).isChatInputCommand();

describe('interactions through a real discord.js client', () => {
  let harness: BotHarness;

  beforeEach(async () => {
    harness = await startBot({ commands: sampleCommands() });
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('given a slash command, then the client receives it and its reply is recorded as the interaction callback', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping', user: 'member', channel: 'briefings' });
    const interaction = await nextInteraction(client, isCommand);
    expect(interaction.commandName).toBe('ping');
    expect(interaction.channelId).toBe(discord.channelId('briefings'));
    expect(interaction.user.username).toBe('member');
    expect(interaction.guildId).toBe(discord.guildId);
    expect(interaction.locale).toBe('en-US');
    await interaction.reply('pong');
    const response = await handle.response();
    expect(response).toMatchObject({ type: 4 });
    expect(response.message?.content).toBe('pong');
    expect(response.message?.data).toMatchObject({ type: 20, webhook_id: discord.applicationId, interaction_metadata: { id: handle.id, name: 'ping' } });
    const [callback] = discord.requestsTo('POST', /^\/interactions\/\d+\/[\w-]+\/callback/);
    expect(callback).toMatchObject({ status: 204, authorized: false, body: { type: 4, data: { content: 'pong' } } });
    expect(callback?.path).toContain('with_response=false');
    expect(discord.channelMessages('briefings').map((m) => m.content)).toEqual(['pong']);
  });

  it('given an ephemeral reply, then the recorded message has flag 64 and stays out of channel history', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    await interaction.reply({ content: 'only you', flags: MessageFlags.Ephemeral });
    const { message } = await handle.response();
    expect(message?.flags).toBe(64);
    expect(message?.ephemeral).toBe(true);
    expect(discord.channelMessages('general')).toEqual([]);
    expect(discord.channelMessages('general', { includeEphemeral: true })).toHaveLength(1);
  });

  it('given deferReply then editReply, then a loading placeholder becomes the final message', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const deferred = await handle.response();
    expect(deferred.type).toBe(5);
    expect(deferred.message?.loading).toBe(true);
    await interaction.editReply('done thinking');
    const original = handle.original();
    expect(original?.content).toBe('done thinking');
    expect(original?.loading).toBe(false);
    expect(original?.ephemeral).toBe(true);
    const [edit] = discord.requestsTo('PATCH', /\/messages\/@original$/);
    expect(edit).toMatchObject({ status: 200, authorized: false });
  });

  it('given a followUp after a reply, then the follow-up is a separate message on the interaction', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    await interaction.reply('first');
    const followUp = await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
    expect(followUp.id).toMatch(/^\d{17,19}$/);
    const messages = await handle.waitForMessages(2);
    expect(messages.map((m) => [m.content, m.ephemeral])).toEqual([
      ['first', false],
      ['second', true],
    ]);
    expect(discord.requestsTo('POST', /^\/webhooks\/\d+\/[\w-]+\?wait=true$/)).toHaveLength(1);
  });

  it('given options of every resolvable type, then the client reads resolved channel, role, user and a downloadable attachment', async () => {
    const { client, discord } = harness;
    discord.interact.slashCommand({
      name: 'brief',
      options: { topic: 'Sahel', channel: 'briefings', audience: 'Analysts', analyst: 'analyst' },
      attachments: { file: { filename: 'brief.md', data: '# Sahel\nA briefing.' } },
    });
    const interaction = await nextInteraction(client, isCommand);
    expect(interaction.options.getString('topic')).toBe('Sahel');
    expect(interaction.options.getChannel('channel')?.id).toBe(discord.channelId('briefings'));
    expect(interaction.options.getRole('audience')?.name).toBe('Analysts');
    expect(interaction.options.getUser('analyst')?.username).toBe('analyst');
    expect(interaction.options.getMember('analyst')).not.toBeNull();
    const file = interaction.options.getAttachment('file');
    expect(file?.name).toBe('brief.md');
    const body = await (await fetch(file?.url ?? '')).text();
    expect(body).toBe('# Sahel\nA briefing.');
    expect(interaction.memberPermissions?.has('Administrator')).toBe(true);
    expect(interaction.appPermissions.has('SendMessages')).toBe(true);
    await interaction.reply('ok');
  });

  it('given a subcommand with default_member_permissions "0", then an admin can run it and a plain member cannot', async () => {
    const { client, discord } = harness;
    expect(() => discord.interact.slashCommand({ name: 'admin publish', user: 'member' })).toThrow(/cannot use \/admin/);
    discord.interact.slashCommand({ name: 'admin publish', options: { count: 3 } });
    const interaction = await nextInteraction(client, isCommand);
    expect(interaction.options.getSubcommand()).toBe('publish');
    expect(interaction.options.getInteger('count')).toBe(3);
    await interaction.reply('published');
  });

  it('given an autocomplete request, then the emulator returns the choices the bot responded with', async () => {
    const { client, discord } = harness;
    const choices = discord.interact.autocomplete({ name: 'brief', options: { topic: 'sa' }, focused: 'topic' });
    const interaction = await nextInteraction(client, (i): i is AutocompleteInteraction => i.isAutocomplete());
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'topic', value: 'sa' });
    await interaction.respond([
      { name: 'Sahel', value: 'sahel' },
      { name: 'Saudi Arabia', value: 'saudi-arabia' },
    ]);
    expect(await choices).toEqual([
      { name: 'Sahel', value: 'sahel' },
      { name: 'Saudi Arabia', value: 'saudi-arabia' },
    ]);
  });

  it('given a button on a reply, when a user clicks it and the bot calls update(), then the message is edited in place', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const command = await nextInteraction(client, isCommand);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary));
    await command.reply({ content: 'page 1', components: [row] });
    const { message } = await handle.response();
    const click = discord.interact.clickButton({ message: message!, customId: 'more', user: 'member' });
    const button = await nextInteraction(client, (i): i is ButtonInteraction => i.isButton());
    expect(button.customId).toBe('more');
    expect(button.message.id).toBe(message?.id);
    await button.update({ content: 'page 2', components: [] });
    const update = await click.response();
    expect(update.type).toBe(7);
    expect(message?.content).toBe('page 2');
    expect(message?.components).toEqual([]);
    expect(message?.revisions.map((r) => r.content)).toEqual(['page 1']);
  });

  it('given a button click answered with deferUpdate and editReply, then @original is the clicked message', async () => {
    const { client, discord } = harness;
    const channel = client.channels.cache.get(discord.channelId('general'));
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('refresh').setLabel('Refresh').setStyle(ButtonStyle.Secondary));
    const sent = await channel.send({ content: 'v1', components: [row] });
    const click = discord.interact.clickButton({ message: sent.id, customId: 'refresh' });
    const button = await nextInteraction(client, (i): i is ButtonInteraction => i.isButton());
    await button.deferUpdate();
    expect((await click.response()).type).toBe(6);
    await button.editReply({ content: 'v2' });
    expect(discord.messages.get(sent.id)?.content).toBe('v2');
    expect(click.original()?.id).toBe(sent.id);
  });

  it('given a string select on a channel message, when values are picked, then the bot sees them and update() edits the message', async () => {
    const { client, discord } = harness;
    const channel = client.channels.cache.get(discord.channelId('briefings'));
    if (!channel?.isSendable()) throw new Error('briefings is not sendable');
    const select = new StringSelectMenuBuilder()
      .setCustomId('region')
      .setPlaceholder('Pick a region')
      .setMaxValues(2)
      .addOptions({ label: 'Sahel', value: 'sahel' }, { label: 'Levant', value: 'levant' }, { label: 'Andes', value: 'andes' });
    const sent = await channel.send({ content: 'Regions', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)] });
    const handle = discord.interact.selectMenu({ message: sent.id, customId: 'region', values: ['sahel', 'andes'] });
    const picked = await nextInteraction(client, (i): i is StringSelectMenuInteraction => i.isStringSelectMenu());
    expect(picked.values).toEqual(['sahel', 'andes']);
    await picked.update({ content: `Chosen: ${picked.values.join(', ')}`, components: [] });
    await handle.response();
    expect(discord.messages.get(sent.id)?.content).toBe('Chosen: sahel, andes');
    expect(() => discord.interact.selectMenu({ message: sent.id, customId: 'region', values: ['x'] })).toThrow(/no component|does not offer/);
  });

  it('given fetchReply and deleteReply, then GET and DELETE of @original reach the recorded reply', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    await interaction.reply('to be removed');
    const fetched = await interaction.fetchReply();
    expect(fetched.id).toBe(handle.original()?.id);
    await interaction.deleteReply();
    expect(handle.original()?.deleted).toBe(true);
    expect(discord.channelMessages('general')).toEqual([]);
    expect(handle.record.events.map((e) => e.kind)).toEqual(['callback', 'delete']);
  });

  it('given a reply with a file, then the upload is recorded as an attachment the emulator serves', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    await interaction.reply({ content: 'report attached', files: [{ attachment: Buffer.from('col1,col2\n1,2\n'), name: 'report.csv', description: 'Numbers' }] });
    const { message } = await handle.response();
    const [attachment] = message?.attachments ?? [];
    expect(attachment).toMatchObject({ filename: 'report.csv', size: 14, description: 'Numbers' });
    expect(await (await fetch(attachment?.url ?? '')).text()).toBe('col1,col2\n1,2\n');
    const [callback] = discord.requestsTo('POST', /\/callback/);
    expect(callback?.files).toEqual([{ field: 'files[0]', filename: 'report.csv', contentType: expect.any(String), size: 14 }]);
  });

  it('given autocomplete choices over the limits, then respond() rejects with 50035 on data.choices', async () => {
    const { client, discord } = harness;
    const pending = discord.interact.autocomplete({ name: 'brief', options: { topic: '' }, focused: 'topic' }).catch(() => undefined);
    const interaction = await nextInteraction(client, (i): i is AutocompleteInteraction => i.isAutocomplete());
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    await expect(interaction.respond(choices)).rejects.toThrow('data.choices[BASE_TYPE_MAX_LENGTH]: Must be 25 or fewer in length.');
    await expect(interaction.respond([{ name: 'n'.repeat(101), value: 'v' }])).rejects.toThrow(
      'data.choices[0].name[BASE_TYPE_BAD_LENGTH]: Must be between 1 and 100 in length.',
    );
    await interaction.respond([{ name: 'fine', value: 'fine' }]);
    expect(await pending).toEqual([{ name: 'fine', value: 'fine' }]);
  });

  it('given a listener on the emulator, then message and request events arrive as the bot acts', async () => {
    const { client, discord } = harness;
    const seen: string[] = [];
    discord.on('message', (message) => seen.push(`message:${message.content}`));
    discord.on('messageUpdate', (message) => seen.push(`update:${message.content}`));
    discord.on('request', (request) => seen.push(`request:${request.method}`));
    discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    await interaction.reply('hello');
    await interaction.editReply('hello again');
    expect(seen).toEqual(['message:hello', 'request:POST', 'update:hello again', 'request:PATCH']);
  });

  it('given withResponse, then the callback answers 200 with the interaction callback object', async () => {
    const { client, discord } = harness;
    const handle = discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(client, isCommand);
    const response = await interaction.reply({ content: 'with response', withResponse: true });
    expect(response.interaction.id).toBe(handle.id);
    expect(response.resource?.message?.content).toBe('with response');
    const [callback] = discord.requestsTo('POST', /\/callback\?with_response=true$/);
    expect(callback?.status).toBe(200);
  });
});
