import { DiscordAPIError, type ChatInputCommandInteraction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { nextInteraction, startBot, type BotHarness } from './helpers/bot-harness.js';
import { sampleCommands } from './helpers/commands.js';

const isCommand = (i: unknown): i is ChatInputCommandInteraction => (i as ChatInputCommandInteraction).isChatInputCommand();

/** A clock that only moves when told, for the 15-minute token lifetime. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = Date.now();
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('interaction deadlines', () => {
  let harness: BotHarness | undefined;

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('given a first reply after the deadline, then it fails with 404 / 10062 Unknown interaction', async () => {
    // The deadline is real time; a 300 ms one stands in for Discord's 3 s so the test does not sleep 3 s.
    harness = await startBot({ commands: sampleCommands(), emulator: { interactionDeadlineMs: 300 } });
    const handle = harness.discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const error = await interaction.reply('too late').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062, status: 404, message: 'Unknown interaction' });
    expect(handle.record.acknowledged).toBe(false);
    await expect(handle.response(10)).rejects.toThrow(/did not reach an initial response/);
  });

  it('given no deadline option, then the bot has Discord\'s 3000 ms', async () => {
    harness = await startBot({ commands: sampleCommands() });
    const handle = harness.discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    expect(handle.record.deadlineMs).toBe(3_000);
    await interaction.reply('in time');
  });

  it('given a second initial response, then it fails with 400 / 40060 already acknowledged', async () => {
    harness = await startBot({ commands: sampleCommands() });
    const handle = harness.discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    await interaction.reply('first');
    // discord.js guards against this itself, so go through its REST client the way a second process would.
    const again = harness.client.rest.post(`/interactions/${handle.id}/${handle.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false });
    await expect(again).rejects.toMatchObject({ code: 40060, status: 400, message: 'Interaction has already been acknowledged.' });
  });

  it('given 15 minutes pass on the injected clock, then edits and follow-ups fail with 401 / 50027 Invalid Webhook Token', async () => {
    const clock = manualClock();
    harness = await startBot({ commands: sampleCommands(), emulator: { now: clock.now } });
    harness.discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    await interaction.reply('fresh');
    clock.advance(14 * 60_000);
    await interaction.editReply('still fine at 14 minutes');
    clock.advance(60_001 + 1);
    await expect(interaction.editReply('too late')).rejects.toMatchObject({ code: 50027, status: 401, message: 'Invalid Webhook Token' });
    await expect(interaction.followUp('too late')).rejects.toMatchObject({ code: 50027 });
  });

  it('given a manual clock that stands still, then a reply late in real time is still refused: the deadline is real time', async () => {
    const clock = manualClock();
    harness = await startBot({ commands: sampleCommands(), emulator: { now: clock.now, interactionDeadlineMs: 300 } });
    const handle = harness.discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(interaction.deferReply()).rejects.toMatchObject({ code: 10062, status: 404 });
    expect(handle.record.acknowledged).toBe(false);
  });

  it('given the manual clock jumps ten minutes, then a prompt reply is accepted: simulated time does not make a bot late', async () => {
    const clock = manualClock();
    harness = await startBot({ commands: sampleCommands(), emulator: { now: clock.now, interactionDeadlineMs: 300 } });
    const handle = harness.discord.interact.slashCommand({ name: 'ping' });
    const interaction = await nextInteraction(harness.client, isCommand);
    clock.advance(10 * 60_000);
    await interaction.reply('just in time');
    expect((await handle.response()).type).toBe(4);
  });
});
