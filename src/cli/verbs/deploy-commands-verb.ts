import { loadCommands } from '../../../commands/index.js';
import { deployCommands } from '../../discord/deploy-commands.js';
import { EXIT_FAILURE, EXIT_OK, writeText } from '../cli-io.js';
import { requireConfig } from '../open-archive.js';
import { UsageError, writeJson, type Verb } from '../verb.js';

export const deployCommandsVerb: Verb = {
  name: 'deploy-commands',
  summary: "Register the bot's slash commands with Discord (bulk overwrite)",
  help: `Usage: lumen deploy-commands [--guild ID | --global] [--json]

Registers every command in one bulk overwrite. Guild-scoped commands (--guild ID, or
DISCORD_GUILD_ID) show up at once: use them while developing. Global commands (--global, or no
guild configured) reach every server the bot is in, and may take a while to appear.
Needs DISCORD_TOKEN.

Options:
  --guild ID   register in this server only
  --global     register globally even when DISCORD_GUILD_ID is set
  --json       print { applicationId, scope, names }`,
  options: { guild: { type: 'string' }, global: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, name: '' },
  async run({ values }, io) {
    const config = requireConfig(io);
    const { discordToken, discordGuildId } = config;
    if (!discordToken) {
      writeText(io.stderr, 'DISCORD_TOKEN: not set. Put the bot token in .env (see .env.example) to register commands.\n');
      return EXIT_FAILURE;
    }
    const guild = values['global'] ? undefined : ((values['guild'] as string | undefined) ?? discordGuildId);
    if (values['guild'] !== undefined && values['global']) throw new UsageError('--guild and --global cannot go together');
    if (guild !== undefined && !/^\d{17,20}$/.test(guild)) throw new UsageError(`--guild must be a server id (17–20 digits), got "${guild}"`);
    try {
      const result = await deployCommands({ token: discordToken, commands: loadCommands(), guildId: guild });
      if (values['json']) writeJson(io, result);
      else writeText(io.stdout, `Registered ${result.names.length} ${result.scope} commands: ${result.names.map((n) => `/${n}`).join(' ')}\n`);
      return EXIT_OK;
    } catch (error) {
      writeText(io.stderr, `Could not register the commands: ${(error as Error).message.split(discordToken).join('<token>')}\n`);
      return EXIT_FAILURE;
    }
  },
};
