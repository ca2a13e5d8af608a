/**
 * Registers the slash commands with one bulk overwrite: guild-scoped while developing (instant),
 * global for production (may take up to an hour to show everywhere).
 */
import { REST, Routes, type APIApplication, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { CommandModule } from './command-module.js';

export interface DeployOptions {
  token: string;
  commands: readonly CommandModule[];
  /** Register in this guild only; omit for global commands. */
  guildId?: string;
  /** discord.js's REST base option; the local emulator's in the sandbox and tests. */
  api?: string;
}

export interface DeployResult {
  applicationId: string;
  scope: 'global' | 'guild';
  names: string[];
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(options.api ? { api: options.api } : {}).setToken(options.token);
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  const body: RESTPostAPIApplicationCommandsJSONBody[] = options.commands.flatMap((c) => [c.data.toJSON(), ...(c.messageCommand ? [c.messageCommand.data.toJSON()] : [])]);
  const route = options.guildId ? Routes.applicationGuildCommands(application.id, options.guildId) : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { applicationId: application.id, scope: options.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
