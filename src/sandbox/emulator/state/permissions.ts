import { PermissionFlagsBits } from 'discord-api-types/v10';

/** Every permission bit Discord defines: what an administrator or the guild owner has. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** A channel permission overwrite: type 0 for a role, 1 for a member. */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** What the permission calculation needs to know about a member and the guild. */
export interface PermissionSubject {
  userId: string;
  roleIds: readonly string[];
  guildId: string;
  ownerId: string;
  /** Role id to role permissions; the @everyone role's id is the guild id. */
  rolePermissions: ReadonlyMap<string, bigint>;
}

/** Guild-level permissions: @everyone plus the member's roles; owner and administrators get all (DOCS `topics/permissions`). */
export function basePermissions(subject: PermissionSubject): bigint {
  if (subject.userId === subject.ownerId) return ALL_PERMISSIONS;
  let permissions = subject.rolePermissions.get(subject.guildId) ?? 0n;
  for (const roleId of subject.roleIds) permissions |= subject.rolePermissions.get(roleId) ?? 0n;
  return (permissions & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
}

/**
 * Channel permissions, applying overwrites in Discord's order: @everyone, then all of the member's
 * roles together, then the member. Without VIEW_CHANNEL nothing else applies.
 */
export function channelPermissions(subject: PermissionSubject, overwrites: readonly PermissionOverwrite[]): bigint {
  const base = basePermissions(subject);
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  let permissions = base;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === subject.guildId);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && subject.roleIds.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const member = overwrites.find((o) => o.type === 1 && o.id === subject.userId);
  if (member) permissions = (permissions & ~member.deny) | member.allow;
  return (permissions & PermissionFlagsBits.ViewChannel) === 0n ? 0n : permissions;
}

/** Whether `permissions` has every bit of `required`. */
export function has(permissions: bigint, required: bigint): boolean {
  return (permissions & required) === required;
}

/** Permissions a fresh server gives @everyone (close to Discord's defaults). */
export const DEFAULT_EVERYONE_PERMISSIONS = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'EmbedLinks',
  'AttachFiles',
  'AddReactions',
  'UseExternalEmojis',
  'UseExternalStickers',
  'MentionEveryone',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'CreateInstantInvite',
  'ChangeNickname',
  'Connect',
  'Speak',
  'UseVAD',
  'SendPolls',
  'UseExternalApps',
].reduce((all, name) => all | PermissionFlagsBits[name as keyof typeof PermissionFlagsBits], 0n);

/** What the bot's managed role holds: what an invite with the usual text scopes grants. */
export const DEFAULT_BOT_PERMISSIONS = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'ManageThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'AddReactions',
].reduce((all, name) => all | PermissionFlagsBits[name as keyof typeof PermissionFlagsBits], 0n);
