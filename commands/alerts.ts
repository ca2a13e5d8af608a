/** /alerts: names the channel where the bot tells this server's admins what needs them. */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserFacingError, type CommandModule } from '../src/discord/command-module.js';
import { missingPermissionsIn } from '../src/discord/channel-permissions.js';
import { renderAlertsSet } from '../src/render/alert-messages.js';
import { requireDelivery, requirePermission } from './delivery-context.js';

export const data = new SlashCommandBuilder()
  .setName('alerts')
  .setDescription('Where the bot reports what needs an admin (rejected files, paused subscriptions…)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) => o.setName('channel').setDescription('The channel for alerts').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));

export const alerts: CommandModule = {
  data,
  usage: '/alerts channel:#channel',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'server', 'choose where alerts go');
    const delivery = requireDelivery(ctx);
    const channel = interaction.options.getChannel('channel', true);
    const guildChannel = interaction.guild?.channels.cache.get(channel.id);
    const missing = missingPermissionsIn(guildChannel, interaction.client, { kind: 'digest' });
    if (!guildChannel || missing.length > 0) {
      throw new UserFacingError(`I cannot post alerts in #${channel.name}: I am missing ${missing.length > 0 ? missing.join(', ') : 'View Channel'} there. Grant it, then try again.`);
    }
    await delivery.alerts.configure(guildId, channel.id, interaction.user.id);
    await respond.send(renderAlertsSet(channel.id), { ephemeral: true });
  },
};
