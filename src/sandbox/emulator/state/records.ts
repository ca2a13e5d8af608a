import type { PermissionOverwrite } from './permissions.js';

/** A user the emulator knows: people who invoke commands, and the bot. */
export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

/** A guild role; the @everyone role has the guild's id. */
export interface RoleRecord {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  /** For a bot's managed role, the bot's user id. */
  botId?: string;
}

/** A guild member. */
export interface MemberRecord {
  userId: string;
  roleIds: string[];
  joinedAt: string;
  nick: string | null;
}

/** Thread state (DOCS `resources/channel` "Thread Metadata Object"). */
export interface ThreadMetadata {
  archived: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  locked: boolean;
  createTimestamp: string;
  invitable?: boolean;
}

/** A guild channel or thread. */
export interface ChannelRecord {
  id: string;
  type: number;
  name: string;
  guildId: string;
  parentId: string | null;
  position: number;
  topic: string | null;
  nsfw: boolean;
  overwrites: PermissionOverwrite[];
  lastMessageId: string | null;
  rateLimitPerUser: number;
  /** Present on threads. */
  thread?: ThreadMetadata;
  ownerId?: string;
  messageCount?: number;
  appliedTags?: string[];
}

/** Channel types the emulator models (DOCS `resources/channel` "Channel Types"). */
export const CHANNEL_TYPE = {
  text: 0,
  category: 4,
  announcement: 5,
  announcementThread: 10,
  publicThread: 11,
  privateThread: 12,
  forum: 15,
} as const;

/** Whether a channel type is a thread. */
export function isThreadType(type: number): boolean {
  return type === CHANNEL_TYPE.publicThread || type === CHANNEL_TYPE.privateThread || type === CHANNEL_TYPE.announcementThread;
}
