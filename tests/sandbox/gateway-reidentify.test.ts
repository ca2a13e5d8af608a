import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from './helpers/bot-harness.js';
import { sampleCommands } from './helpers/commands.js';

describe('gateway re-identify', () => {
  let harness: BotHarness | undefined;

  afterEach(async () => {
    await harness?.stop();
  });

  it('given op 9 INVALID_SESSION with d=false, then the client identifies again with a new session and keeps working', async () => {
    // discord.js would wait out Discord's identify rate limit (one per 5 s) with its own throttler;
    // this one lets every IDENTIFY through at once, so the test does not sleep for it.
    let identifies = 0;
    const noWait = { waitForIdentify: async (): Promise<void> => void identifies++ };
    harness = await startBot({ commands: sampleCommands(), client: { ws: { buildIdentifyThrottler: () => noWait } } });
    const { client, discord } = harness;
    client.on('interactionCreate', (interaction: Interaction) => {
      if (interaction.isChatInputCommand()) void (interaction as ChatInputCommandInteraction).reply('pong');
    });
    const [first] = discord.gateway.sessions;
    const ready = discord.gateway.waitFor('ready', (e) => e.sessionId !== first?.id, 12_000);
    discord.gateway.sendInvalidSession(false);
    const { sessionId } = await ready;
    expect(sessionId).not.toBe(first?.id);
    expect(discord.gateway.history.some((e) => e.type === 'close' && e.code === 1000)).toBe(true);
    expect(discord.gateway.sessions.map((s) => s.id)).toEqual([sessionId]);
    expect(identifies).toBe(2);
    const handle = discord.interact.slashCommand({ name: 'ping' });
    expect((await handle.response()).message?.content).toBe('pong');
  });
});
