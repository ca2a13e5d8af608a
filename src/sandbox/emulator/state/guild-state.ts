import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { SnowflakeGenerator } from '../snowflake.js';
import { apiUser } from './api-objects.js';
import { basePermissions, channelPermissions, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, type PermissionOverwrite, type PermissionSubject } from './permissions.js';
import { CHANNEL_TYPE, isThreadType, type ChannelRecord, type MemberRecord, type RoleRecord, type UserRecord } from './records.js';

/** A channel to add to the guild. */
export interface ChannelSpec {
  name: string;
  /** Channel type; 0 text (default), 4 category, 5 announcement, 15 forum. */
  type?: number;
  /** Parent category, by name or id. */
  parent?: string;
  topic?: string;
  overwrites?: PermissionOverwrite[];
}

/** A user to add, who joins the guild as a member. */
export interface UserSpec {
  username: string;
  globalName?: string;
  /** Role names or ids. */
  roles?: string[];
}

/**
 * The one guild the bot is in: users, members, roles, channels and threads, and the permission
 * calculation over them. It holds state only; LocalDiscord tells the gateway about changes.
 */
export class GuildState {
  readonly id: string;
  readonly name: string;
  readonly botUserId: string;
  ownerId = '';
  readonly #ids: SnowflakeGenerator;
  readonly #now: () => number;
  readonly #users = new Map<string, UserRecord>();
  readonly #members = new Map<string, MemberRecord>();
  readonly #roles = new Map<string, RoleRecord>();
  readonly #channels = new Map<string, ChannelRecord>();
  readonly #deleted = new Set<string>();

  constructor(options: { ids: SnowflakeGenerator; now: () => number; name: string; bot: { username: string } }) {
    this.#ids = options.ids;
    this.#now = options.now;
    this.name = options.name;
    this.id = this.#ids.next();
    this.#roles.set(this.id, this.#role(this.id, '@everyone', DEFAULT_EVERYONE_PERMISSIONS, 0));
    const bot = this.addUser({ username: options.bot.username }, true);
    this.botUserId = bot.id;
    const botRole = this.#role(this.#ids.next(), options.bot.username, DEFAULT_BOT_PERMISSIONS, 1, bot.id);
    this.#roles.set(botRole.id, botRole);
    this.#member(bot.id).roleIds.push(botRole.id);
  }

