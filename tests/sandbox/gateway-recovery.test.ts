import { Status, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from './helpers/bot-harness.js';
import { sampleCommands } from './helpers/commands.js';

/** A bot that answers /ping with pong, as a real one would from its handler. */
function answerPings(interaction: Interaction): void {
  if (interaction.isChatInputCommand() && interaction.commandName === 'ping') void (interaction as ChatInputCommandInteraction).reply('pong');
}

describe('gateway recovery with a real discord.js client', () => {
  let harness: BotHarness;

  beforeEach(async () => {
    harness = await startBot({ commands: sampleCommands() });
    harness.client.on('interactionCreate', answerPings);
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('given a dropped socket, then the client resumes with session_id and seq, gets the missed dispatches, and answers an interaction sent while away', async () => {
    const { client, discord } = harness;
    const [session] = discord.gateway.sessions;
    const seqBefore = session?.seq ?? 0;
    const resumed = discord.gateway.waitFor('resumed');
    const clientResumed = new Promise<void>((resolve) => client.once('shardResume', () => resolve()));
    expect(discord.gateway.dropSocket()).toBe(1);
    discord.addChannel({ name: 'while-away' });
    const handle = discord.interact.slashCommand({ name: 'ping' });
    await resumed;
    await clientResumed;
    const resume = discord.gateway.history.find((e) => e.type === 'resume');
    expect(resume).toMatchObject({ sessionId: session?.id, seq: seqBefore, replayed: 2, path: '/gateway-resume' });
    const response = await handle.response();
    expect(response.message?.content).toBe('pong');
    expect(client.channels.cache.some((c) => 'name' in c && c.name === 'while-away')).toBe(true);
    expect(client.ws.status).toBe(Status.Ready);
    expect(discord.gateway.history.filter((e) => e.type === 'identify')).toHaveLength(1);
  });

  it('given op 7 RECONNECT, then the client closes with 4200 and resumes the same session', async () => {
    const { discord } = harness;
    const [session] = discord.gateway.sessions;
    const resumed = discord.gateway.waitFor('resumed');
    discord.gateway.sendReconnect();
    await resumed;
    expect(discord.gateway.history.some((e) => e.type === 'close' && e.code === 4200)).toBe(true);
    expect(discord.gateway.history.find((e) => e.type === 'resume')?.sessionId).toBe(session?.id);
    const handle = discord.interact.slashCommand({ name: 'ping' });
    expect((await handle.response()).message?.content).toBe('pong');
  });

  it('given op 9 INVALID_SESSION with d=true, then the client resumes on the same socket', async () => {
    const { discord } = harness;
    const [session] = discord.gateway.sessions;
    const resumed = discord.gateway.waitFor('resumed');
    discord.gateway.sendInvalidSession(true);
    const handle = discord.interact.slashCommand({ name: 'ping' });
    await resumed;
    expect(discord.gateway.history.filter((e) => e.type === 'open')).toHaveLength(1);
    expect(discord.gateway.history.find((e) => e.type === 'resume')).toMatchObject({ sessionId: session?.id, path: '/gateway' });
    expect((await handle.response()).message?.content).toBe('pong');
  });

  it('given a RESUME for an unknown session, then the gateway answers op 9 d=false', async () => {
    const { discord } = harness;
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    const frames: Array<{ op: number; d: unknown }> = [];
    const invalid = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { op: number; d: unknown };
        frames.push(frame);
        if (frame.op === 10) socket.send(JSON.stringify({ op: 6, d: { token: discord.token, session_id: 'nope', seq: 1 } }));
        if (frame.op === 9) resolve();
      }),
    );
    await invalid;
    expect(frames.at(-1)).toEqual({ op: 9, d: false, s: null, t: null });
    socket.terminate();
  });
});
