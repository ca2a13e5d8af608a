/**
 * A real server's first hour, with the local emulator standing in for Discord: the README's
 * "Run it on Discord" steps (import the samples, register the commands, start the bot with a
 * token) leave a bot that answers; skipping the import leaves one that says how briefings get in.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../../commands/index.js';
import type { LumenApp } from '../../src/app/lumen-app.js';
import { startDiscordBot, EMPTY_ARCHIVE_WARNING } from '../../src/cli/start-bot.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { createLogger } from '../../src/log.js';
import { EMPTY_ARCHIVE_MESSAGE } from '../../src/render/user-error.js';
import { LocalDiscord } from '../../src/sandbox/emulator/index.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { embedsOf, LogLines, settle, textOf } from './helpers/e2e.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

let stopAll: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopAll?.();
  stopAll = undefined;
});

/** `npx lumen deploy-commands --guild …` then `npm start` with a DISCORD_TOKEN, against the emulator. */
async function startLikeTheReadme(dataDir: string): Promise<{ discord: LocalDiscord; app: LumenApp; log: LogLines }> {
  const discord = await LocalDiscord.start();
  const loaded = loadConfig({ LUMEN_DATA_DIR: dataDir, DISCORD_TOKEN: discord.token }, REPO);
  if (!loaded.ok) throw new Error(loaded.message);
  const log = new LogLines();
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => log.lines.push(line) }, secrets: [discord.token] });
  await deployCommands({ token: discord.token, commands: loadCommands(), guildId: discord.guildId, api: discord.apiBase });
  const app = await startDiscordBot({ ...loaded.config, discordToken: discord.token }, logger, { restApi: discord.apiBase });
  stopAll = async () => {
    await app.stop();
    await discord.close();
  };
  return { discord, app, log };
}

describe('given a fresh data directory and the README\'s Discord steps', () => {
  it('given npx lumen import data/samples first, then the started bot answers /brief japan-tariffs with the briefing', async () => {
    const dataDir = await tempDataDir();
    const imported = await runLumen(['import', 'data/samples'], { dataDir, cwd: REPO });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^17 imported, 0 updated, 0 unchanged, 0 rejected\b/);
    const { discord, log } = await startLikeTheReadme(dataDir);
    expect(log.records().some((r) => r.msg === EMPTY_ARCHIVE_WARNING)).toBe(false);

    const { messages, summary } = await settle(log, discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan-tariffs' } }));
    expect(summary.outcome).toBe('ok');
    expect(messages[0]?.ephemeral).toBe(false);
    expect(embedsOf(messages[0])[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    const choices = await discord.interact.autocomplete({ name: 'brief', focused: 'briefing', options: { briefing: 'japan' } });
    expect(choices.map((c) => c.value)).toContain('japan-tariffs');
  });

  it('given no import, then the bot warns at start, and /brief, /search and /ask say how briefings get in', async () => {
    const { discord, log } = await startLikeTheReadme(await tempDataDir());
    const warning = log.records().find((r) => r.msg === EMPTY_ARCHIVE_WARNING);
    expect(warning?.level).toBe(40);
    expect(EMPTY_ARCHIVE_WARNING).toContain('npx lumen import data/samples');

    const choices = await discord.interact.autocomplete({ name: 'brief', focused: 'briefing', options: { briefing: 'jap' } });
    expect(choices).toEqual([{ name: 'No briefings yet: an admin can add one with /publish', value: 'none' }]);

    const asks: { name: string; options: Record<string, string> }[] = [
      { name: 'brief', options: { briefing: 'japan-tariffs' } },
      { name: 'brief', options: { briefing: 'none' } },
      { name: 'search', options: { query: 'tariffs' } },
      { name: 'ask', options: { question: 'Will Washington revisit car tariffs?' } },
    ];
    for (const input of asks) {
      const { messages, summary } = await settle(log, discord.interact.slashCommand(input));
      expect(summary.outcome, input.name).toBe('user-error');
      expect(messages[0]?.ephemeral).toBe(true);
      const text = textOf(messages);
      expect(text, input.name).toContain(EMPTY_ARCHIVE_MESSAGE);
      expect(text).toContain('/publish');
      expect(text).toContain('npx lumen import');
      expect(text).not.toMatch(/No briefing is called|No briefing matches/);
    }
  });
});
