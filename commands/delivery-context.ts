/**
 * What the subscription and publishing commands share: their services, and the permission
 * check Discord's default_member_permissions already makes, made again in the handler (an
 * admin can re-grant a command to anyone in Server Settings, and the handler must not trust that).
 */
import { PermissionFlagsBits, type ChatInputCommandInteraction, type MessageComponentInteraction } from 'discord.js';
import { UserFacingError, type CommandContext, type DeliveryServices } from '../src/discord/command-module.js';

export function requireDelivery(ctx: CommandContext): DeliveryServices {
  if (!ctx.delivery) throw new UserFacingError('Subscriptions are not available on this bot.');
  return ctx.delivery;
}

export function requirePermission(interaction: ChatInputCommandInteraction | MessageComponentInteraction, which: 'channels' | 'server', action = 'publish briefings'): string {
  const guildId = interaction.guildId;
  if (!guildId) throw new UserFacingError('This works only in a server channel.');
  const permissions = interaction.memberPermissions;
  const allowed =
    permissions?.has(PermissionFlagsBits.ManageGuild) === true || (which === 'channels' && permissions?.has(PermissionFlagsBits.ManageChannels) === true);
  if (!allowed) {
    throw new UserFacingError(which === 'channels' ? 'Only members with Manage Channels or Manage Server can change subscriptions.' : `Only members with Manage Server can ${action}.`);
  }
  return guildId;
}
