import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { LocalDiscord } from '../../src/sandbox/emulator/index.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import { embedsOf, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

describe('given app.stop() while an interaction is in flight', () => {
  let sandbox: Sandbox;
  let log: LogLines;
  beforeAll(async () => {
    ({ sandbox, log } = await startLoggedSandbox());
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('then the one in flight still gets its answer, one arriving while it drains hears "restarting", and autocomplete gets no choices', async () => {
    // The first callback is held until the checks below are done, so /brief is still in flight when the stop begins.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = sandbox.discord.faults.inject({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, holdUntil: held, times: 1 });
    const inFlight = sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan-tariffs' } });
    while (slow.hits === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const stopping = sandbox.app.stop();

    const late = sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'red-sea-shipping' } });
    const refused = await log.finished(late.id);
    expect(refused.outcome).toBe('refused');
    expect(late.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(late.messages())).toContain('Lumen is restarting');
    const choices = await sandbox.discord.interact.autocomplete({ name: 'brief', focused: 'briefing', options: { briefing: 'japan' } });
    expect(choices).toEqual([]);
    expect(inFlight.record.acknowledged).toBe(false);

    release();
    await stopping;
    expect(log.summaryOf(inFlight.id)?.outcome).toBe('ok');
    expect(embedsOf(inFlight.original())[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(log.records().map((r) => r.msg)).toContain('bot stopped');
  });

  it('then a restarted bot on the same data answers again', async () => {
    await sandbox.restart();
    const handle = sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan-tariffs' } });
    expect((await log.finished(handle.id)).outcome).toBe('ok');
  });

  it('then through start, stop and restart the log never printed the bot token', () => {
    expect(log.lines.length).toBeGreaterThan(4);
    expect(log.lines.join('\n')).not.toContain(sandbox.discord.token);
  });
});

describe('given deployCommands', () => {
  let discord: LocalDiscord;
  beforeAll(async () => {
    discord = await LocalDiscord.start();
  });
  afterAll(async () => {
    await discord.close();
  });

  // Each slash command, followed by the message command its module also answers (ask: "Ask about this briefing").
  const names = loadCommands().flatMap((c) => [c.data.name, ...(c.messageCommand ? [c.messageCommand.data.name] : [])]);

  it('given a guild id, then every command is registered in that guild with one bulk PUT to the guild route', async () => {
    const result = await deployCommands({ token: discord.token, commands: loadCommands(), guildId: discord.guildId, api: discord.apiBase });
    expect(result).toEqual({ applicationId: discord.applicationId, scope: 'guild', names });
    const puts = discord.requestsTo('PUT', /\/commands$/);
    expect(puts.map((r) => [r.path, r.status])).toEqual([[`/applications/${discord.applicationId}/guilds/${discord.guildId}/commands`, 200]]);
    expect((puts[0]?.body as { name: string }[]).map((c) => c.name)).toEqual(names);
    expect(discord.commands.list(discord.guildId).map((c) => c.name)).toEqual(names);
    expect(discord.commands.list('global')).toEqual([]);
  });

  it('given no guild, then the commands are registered globally with one bulk PUT', async () => {
    discord.clearRequests();
    const result = await deployCommands({ token: discord.token, commands: loadCommands(), api: discord.apiBase });
    expect(result.scope).toBe('global');
    expect(discord.requestsTo('PUT', /\/commands$/).map((r) => r.path)).toEqual([`/applications/${discord.applicationId}/commands`]);
    expect(discord.commands.list('global').map((c) => c.name)).toEqual(names);
  });

  it('given a smaller set later, then the overwrite replaces the old set and keeps the ids of unchanged commands', async () => {
    const before = discord.commands.list(discord.guildId);
    const [brief, help] = [loadCommands()[0], loadCommands().at(-1)];
    await deployCommands({ token: discord.token, commands: [brief!, help!], guildId: discord.guildId, api: discord.apiBase });
    const after = discord.commands.list(discord.guildId);
    expect(after.map((c) => c.name)).toEqual(['brief', 'help']);
    expect(after[0]?.id).toBe(before.find((c) => c.name === 'brief')?.id);
  });

  it('given a wrong token, then it rejects with the 401 and registers nothing', async () => {
    const fresh = await LocalDiscord.start();
    try {
      await expect(deployCommands({ token: 'not-the-token', commands: loadCommands(), guildId: fresh.guildId, api: fresh.apiBase })).rejects.toMatchObject({ status: 401 });
      expect(fresh.commands.list(fresh.guildId)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
