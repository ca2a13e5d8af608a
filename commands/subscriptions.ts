/**
 * /subscriptions list | test | history: this server's subscriptions (paged, with next run and
 * last outcome in words), a test post of one, and one's last deliveries with links.
 */
import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type SlashCommandStringOption,
} from 'discord.js';
import { UserFacingError, type CommandContext, type CommandModule, type DeliveryServices } from '../src/discord/command-module.js';
import type { InteractionResponder } from '../src/discord/interaction-responder.js';
import { BRAND_COLOR } from '../src/render/message-payload.js';
import { renderSubscriptionHistory, renderSubscriptionList } from '../src/render/subscription-list.js';
import { requireDelivery, requirePermission } from './delivery-context.js';
import { guildViews, requireSubscription, viewOf } from './subscription-views.js';

const idOption = (description: string) => (o: SlashCommandStringOption): SlashCommandStringOption => o.setName('id').setDescription(description).setRequired(true).setMaxLength(12);

export const data = new SlashCommandBuilder()
  .setName('subscriptions')
  .setDescription("This server's subscriptions: list them, test one, read one's history")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('list').setDescription('Every subscription, with its id, next run and last outcome'))
  .addSubcommand((s) => s.setName('test').setDescription('Post what its next delivery would look like, marked as a test').addStringOption(idOption('The subscription’s id')))
  .addSubcommand((s) => s.setName('history').setDescription('Its last deliveries, with outcomes and links').addStringOption(idOption('The subscription’s id')));

/** A link to a message the bot posted (a forum post's id is its thread's). */
const messageUrl = (guildId: string, channelId: string, messageId: string): string => `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;

async function testPost(interaction: ChatInputCommandInteraction | MessageComponentInteraction, respond: InteractionResponder, delivery: DeliveryServices, shortId: string): Promise<void> {
  const guildId = requirePermission(interaction, 'channels');
  const sub = await requireSubscription(delivery.subscriptions, guildId, shortId);
  const result = await delivery.testPost(sub);
  if (!result.ok) throw new UserFacingError(result.problem);
  const link = messageUrl(guildId, sub.channelId, result.messageId);
  const text = `🧪 Test post sent to <#${sub.channelId}> ([message](${link})). It is recorded as a test: the next real delivery still comes as planned.`;
  await respond.send({ embeds: [{ description: text, color: BRAND_COLOR }], components: [] }, { ephemeral: true });
}

export const subscriptions: CommandModule = {
  data,
  usage: '/subscriptions list | test id:<id> | history id:<id>',
  async execute(interaction, respond, ctx: CommandContext) {
    const guildId = requirePermission(interaction, 'channels');
    const delivery = requireDelivery(ctx);
    const sub = interaction.options.getSubcommand();
    if (sub === 'test') return testPost(interaction, respond, delivery, interaction.options.getString('id', true));
    if (sub === 'history') {
      const found = await requireSubscription(delivery.subscriptions, guildId, interaction.options.getString('id', true));
      const entries = (await delivery.subscriptions.history(found.id)).map((r) => ({
        at: r.at,
        outcome: r.outcome,
        slugs: r.slugs,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.test ? { test: true } : {}),
        ...(r.messageId ? { messageUrl: messageUrl(guildId, r.channelId, r.messageId) } : {}),
      }));
      const view = viewOf(found, (await delivery.subscriptions.list(guildId)).find((l) => l.subscription.id === found.id)?.nextRunAt);
      await respond.send(renderSubscriptionHistory(view, entries), { ephemeral: true });
      return;
    }
    await respond.send(renderSubscriptionList(await guildViews(delivery.subscriptions, guildId)), { ephemeral: true });
  },
  components: {
    async 'subscription-page'(interaction, action, respond, ctx) {
      if (action.kind !== 'subscription-page') return;
      const guildId = requirePermission(interaction, 'channels');
      await respond.update(renderSubscriptionList(await guildViews(requireDelivery(ctx).subscriptions, guildId), action.page));
    },
    async 'subscription-test'(interaction, action, respond, ctx) {
      if (action.kind !== 'subscription-test') return;
      await testPost(interaction, respond, requireDelivery(ctx), action.shortId);
    },
  },
};
