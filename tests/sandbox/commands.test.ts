import { ApplicationCommandOptionType, type ApplicationCommandData } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from './helpers/bot-harness.js';
import { sampleCommands } from './helpers/commands.js';

describe('application command registration', () => {
  let harness: BotHarness;

  beforeEach(async () => {
    harness = await startBot();
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('given a bulk overwrite, then the commands are stored and a second overwrite keeps the ids of unchanged names', async () => {
    const commands = harness.client.application!.commands;
    const first = await commands.set(sampleCommands());
    expect(first.map((c) => c.name).sort()).toEqual(['admin', 'brief', 'ping']);
    expect(harness.discord.requestsTo('PUT', /^\/applications\/\d+\/commands$/)[0]).toMatchObject({ status: 200, authorized: true });
    const pingId = first.find((c) => c.name === 'ping')?.id;
    const second = await commands.set([{ name: 'ping', description: 'Replies with pong, again' }]);
    expect(second.first()?.id).toBe(pingId);
    expect(harness.discord.commands.list('global').map((c) => c.name)).toEqual(['ping']);
    const fetched = await commands.fetch();
    expect(fetched.map((c) => c.description)).toEqual(['Replies with pong, again']);
  });

  it('given guild commands, then they are stored per guild and shadow a global command of the same name', async () => {
    await harness.client.application!.commands.set([{ name: 'ping', description: 'global' }]);
    const guild = harness.client.guilds.cache.get(harness.discord.guildId)!;
    await guild.commands.set([{ name: 'ping', description: 'guild' }]);
    expect(harness.discord.commands.list(harness.discord.guildId)).toHaveLength(1);
    const handle = harness.discord.interact.slashCommand({ name: 'ping' });
    expect((handle.record.payload.data as { guild_id?: string }).guild_id).toBe(harness.discord.guildId);
  });

  it('given a name with capitals and a space, then the overwrite fails with 0.name[APPLICATION_COMMAND_INVALID_NAME]', async () => {
    const bad: ApplicationCommandData[] = [{ name: 'Bad Name', description: 'x' }];
    await expect(harness.client.application!.commands.set(bad)).rejects.toThrow('Invalid Form Body\n0.name[APPLICATION_COMMAND_INVALID_NAME]: Command name is invalid');
  });

  it('given a long description, too many options and too many choices, then every error is reported at its path', async () => {
    const options = Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, description: 'd', type: ApplicationCommandOptionType.String as const }));
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    const error = await harness.client
      .application!.commands.set([
        { name: 'one', description: 'd'.repeat(101) },
        { name: 'two', description: 'ok', options },
        { name: 'three', description: 'ok', options: [{ name: 'pick', description: 'd', type: ApplicationCommandOptionType.String, choices }] },
      ])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 50035 });
    expect((error as Error).message.split('\n').slice(1)).toEqual([
      '0.description[BASE_TYPE_BAD_LENGTH]: Must be between 1 and 100 in length.',
      '1.options[BASE_TYPE_MAX_LENGTH]: Must be 25 or fewer in length.',
      '2.options[0].choices[BASE_TYPE_MAX_LENGTH]: Must be 25 or fewer in length.',
    ]);
    expect(harness.discord.commands.list('global')).toEqual([]);
  });
});
