/** /subscribe: post new briefings, or a daily digest, to a channel. */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type GuildBasedChannel } from 'discord.js';
import { UserFacingError, type CommandModule } from '../src/discord/command-module.js';
import { renderSubscribed } from '../src/render/subscription-messages.js';
import { requireDelivery, requirePermission } from './delivery-context.js';

export const POSTABLE_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;

export const data = new SlashCommandBuilder()
  .setName('subscribe')
  .setDescription('Post new briefings, or a daily digest, in a channel')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) => o.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(...POSTABLE_CHANNEL_TYPES))
  .addStringOption((o) =>
    o.setName('mode').setDescription('Each new briefing, or one digest a day').setRequired(true).addChoices({ name: 'new briefings', value: 'new' }, { name: 'daily digest', value: 'digest' }),
  )
  .addStringOption((o) => o.setName('time').setDescription('Digest time, HH:MM (default 08:00)').setMaxLength(5))
  .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin (default UTC)').setMaxLength(64))
  .addStringOption((o) => o.setName('topic').setDescription('Only briefings matching these words').setMaxLength(200))
  .addRoleOption((o) => o.setName('mention').setDescription('A role to ping on new briefings (and only it)'));

/** Whether the bot can post in `channel`: view it, send (or create forum posts), and open threads. */
export function missingBotPermissions(channel: GuildBasedChannel): string[] {
  const me = channel.guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions) return ['View Channel', 'Send Messages'];
  const needed: [bigint, string][] = [
    [PermissionFlagsBits.ViewChannel, 'View Channel'],
    [PermissionFlagsBits.SendMessages, channel.type === ChannelType.GuildForum ? 'Create Posts' : 'Send Messages'],
    [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  ];
  return needed.filter(([bit]) => !permissions.has(bit)).map(([, name]) => name);
}

export const subscribe: CommandModule = {
  data,
  usage: '/subscribe channel:#channel mode:<new|digest> [time:HH:MM] [timezone:<IANA>] [topic:<words>] [mention:<role>]',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'channels');
    const { subscriptions } = requireDelivery(ctx);
    const channel = interaction.options.getChannel('channel', true, [...POSTABLE_CHANNEL_TYPES]);
    const mode = interaction.options.getString('mode', true) as 'new' | 'digest';
    const guildChannel = interaction.guild?.channels.cache.get(channel.id);
    if (!guildChannel) throw new UserFacingError(`I cannot see #${channel.name}. Give me View Channel there, then try again.`);
    const missing = missingBotPermissions(guildChannel);
    if (missing.length > 0) throw new UserFacingError(`I cannot post in #${guildChannel.name}: I am missing ${missing.join(', ')} there. Grant them, then try again.`);
    const role = interaction.options.getRole('mention');
    if (role && mode !== 'new') throw new UserFacingError('`mention` works with `mode:new` only: digests never ping.');

    const result = await subscriptions.subscribe({
      guildId,
      channelId: channel.id,
      createdInChannelId: interaction.channelId,
      userId: interaction.user.id,
      mode,
      time: interaction.options.getString('time') ?? undefined,
      timezone: interaction.options.getString('timezone') ?? undefined,
      topic: interaction.options.getString('topic') ?? undefined,
      mentionRoleId: role?.id,
    });
    if (!result.ok) throw new UserFacingError(result.problem);
    const sub = result.subscription;
    await respond.send(renderSubscribed({ ...sub, nextRunAt: result.nextRunAt }, { resumed: result.change === 'resumed', since: new Date(sub.createdAt), owed: result.owed }), {
      ephemeral: true,
    });
  },
};