  /** Adds a user and makes them a member. */
  addUser(spec: UserSpec, bot = false): UserRecord {
    const user: UserRecord = { id: this.#ids.next(), username: spec.username, globalName: spec.globalName ?? (bot ? null : spec.username), bot };
    this.#users.set(user.id, user);
    const roleIds = (spec.roles ?? []).map((r) => this.resolveRoleId(r));
    this.#members.set(user.id, { userId: user.id, roleIds, joinedAt: new Date(this.#now()).toISOString(), nick: null });
    return user;
  }

  /** Adds a role below the bot's. */
  addRole(spec: { name: string; permissions?: bigint; color?: number; hoist?: boolean }): RoleRecord {
    const role = this.#role(this.#ids.next(), spec.name, spec.permissions ?? 0n, this.#roles.size, undefined, spec.color, spec.hoist);
    this.#roles.set(role.id, role);
    return role;
  }

  /** Adds a channel (or category, or forum). */
  addChannel(spec: ChannelSpec): ChannelRecord {
    const channel: ChannelRecord = {
      id: this.#ids.next(),
      type: spec.type ?? CHANNEL_TYPE.text,
      name: spec.name,
      guildId: this.id,
      parentId: spec.parent ? this.resolveChannelId(spec.parent) : null,
      position: this.channels().length,
      topic: spec.topic ?? null,
      nsfw: false,
      overwrites: spec.overwrites ? spec.overwrites.map((o) => ({ ...o })) : [],
      lastMessageId: null,
      rateLimitPerUser: 0,
    };
    this.#channels.set(channel.id, channel);
    return channel;
  }

  /** Stores a thread made by a route; threads share the id space of channels. */
  addThread(thread: ChannelRecord): void {
    this.#channels.set(thread.id, thread);
  }

  /** Deletes a channel and its threads; later requests to them answer 10003. Returns what was removed. */
  deleteChannel(id: string): ChannelRecord[] {
    const removed = [...this.#channels.values()].filter((c) => c.id === id || c.parentId === id);
    for (const channel of removed) {
      this.#channels.delete(channel.id);
      this.#deleted.add(channel.id);
    }
    return removed;
  }

  /** Sets (or clears, with both 0) a member overwrite on a channel. */
  setMemberOverwrite(channelId: string, userId: string, allow: bigint, deny: bigint): ChannelRecord {
    const channel = this.#mustChannel(channelId);
    channel.overwrites = channel.overwrites.filter((o) => !(o.type === 1 && o.id === userId));
    if (allow !== 0n || deny !== 0n) channel.overwrites.push({ id: userId, type: 1, allow, deny });
    return channel;
  }

  user(id: string): UserRecord | undefined {
    return this.#users.get(id);
  }

  member(userId: string): MemberRecord | undefined {
    return this.#members.get(userId);
  }

  role(id: string): RoleRecord | undefined {
    return this.#roles.get(id);
  }

  /** A live channel or thread; undefined once deleted. */
  channel(id: string): ChannelRecord | undefined {
    return this.#channels.get(id);
  }

  wasDeleted(id: string): boolean {
    return this.#deleted.has(id);
  }

  users(): UserRecord[] {
    return [...this.#users.values()];
  }

  roles(): RoleRecord[] {
    return [...this.#roles.values()];
  }

  /** Guild channels, without threads. */
  channels(): ChannelRecord[] {
    return [...this.#channels.values()].filter((c) => !isThreadType(c.type));
  }

  /** Threads, optionally only those under `parentId`. */
  threads(parentId?: string): ChannelRecord[] {
    return [...this.#channels.values()].filter((c) => isThreadType(c.type) && (parentId === undefined || c.parentId === parentId));
  }

  resolveUserId(nameOrId: string): string {
    return this.#resolve(nameOrId, this.#users, (u) => u.username, 'user');
  }

  resolveRoleId(nameOrId: string): string {
    return this.#resolve(nameOrId, this.#roles, (r) => r.name, 'role');
  }

  /** A channel by name (`#` optional) or id; threads count. */
  resolveChannelId(nameOrId: string): string {
    return this.#resolve(nameOrId.replace(/^#/, ''), this.#channels, (c) => c.name, 'channel');
  }

  /** Guild-wide permissions of a member. */
  guildPermissions(userId: string): bigint {
    return basePermissions(this.#subject(userId));
  }

  /** A member's permissions in a channel; threads use their parent's overwrites. */
  permissionsIn(userId: string, channelId: string): bigint {
    const channel = this.#mustChannel(channelId);
    const source = isThreadType(channel.type) && channel.parentId ? this.#mustChannel(channel.parentId) : channel;
    return channelPermissions(this.#subject(userId), source.overwrites);
  }

  /** Whether the member can see the channel. */
  canView(userId: string, channelId: string): boolean {
    return (this.permissionsIn(userId, channelId) & PermissionFlagsBits.ViewChannel) !== 0n;
  }

  /** All members, the bot included. */
  members(): MemberRecord[] {
    return [...this.#members.values()];
  }

  /** A user's API object (for authors, mentions, members). */
  apiUser(userId: string): Record<string, unknown> {
    const user = this.#users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    return apiUser(user);
  }

  #subject(userId: string): PermissionSubject {
    const member = this.#members.get(userId);
    const rolePermissions = new Map([...this.#roles.values()].map((r) => [r.id, r.permissions]));
    return { userId, roleIds: member?.roleIds ?? [], guildId: this.id, ownerId: this.ownerId, rolePermissions };
  }

  #member(userId: string): MemberRecord {
    const member = this.#members.get(userId);
    if (!member) throw new Error(`unknown member ${userId}`);
    return member;
  }

  #mustChannel(id: string): ChannelRecord {
    const channel = this.#channels.get(id);
    if (!channel) throw new Error(`unknown channel ${id}`);
    return channel;
  }

  #role(id: string, name: string, permissions: bigint, position: number, botId?: string, color = 0, hoist = false): RoleRecord {
    return { id, name, permissions, position, color, hoist, managed: botId !== undefined, mentionable: false, ...(botId ? { botId } : {}) };
  }

  #resolve<T>(nameOrId: string, map: Map<string, T>, nameOf: (item: T) => string, kind: string): string {
    if (map.has(nameOrId)) return nameOrId;
    for (const [id, item] of map) if (nameOf(item) === nameOrId) return id;
    throw new Error(`LocalDiscord: no ${kind} named or with id "${nameOrId}"`);
  }
}
