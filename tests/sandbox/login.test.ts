import { ChannelType, Client, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LocalDiscord } from '../../src/sandbox/emulator/index.js';
import { startBot, type BotHarness } from './helpers/bot-harness.js';

describe('logging in to the local Discord', () => {
  let harness: BotHarness | undefined;
  let discord: LocalDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await harness?.stop();
    await client?.destroy();
    await discord?.close();
    harness = undefined;
    client = undefined;
    discord = undefined;
  });

  it('given a good token, then the client becomes ready and sees the sandbox guild with its channels and roles', async () => {
    harness = await startBot();
    const { client: bot, discord: emulator } = harness;
    expect(bot.isReady()).toBe(true);
    expect(bot.user?.id).toBe(emulator.botUserId);
    expect(bot.application?.id).toBe(emulator.applicationId);
    const guild = bot.guilds.cache.get(emulator.guildId);
    expect(guild?.name).toBe('Lumen Sandbox');
    const channels = guild?.channels.cache.map((c) => [c.name, c.type]);
    expect(channels).toEqual(
      expect.arrayContaining([
        ['general', ChannelType.GuildText],
        ['briefings', ChannelType.GuildText],
        ['analysts', ChannelType.GuildText],
        ['forum', ChannelType.GuildForum],
      ]),
    );
    expect(guild?.roles.cache.map((r) => r.name)).toEqual(expect.arrayContaining(['@everyone', 'Admin', 'Analysts']));
    expect(guild?.members.me?.id).toBe(emulator.botUserId);
    const [gatewayCall] = emulator.requests;
    expect(gatewayCall).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200, authorized: true });
  });

  it('given ids, then they are 17–19 digit snowflakes and names resolve to them', async () => {
    discord = await LocalDiscord.start();
    for (const id of [discord.guildId, discord.botUserId, discord.channelId('briefings'), discord.userId('admin'), discord.roleId('Analysts')]) {
      expect(id).toMatch(/^\d{17,19}$/);
    }
    expect(discord.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  });

  it('given a wrong token, then GET /gateway/bot answers 401 and login rejects with TokenInvalid', async () => {
    discord = await LocalDiscord.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
    await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(discord.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401, responseBody: { message: '401: Unauthorized', code: 0 } });
  });

  it('given the token is revoked between GET /gateway/bot and IDENTIFY, then the gateway closes 4004 and login fails', async () => {
    discord = await LocalDiscord.start();
    const emulator = discord;
    emulator.once('request', () => emulator.revokeToken());
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiBase } });
    const disconnected = new Promise<number>((resolve) => client?.once('shardDisconnect', (event) => resolve(event.code)));
    await expect(client.login(emulator.token)).rejects.toThrow('Authentication failed');
    expect(await disconnected).toBe(4004);
    expect(emulator.gateway.history.some((e) => e.type === 'server-close' && e.code === 4004)).toBe(true);
  });

  it('given a raw socket that identifies with a bad token, then HELLO comes first and the close code is 4004', async () => {
    discord = await LocalDiscord.start();
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    const hello = await new Promise<{ op: number; d: { heartbeat_interval: number } }>((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);
  });

  it('given privileged intents that are not enabled, then IDENTIFY closes 4014', async () => {
    discord = await LocalDiscord.start({ privilegedIntents: 0 });
    client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], rest: { api: discord.apiBase } });
    await expect(client.login(discord.token)).rejects.toThrow('Used disallowed intents');
  });

  it('given a short heartbeat interval, then every heartbeat is acknowledged and the client stays ready', async () => {
    harness = await startBot({ emulator: { heartbeatIntervalMs: 40 } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const beats = harness.discord.gateway.history.filter((e) => e.type === 'heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(harness.client.ws.ping).toBeGreaterThanOrEqual(0);
    expect(harness.client.isReady()).toBe(true);
  });
});
