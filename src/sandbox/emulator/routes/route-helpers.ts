import { PermissionFlagsBits } from 'discord-api-types/v10';
import { ApiError } from '../api-error.js';
import { formError } from '../validation/form-errors.js';
import type { EmulatorContext } from '../emulator-context.js';
import type { UploadedFile } from '../rest/route.js';
import { apiMember } from '../state/api-objects.js';
import { has } from '../state/permissions.js';
import { isThreadType, type ChannelRecord } from '../state/records.js';
import type { ApiAttachment, StoredMessage } from '../state/stored-message.js';

/** A live channel, or 404/10003 (also for one deleted earlier). */
export function requireChannel(ctx: EmulatorContext, channelId: string): ChannelRecord {
  const channel = ctx.guild.channel(channelId);
  if (!channel) throw new ApiError(10003);
  return channel;
}

/**
 * Checks the bot's permissions in a channel like Discord: 403/50001 Missing Access when it cannot
 * view the channel, 403/50013 Missing Permissions when it can see it but lacks `required`.
 */
export function requireBotPermissions(ctx: EmulatorContext, channel: ChannelRecord, required: bigint): bigint {
  const permissions = ctx.guild.permissionsIn(ctx.guild.botUserId, channel.id);
  if (!has(permissions, PermissionFlagsBits.ViewChannel)) throw new ApiError(50001);
  if (!has(permissions, required)) throw new ApiError(50013);
  return permissions;
}

/** The permission a bot needs to post in a channel: threads have their own. */
export function sendPermissionFor(channel: ChannelRecord): bigint {
  return isThreadType(channel.type) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
}

/** The bot's user object, as message author. */
export function botAuthor(ctx: EmulatorContext): Record<string, unknown> {
  return ctx.guild.apiUser(ctx.guild.botUserId);
}

/** Stores `files[n]` uploads so their URLs serve the bytes. */
export function storeUploads(ctx: EmulatorContext, files: UploadedFile[]): ApiAttachment[] {
  return files
    .filter((f) => /^files\[\d+\]$/.test(f.field) || f.field.startsWith('file'))
    .map((f) => ctx.attachments.put({ filename: f.filename, data: f.data, contentType: f.contentType }));
}

/** Records a new message: store, `message` event, MESSAGE_CREATE (not for ephemeral ones), channel bookkeeping. */
export function recordMessage(ctx: EmulatorContext, message: StoredMessage): StoredMessage {
  ctx.messages.add(message);
  const channel = ctx.guild.channel(message.channelId);
  if (channel && !message.ephemeral) {
    channel.lastMessageId = message.id;
    if (isThreadType(channel.type)) channel.messageCount = (channel.messageCount ?? 0) + 1;
  }
  ctx.events.emit('message', message);
  if (!message.ephemeral) ctx.dispatch('MESSAGE_CREATE', withGuild(ctx, message));
  return message;
}

/** Records an edit: revision, `messageUpdate` event, MESSAGE_UPDATE. */
export function reviseMessage(ctx: EmulatorContext, message: StoredMessage, next: StoredMessage['data']): StoredMessage {
  message.revise(next);
  ctx.events.emit('messageUpdate', message);
  if (!message.ephemeral) ctx.dispatch('MESSAGE_UPDATE', withGuild(ctx, message));
  return message;
}

/** Records a deletion: `messageDelete` event, MESSAGE_DELETE. */
export function removeMessage(ctx: EmulatorContext, message: StoredMessage): void {
  message.deleted = true;
  ctx.events.emit('messageDelete', message);
  if (!message.ephemeral) ctx.dispatch('MESSAGE_DELETE', { id: message.id, channel_id: message.channelId, guild_id: ctx.guild.id });
}

/** Gateway message events carry guild_id and the author's member. */
function withGuild(ctx: EmulatorContext, message: StoredMessage): Record<string, unknown> {
  const member = ctx.guild.member(ctx.guild.botUserId);
  return { ...message.data, guild_id: ctx.guild.id, ...(member ? { member: apiMember(member, undefined) } : {}) };
}

/** Parses a `limit` query within `[1, max]`, defaulting like Discord; anything else is 400/50035 with the right code. */
export function queryLimit(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value)) throw new ApiError(50035, { limit: { _errors: [formError.invalidType('int')] } });
  if (value < 1) throw new ApiError(50035, { limit: { _errors: [formError.numberMin(1)] } });
  if (value > max) throw new ApiError(50035, { limit: { _errors: [formError.numberMax(max)] } });
  return value;
}

/** A snowflake query parameter (`before`, `after`, `around`), or 400/50035 like Discord; undefined when absent. */
export function querySnowflake(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^(0|[1-9]\d{0,19})$/.test(raw)) throw new ApiError(50035, { [name]: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: `Value "${raw}" is not snowflake.` }] } });
  return raw;
}
