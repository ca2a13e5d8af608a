import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError, type CommandModule } from '../../src/discord/command-module.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { DEFAULT_DEFER_AFTER_MS } from '../../src/discord/interaction-router.js';
import { DISCORD_LIMITS } from '../../src/sandbox/emulator/index.js';
import { embedsOf, textOf, type LogRecord } from './helpers/e2e.js';
import { startTestBot, testCommand, textPayload, type TestBot } from './helpers/test-bot.js';

/** What the router must never show a user: a stack frame. */
const STACK_FRAME = /\n\s+at .+\(|\bat file:|node:internal|\.ts:\d+/;

describe('given the router with its default 2 s deferral, on an emulator that keeps real time', () => {
  let t: TestBot;
  let token: string;
  let commands: CommandModule[];
  beforeAll(async () => {
    commands = [
      testCommand('quick', (_i, respond) => respond.send(textPayload('quick answer'))),
      testCommand('boom', () => {
        throw new Error(`database exploded while holding ${token}`);
      }),
      testCommand('oops', () => {
        throw new UserFacingError('Pick another briefing.');
      }),
      testCommand('legacy', (_i, respond) =>
        respond.send({ embeds: [{ description: 'an old card' }], components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Old', custom_id: 'v0:open:japan' }] }] }),
      ),
    ];
    t = await startTestBot(commands);
    token = t.discord.token;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('then it defers after 2 s, a second inside Discord\'s 3 s deadline, the emulator keeping that deadline', () => {
    expect(DEFAULT_DEFER_AFTER_MS).toBe(2_000);
    expect(t.bot.router.deferAfterMs).toBe(DEFAULT_DEFER_AFTER_MS);
    expect(DISCORD_LIMITS.interaction.initialResponseMs).toBe(3_000);
    expect(DISCORD_LIMITS.interaction.initialResponseMs - DEFAULT_DEFER_AFTER_MS).toBeGreaterThanOrEqual(1_000);
    const handle = t.discord.interact.slashCommand({ name: 'quick' });
    expect(handle.record.deadlineMs).toBe(DISCORD_LIMITS.interaction.initialResponseMs);
    return t.log.finished(handle.id);
  });

  it('given a fast command, then it is answered directly, without a deferral', async () => {
    const handle = t.discord.interact.slashCommand({ name: 'quick' });
    await t.log.finished(handle.id);
    expect(handle.record.events.map((e) => [e.kind, e.callbackType])).toEqual([['callback', 4]]);
    expect(handle.record.events[0]?.at).toBeLessThan(handle.record.createdAt + 500);
  });

  it('given a handler that throws an unexpected error, then the user gets an ephemeral apology without a stack trace or the error text', async () => {
    const handle = t.discord.interact.slashCommand({ name: 'boom' });
    const summary = await t.log.finished(handle.id);
    expect(summary.outcome).toBe('error');
    const [reply] = handle.messages();
    expect(reply?.ephemeral).toBe(true);
    const text = textOf([reply as NonNullable<typeof reply>]);
    expect(text).toContain('Something went wrong on our side');
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toContain('database exploded');
    expect(text).not.toContain(token);
  });

  it('given a handler that throws, then the log has the command, the interaction id and the stack, and never the bot token', async () => {
    const handle = t.discord.interact.slashCommand({ name: 'boom' });
    await t.log.finished(handle.id);
    const failure = t.log.records().find((r) => r.level === 50 && r.interactionId === handle.id) as LogRecord;
    expect(failure).toMatchObject({ command: 'boom', interactionId: handle.id });
    expect(failure.err?.message).toContain('database exploded while holding <redacted>');
    expect(failure.err?.stack).toMatch(/at /);
    expect(t.log.lines.join('\n')).not.toContain(token);
  });

  it('given a user-facing error, then the user gets it ephemerally and the outcome is user-error', async () => {
    const handle = t.discord.interact.slashCommand({ name: 'oops' });
    const summary = await t.log.finished(handle.id);
    expect(summary.outcome).toBe('user-error');
    expect(handle.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(handle.messages())).toContain('Pick another briefing.');
    expect(t.log.records().filter((r) => r.level >= 50 && r.interactionId === handle.id)).toEqual([]);
  });

  it('given Discord rejects the reply, then the failure is logged without the interaction token and the user still gets the apology', async () => {
    t.discord.faults.inject({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, code: 10062, times: 1 });
    const handle = t.discord.interact.slashCommand({ name: 'quick' });
    const summary = await t.log.finished(handle.id);
    expect(summary.outcome).toBe('error');
    const failure = t.log.records().find((r) => r.level === 50 && r.interactionId === handle.id);
    expect(failure?.err?.message).toContain('Unknown interaction');
    const lines = t.log.lines.filter((l) => l.includes(handle.id)).join('\n');
    expect(lines).toContain(`/interactions/${handle.id}/<token>/callback`);
    expect(t.log.lines.join('\n')).not.toContain(handle.token);
    expect(textOf(handle.messages())).toContain('Something went wrong on our side');
  });

  it('given a button this bot version did not write, then the presser is told to run the command again', async () => {
    const card = t.discord.interact.slashCommand({ name: 'legacy' });
    await t.log.finished(card.id);
    const press = t.discord.interact.clickButton({ message: card.original() as NonNullable<ReturnType<typeof card.original>>, customId: 'v0:open:japan' });
    const summary = await t.log.finished(press.id);
    expect(summary).toMatchObject({ command: 'component:unknown', outcome: 'user-error' });
    expect(press.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(press.messages())).toContain('This button belongs to an older version of the bot');
  });

  it('given a registered command the bot no longer has, then the user is pointed to /help', async () => {
    const ghost = testCommand('ghost', async () => undefined);
    await deployCommands({ token, commands: [...commands, ghost], guildId: t.discord.guildId, api: t.discord.apiBase });
    const handle = t.discord.interact.slashCommand({ name: 'ghost' });
    const summary = await t.log.finished(handle.id);
    expect(summary.outcome).toBe('user-error');
    expect(handle.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(handle.messages())).toContain('This command is not available any more. Try /help.');
  });

  it('then every interaction has one structured log line: command, guild, latency and outcome', () => {
    const lines = t.log.records().filter((r) => r.msg === 'interaction');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 30, guild: t.discord.guildId });
      expect(typeof line.command).toBe('string');
      expect(typeof line.interactionId).toBe('string');
      expect(line.latencyMs).toBeGreaterThanOrEqual(0);
      expect(['ok', 'user-error', 'error', 'refused']).toContain(line.outcome);
    }
  });
});

/*
 * The deferral in real time, scaled down: a 300 ms threshold against a 1 s emulator deadline keeps
 * the default's proportions (threshold, then the deferral's flight, inside the deadline) without
 * waiting 2 s. The slow handler is held until the deferral has landed, so it is slower than the
 * threshold by construction, not by a sleep.
 */
describe('given a router deferring after 300 ms, on an emulator whose real-time deadline is 1 s', () => {
  const DEFER_MS = 300;
  const DEADLINE_MS = 1_000;
  let t: TestBot;
  let release: () => void = () => undefined;
  beforeAll(async () => {
    const slow = testCommand('slow', async (_i, respond) => {
      await new Promise<void>((resolve) => (release = resolve));
      await respond.send(textPayload('slow answer'));
    });
    t = await startTestBot([slow], { deferAfterMs: DEFER_MS }, { interactionDeadlineMs: DEADLINE_MS });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('given a command slower than that, then the emulator sees a type-5 deferral inside the deadline, then the edit with the answer', async () => {
    const handle = t.discord.interact.slashCommand({ name: 'slow' });
    const deferred = new Promise<void>((resolve) => t.discord.on('interactionResponse', (record) => record.id === handle.id && resolve()));
    await deferred;
    release();
    const summary = await t.log.finished(handle.id, 6_000);
    expect(summary).toMatchObject({ command: 'slow', outcome: 'ok' });
    const [first, second] = handle.record.events;
    expect(first).toMatchObject({ kind: 'callback', callbackType: 5 });
    expect((first?.at ?? Infinity) - handle.record.createdAt).toBeLessThan(DEADLINE_MS);
    expect((first?.at ?? 0) - handle.record.createdAt).toBeGreaterThanOrEqual(DEFER_MS - 100);
    expect(second).toMatchObject({ kind: 'edit' });
    expect(embedsOf(handle.original())[0]?.description).toBe('slow answer');
    expect(handle.original()?.loading).toBe(false);
    expect(t.discord.requests.filter((r) => r.status >= 400)).toEqual([]);
    const line = t.log.records().find((r) => r.msg === 'interaction' && r.interactionId === handle.id);
    expect(line?.latencyMs).toBeGreaterThanOrEqual(DEFER_MS);
  });
});

describe('given a deferral still on its way when the handler finishes', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(
      [
        testCommand('edge', async (_i, respond) => {
          await sleep(200);
          await respond.send(textPayload('edge answer'));
        }),
        testCommand('secret', async (_i, respond) => {
          await sleep(150);
          await respond.send(textPayload('for your eyes only'), { ephemeral: true });
        }),
      ],
      { deferAfterMs: 50 },
    );
  });
  afterAll(async () => {
    await t.stop();
  });

  it('then the answer waits for the deferral and fills it, instead of racing it into 40060 "already acknowledged"', async () => {
    const callback = /^\/interactions\/\d+\/[^/]+\/callback$/;
    // The deferral (sent at 50 ms) lands at ~350 ms; an answer sent meanwhile would land after it.
    t.discord.faults.inject({ method: 'POST', path: callback, delayMs: 300, times: 1 });
    const late = t.discord.faults.inject({ method: 'POST', path: callback, delayMs: 300, times: 1 });
    const handle = t.discord.interact.slashCommand({ name: 'edge' });
    const summary = await t.log.finished(handle.id);
    late.cancel();
    expect(summary.outcome).toBe('ok');
    expect(handle.record.events.map((e) => [e.kind, e.callbackType])).toEqual([
      ['callback', 5],
      ['edit', undefined],
    ]);
    expect(embedsOf(handle.original())[0]?.description).toBe('edge answer');
    expect(t.discord.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('given a deferred reply whose answer is ephemeral, then the public "thinking" placeholder is deleted and only the user sees the answer', async () => {
    const handle = t.discord.interact.slashCommand({ name: 'secret' });
    const summary = await t.log.finished(handle.id);
    expect(summary.outcome).toBe('ok');
    expect(handle.record.events.map((e) => [e.kind, e.callbackType])).toEqual([
      ['callback', 5],
      ['delete', undefined],
      ['followup', undefined],
    ]);
    expect(handle.original()?.deleted).toBe(true);
    const [answer] = handle.followups();
    expect(answer?.ephemeral).toBe(true);
    expect(embedsOf(answer)[0]?.description).toBe('for your eyes only');
    expect(t.discord.channelMessages('general').map((m) => m.id)).not.toContain(answer?.id);
  });
});
