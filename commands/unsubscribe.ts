/** /unsubscribe: stop one subscription by its id, or a channel's after a confirmation listing them. */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserFacingError, type CommandModule } from '../src/discord/command-module.js';
import { BRAND_COLOR } from '../src/render/message-payload.js';
import { renderUnsubscribeConfirmation, renderUnsubscribed } from '../src/render/subscription-messages.js';
import { requireDelivery, requirePermission } from './delivery-context.js';
import { POSTABLE_CHANNEL_TYPES } from './subscribe.js';
import { requireSubscription, viewOf } from './subscription-views.js';

export const data = new SlashCommandBuilder()
  .setName('unsubscribe')
  .setDescription('Stop a subscription (by id), or all of a channel’s after you confirm')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) => o.setName('id').setDescription('The subscription’s id, as /subscriptions list shows it').setMaxLength(12))
  .addChannelOption((o) => o.setName('channel').setDescription('Or: every subscription of this channel').addChannelTypes(...POSTABLE_CHANNEL_TYPES))
  .addStringOption((o) => o.setName('mode').setDescription('With channel: only this kind').addChoices({ name: 'new briefings', value: 'new' }, { name: 'daily digest', value: 'digest' }));

export const unsubscribe: CommandModule = {
  data,
  usage: '/unsubscribe id:<id> | channel:#channel [mode:<new|digest>]',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'channels');
    const { subscriptions } = requireDelivery(ctx);
    const id = interaction.options.getString('id');
    const channel = interaction.options.getChannel('channel');
    const mode = (interaction.options.getString('mode') ?? undefined) as 'new' | 'digest' | undefined;
    if (id && channel) throw new UserFacingError('Give either `id` (one subscription) or `channel` (all of that channel’s), not both.');
    if (id) {
      if (mode) throw new UserFacingError('`mode` goes with `channel`; an id names one subscription already.');
      const sub = await requireSubscription(subscriptions, guildId, id);
      const removed = await subscriptions.remove(guildId, [sub.id]);
      await respond.send(renderUnsubscribed(removed.map((s) => viewOf(s))), { ephemeral: true });
      return;
    }
    if (!channel) throw new UserFacingError('Say which: `id:` (see `/subscriptions list`) or `channel:`.');
    const listed = (await subscriptions.inChannel(guildId, channel.id, mode)).map((s) => viewOf(s));
    await respond.send(renderUnsubscribeConfirmation(listed, channel.id, mode ?? 'all'), { ephemeral: true });
  },
  components: {
    async unsubscribe(interaction, action, respond, ctx) {
      if (action.kind !== 'unsubscribe') return;
      const guildId = requirePermission(interaction, 'channels');
      const { subscriptions } = requireDelivery(ctx);
      if (action.decision === 'cancel') {
        await respond.update({ embeds: [{ description: `Nothing removed: <#${action.channelId}> keeps its subscriptions.`, color: BRAND_COLOR }], components: [] });
        return;
      }
      const removed = await subscriptions.unsubscribe(guildId, action.channelId, action.mode === 'all' ? undefined : action.mode);
      await respond.update(renderUnsubscribed(removed.map((s) => viewOf(s)), action.channelId));
    },
  },
};
