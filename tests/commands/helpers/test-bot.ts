/**
 * A LumenBot with test-only command modules on a fresh LocalDiscord (real clock, so Discord's 3 s
 * deadline is real, unless a test gives a shorter one): for the router's deferral, error and
 * logging behaviour, which no real command is slow or broken enough to show.
 */
import { SlashCommandBuilder } from 'discord.js';
import { Memory } from 'lowdb';
import type { CommandModule } from '../../../src/discord/command-module.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import type { RouterOptions } from '../../../src/discord/interaction-router.js';
import { LumenBot } from '../../../src/discord/lumen-bot.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { createLogger } from '../../../src/log.js';
import type { MessagePayload } from '../../../src/render/index.js';
import { SearchService } from '../../../src/search/index.js';
import { LocalDiscord, type LocalDiscordOptions } from '../../../src/sandbox/emulator/index.js';
import type { ArchiveFile } from '../../../src/store/archive.schema.js';
import { LowdbBriefingArchive } from '../../../src/store/lowdb-briefing-archive.js';
import { LogLines } from './e2e.js';

export const textPayload = (text: string): MessagePayload => ({ embeds: [{ description: text }], components: [] });

/** A command module named `name` whose handler is `execute`. */
export function testCommand(name: string, execute: CommandModule['execute']): CommandModule {
  return { data: new SlashCommandBuilder().setName(name).setDescription(`test command ${name}`), usage: `/${name}`, execute };
}

export interface TestBot {
  discord: LocalDiscord;
  bot: LumenBot;
  log: LogLines;
  stop(): Promise<void>;
}

/**
 * Starts an emulator, deploys `commands` to its guild, and starts a LumenBot answering them.
 * `emulator` shortens the real-time deadline (`interactionDeadlineMs`) to go with a shorter `router.deferAfterMs`.
 */
export async function startTestBot(commands: CommandModule[], router: RouterOptions = {}, emulator: LocalDiscordOptions = {}): Promise<TestBot> {
  const discord = await LocalDiscord.start(emulator);
  const log = new LogLines();
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => log.lines.push(line) }, secrets: [discord.token] });
  try {
    const archive = await LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>());
    const search = await SearchService.open(archive);
    await deployCommands({ token: discord.token, commands, guildId: discord.guildId, api: discord.apiBase });
    const bot = await LumenBot.start({
      token: discord.token,
      restApi: discord.apiBase,
      commands,
      context: { library: search.view, clock: new ManualClock('2026-11-25T09:00:00.000Z'), logger },
      logger,
      router,
    });
    const stop = async (): Promise<void> => {
      await bot.stop();
      await search.close();
      await discord.close();
    };
    return { discord, bot, log, stop };
  } catch (error) {
    await discord.close();
    throw error;
  }
}
