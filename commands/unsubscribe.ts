/** /unsubscribe: stop posting in a channel. */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/command-module.js';
import { renderUnsubscribed } from '../src/render/subscription-messages.js';
import { requireDelivery, requirePermission } from './delivery-context.js';
import { POSTABLE_CHANNEL_TYPES } from './subscribe.js';

export const data = new SlashCommandBuilder()
  .setName('unsubscribe')
  .setDescription("Stop posting briefings in a channel")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true).addChannelTypes(...POSTABLE_CHANNEL_TYPES))
  .addStringOption((o) => o.setName('mode').setDescription('Only this kind (default: both)').addChoices({ name: 'new briefings', value: 'new' }, { name: 'daily digest', value: 'digest' }));

export const unsubscribe: CommandModule = {
  data,
  usage: '/unsubscribe channel:#channel [mode:<new|digest>]',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'channels');
    const channel = interaction.options.getChannel('channel', true);
    const mode = (interaction.options.getString('mode') ?? undefined) as 'new' | 'digest' | undefined;
    const removed = await requireDelivery(ctx).subscriptions.unsubscribe(guildId, channel.id, mode);
    await respond.send(renderUnsubscribed(removed, channel.id), { ephemeral: true });
  },
};
