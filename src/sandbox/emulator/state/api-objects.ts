import type { ChannelRecord, MemberRecord, RoleRecord, UserRecord } from './records.js';
import { CHANNEL_TYPE, isThreadType } from './records.js';

/**
 * Turn the emulator's records into the JSON objects Discord sends (snake_case, permissions as
 * decimal strings), so discord.js builds its structures from the same shapes as in production.
 */

/** A user object (DOCS `resources/user`). */
export function apiUser(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: user.bot ? '4821' : '0',
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** A role object (DOCS `topics/permissions` "Role Object"). */
export function apiRole(role: RoleRecord): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: role.mentionable,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

/** A guild member; `user` is omitted for the partial members of interaction `resolved` data. */
export function apiMember(member: MemberRecord, user: UserRecord | undefined, permissions?: bigint): Record<string, unknown> {
  return {
    ...(user ? { user: apiUser(user) } : {}),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
    ...(permissions === undefined ? {} : { permissions: permissions.toString() }),
  };
}

/** A channel object as GET /channels/{id} returns it; `permissions` is added inside interactions. */
export function apiChannel(channel: ChannelRecord, permissions?: bigint): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId,
    flags: 0,
    rate_limit_per_user: channel.rateLimitPerUser,
    last_message_id: channel.lastMessageId,
    nsfw: channel.nsfw,
    ...(permissions === undefined ? {} : { permissions: permissions.toString() }),
  };
  if (isThreadType(channel.type) && channel.thread) {
    const meta = channel.thread;
    return {
      ...base,
      owner_id: channel.ownerId,
      message_count: channel.messageCount ?? 0,
      total_message_sent: channel.messageCount ?? 0,
      member_count: 1,
      applied_tags: channel.appliedTags ?? [],
      thread_metadata: {
        archived: meta.archived,
        auto_archive_duration: meta.autoArchiveDuration,
        archive_timestamp: meta.archiveTimestamp,
        locked: meta.locked,
        create_timestamp: meta.createTimestamp,
        ...(meta.invitable === undefined ? {} : { invitable: meta.invitable }),
      },
    };
  }
  const guildChannel = {
    ...base,
    position: channel.position,
    permission_overwrites: channel.overwrites.map((o) => ({ id: o.id, type: o.type, allow: o.allow.toString(), deny: o.deny.toString() })),
    topic: channel.topic,
  };
  if (channel.type === CHANNEL_TYPE.forum) {
    return {
      ...guildChannel,
      available_tags: [],
      default_reaction_emoji: null,
      default_sort_order: null,
      default_forum_layout: 0,
      default_thread_rate_limit_per_user: 0,
      default_auto_archive_duration: 4320,
      template: '',
    };
  }
  return channel.type === CHANNEL_TYPE.text ? { ...guildChannel, default_auto_archive_duration: 4320 } : guildChannel;
}
