/** /subscribe: post new briefings, or a daily digest, to a channel; several per channel, one per filter. */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserFacingError, type CommandModule } from '../src/discord/command-module.js';
import { missingPermissionsIn } from '../src/discord/channel-permissions.js';
import { renderSubscribed } from '../src/render/subscription-messages.js';
import { requireDelivery, requirePermission } from './delivery-context.js';
import { viewOf } from './subscription-views.js';

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
  .addStringOption((o) => o.setName('time').setDescription('Digest only: time of day, HH:MM (default 08:00)').setMaxLength(5))
  .addStringOption((o) => o.setName('timezone').setDescription('Digest only: IANA time zone, e.g. Europe/Berlin (default UTC)').setMaxLength(64))
  .addStringOption((o) => o.setName('topic').setDescription('Only briefings a search for these words finds').setMaxLength(200))
  .addStringOption((o) => o.setName('exclude').setDescription('Leave out briefings a search for these words finds').setMaxLength(200))
  .addRoleOption((o) => o.setName('mention').setDescription('New briefings only: a role to ping (and only it)'))
  .addStringOption((o) =>
    o
      .setName('everyone')
      .setDescription('New briefings only: ping @everyone or @here (needs Mention Everyone)')
      .addChoices({ name: '@everyone', value: 'everyone' }, { name: '@here', value: 'here' }),
  )
  .addStringOption((o) =>
    o
      .setName('format')
      .setDescription('New briefings only: card (default), compact, or the full briefing')
      .addChoices({ name: 'card', value: 'card' }, { name: 'compact: title, summary, key variables', value: 'compact' }, { name: 'full briefing', value: 'full' }),
  );

export const subscribe: CommandModule = {
  data,
  usage: '/subscribe channel:#channel mode:<new|digest> [time:HH:MM] [timezone:<IANA>] [topic:<words>] [exclude:<words>] [mention:<role>] [everyone:<@everyone|@here>] [format:<card|compact|full>]',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'channels');
    const { subscriptions } = requireDelivery(ctx);
    const channel = interaction.options.getChannel('channel', true, [...POSTABLE_CHANNEL_TYPES]);
    const mode = interaction.options.getString('mode', true) as 'new' | 'digest';
    const role = interaction.options.getRole('mention');
    // Picking the @everyone role pings nobody as a role mention: it must be asked for as such.
    if (role?.id === guildId) throw new UserFacingError('To ping everyone, use `everyone:@everyone` (or `everyone:@here`) instead of the @everyone role.');
    const everyone = (interaction.options.getString('everyone') ?? undefined) as 'everyone' | 'here' | undefined;
    const guildChannel = interaction.guild?.channels.cache.get(channel.id);
    if (!guildChannel) throw new UserFacingError(`I cannot see #${channel.name}. Give me View Channel there, then try again.`);
    const missing = missingPermissionsIn(guildChannel, interaction.client, { kind: mode, mentionEveryone: everyone !== undefined && mode === 'new' });
    if (missing.length > 0) throw new UserFacingError(`I cannot post in #${guildChannel.name}: I am missing ${missing.join(', ')} there. Grant them, then try again.`);

    const result = await subscriptions.subscribe({
      guildId,
      channelId: channel.id,
      createdInChannelId: interaction.channelId,
      userId: interaction.user.id,
      mode,
      time: interaction.options.getString('time') ?? undefined,
      timezone: interaction.options.getString('timezone') ?? undefined,
      topic: interaction.options.getString('topic') ?? undefined,
      excludeTopic: interaction.options.getString('exclude') ?? undefined,
      mentionRoleId: role?.id,
      mentionEveryone: everyone,
      format: (interaction.options.getString('format') ?? undefined) as 'card' | 'compact' | 'full' | undefined,
    });
    if (!result.ok) throw new UserFacingError(result.problem);
    const sub = result.subscription;
    await respond.send(renderSubscribed(viewOf(sub, result.nextRunAt), { change: result.change, since: new Date(sub.createdAt), owed: result.owed }), { ephemeral: true });
  },
};
