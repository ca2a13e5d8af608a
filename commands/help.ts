/** /help: what the bot does and how to call each command. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderHelp } from '../src/render/index.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What Lumen Briefings does and how to use it');

/** Built by the loader once every command is known, so /help lists exactly what is registered. */
export function helpCommand(all: () => readonly CommandModule[]): CommandModule {
  return {
    data,
    usage: '/help',
    async execute(_interaction, respond) {
      const commands = all().map((c) => ({ name: c.data.name, description: c.data.toJSON().description, usage: c.usage }));
      await respond.sendAll(renderHelp(commands), { ephemeral: true });
    },
  };
}
