/** /subscriptions: this server's subscriptions, their next run and their last delivery or error. */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderSubscriptionList } from '../src/render/subscription-messages.js';
import { requireDelivery, requirePermission } from './delivery-context.js';

export const data = new SlashCommandBuilder()
  .setName('subscriptions')
  .setDescription("This server's subscriptions, with their next run and last delivery")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild);

export const subscriptions: CommandModule = {
  data,
  usage: '/subscriptions',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'channels');
    const list = requireDelivery(ctx).subscriptions.list(guildId);
    await respond.sendAll(renderSubscriptionList(list.map(({ subscription, nextRunAt }) => ({ ...subscription, nextRunAt }))), { ephemeral: true });
  },
};
