/**
 * What the bot needs in a channel to deliver there, checked against discord.js's cached
 * permissions (kept current by the gateway's CHANNEL_UPDATE, GUILD_ROLE_UPDATE and member
 * events): /subscribe checks it before accepting, delivery before every post, the reply router
 * before answering.
 */
import { ChannelType, PermissionFlagsBits, type Channel, type Client } from 'discord.js';
import type { PostPurpose } from '../delivery/poster.js';

/** The permissions a post of `purpose` needs in a channel of `type`, with the names Discord's UI uses. */
export function neededPermissions(type: ChannelType, purpose: PostPurpose): [bigint, string][] {
  const forum = type === ChannelType.GuildForum;
  const needed: [bigint, string][] = [
    [PermissionFlagsBits.ViewChannel, 'View Channel'],
    [PermissionFlagsBits.SendMessages, forum ? 'Create Posts' : 'Send Messages'],
    // Without it Discord drops the embeds, and an embed-only post fails as empty.
    [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  ];
  if (purpose.kind === 'new' && !forum) {
    needed.push([PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'], [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads']);
  }
  if (purpose.mentionEveryone) needed.push([PermissionFlagsBits.MentionEveryone, 'Mention @everyone, @here and All Roles']);
  return needed;
}

/**
 * The permissions the bot lacks in `channel` for `purpose`, by name; empty when it has them all
 * or when the cache cannot tell (the post itself will then say, as before).
 */
export function missingPermissionsIn(channel: Channel | undefined, client: Client, purpose: PostPurpose): string[] {
  return missingFrom(channel, client, (type) => neededPermissions(type, purpose));
}

/**
 * What the bot lacks to answer a member's message in `channel` (a reply to one of its messages,
 * src/discord/reply-router.ts): Send Messages, or Send Messages in Threads in a thread, and Embed
 * Links, the answer being an embed. Empty when it has them or the cache cannot tell.
 */
export function missingToAnswerIn(channel: Channel | undefined, client: Client): string[] {
  return missingFrom(channel, client, () => [
    channel?.isThread() ? [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'] : [PermissionFlagsBits.SendMessages, 'Send Messages'],
    [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  ]);
}

function missingFrom(channel: Channel | undefined, client: Client, needed: (type: ChannelType) => [bigint, string][]): string[] {
  if (!channel || channel.isDMBased() || !client.user) return [];
  const permissions = channel.permissionsFor(client.user);
  if (!permissions) return [];
  const missing = needed(channel.type).filter(([bit]) => !permissions.has(bit));
  // Without View Channel nothing else applies: naming the rest would only confuse.
  if (missing.some(([bit]) => bit === PermissionFlagsBits.ViewChannel)) return ['View Channel'];
  return missing.map(([, name]) => name);
}
