import { SlashCommandBuilder, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

/** A small command set exercising every option type the emulator resolves. */
export function sampleCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    new SlashCommandBuilder().setName('ping').setDescription('Replies with pong').toJSON(),
    new SlashCommandBuilder()
      .setName('brief')
      .setDescription('Posts a briefing')
      .addStringOption((o) => o.setName('topic').setDescription('Topic').setRequired(true).setAutocomplete(true))
      .addChannelOption((o) => o.setName('channel').setDescription('Where to post'))
      .addRoleOption((o) => o.setName('audience').setDescription('Who to notify'))
      .addUserOption((o) => o.setName('analyst').setDescription('Who wrote it'))
      .addAttachmentOption((o) => o.setName('file').setDescription('Briefing file'))
      .toJSON(),
    new SlashCommandBuilder()
      .setName('admin')
      .setDescription('Admin tools')
      .setDefaultMemberPermissions('0')
      .addSubcommand((s) => s.setName('publish').setDescription('Publishes').addIntegerOption((o) => o.setName('count').setDescription('How many').setMinValue(1).setMaxValue(10)))
      .toJSON(),
  ];
}
