import { PermissionFlagsBits } from 'discord-api-types/v10';
import { ApiError } from '../api-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { botRoute, noContent, ok, type RouteDefinition } from '../rest/route.js';
import { apiChannel } from '../state/api-objects.js';
import { CHANNEL_DEFAULT_PARSE } from '../state/message-factory.js';
import { has } from '../state/permissions.js';
import { CHANNEL_TYPE, isThreadType } from '../state/records.js';
import { StoredMessage } from '../state/stored-message.js';
import { DISCORD_LIMITS, MESSAGE_FLAGS } from '../payload-limits.js';
import { validateMessage } from '../validation/validate-message.js';
import { botAuthor, queryLimit, querySnowflake, recordMessage, removeMessage, requireBotPermissions, requireChannel, reviseMessage, sendPermissionFor, storeUploads } from './route-helpers.js';

const TEXT_TYPES = new Set<number>([CHANNEL_TYPE.text, CHANNEL_TYPE.announcement, CHANNEL_TYPE.publicThread, CHANNEL_TYPE.privateThread, CHANNEL_TYPE.announcementThread]);

/** Channels and their messages (DOCS `resources/channel`, `resources/message`). */
export function channelRoutes(ctx: EmulatorContext): RouteDefinition[] {
  return [
    botRoute('GET', '/channels/:channel_id', ({ params }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      return ok(apiChannel(channel));
    }),

    botRoute('DELETE', '/channels/:channel_id', ({ params }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, isThreadType(channel.type) ? PermissionFlagsBits.ManageThreads : PermissionFlagsBits.ManageChannels);
      const body = apiChannel(channel);
      for (const removed of ctx.guild.deleteChannel(channel.id)) {
        ctx.messages.dropChannel(removed.id);
        ctx.dispatch(isThreadType(removed.type) ? 'THREAD_DELETE' : 'CHANNEL_DELETE', apiChannel(removed));
      }
      return ok(body);
    }),

    botRoute('GET', '/channels/:channel_id/messages', ({ params, query }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      const permissions = requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      const limit = queryLimit(query, 50, 100);
      const anchors = { before: querySnowflake(query, 'before'), after: querySnowflake(query, 'after'), around: querySnowflake(query, 'around') };
      // Without READ_MESSAGE_HISTORY Discord answers an empty list rather than an error.
      if (!has(permissions, PermissionFlagsBits.ReadMessageHistory)) return ok([]);
      const history = ctx.messages.history(channel.id, {
        limit,
        ...(anchors.before ? { before: anchors.before } : {}),
        ...(anchors.after ? { after: anchors.after } : {}),
        ...(anchors.around ? { around: anchors.around } : {}),
      });
      return ok(history.map((m) => m.data));
    }),

    botRoute('GET', '/channels/:channel_id/messages/:message_id', ({ params }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory);
      return ok(requireMessage(ctx, channel.id, params.message_id ?? '').data);
    }),

    botRoute('POST', '/channels/:channel_id/messages', ({ params, body, files }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      if (!TEXT_TYPES.has(channel.type)) throw new ApiError(50008);
      const permissions = requireBotPermissions(ctx, channel, sendPermissionFor(channel));
      const payload = validateMessage(body, { mode: 'create', fileCount: files.length, embedLinks: has(permissions, PermissionFlagsBits.EmbedLinks) });
      // enforce_nonce: a repeat within a few minutes answers the first message instead of posting again (DOCS MSG).
      const repeated = payload.enforce_nonce ? findByNonce(ctx, channel.id, payload.nonce) : undefined;
      if (repeated) return ok(repeated.data);
      const reference = payload.message_reference?.message_id;
      // A reply needs Read Message History in the channel (JSON error 160002).
      if (reference && !has(permissions, PermissionFlagsBits.ReadMessageHistory)) throw new ApiError(160002);
      const replied = reference ? ctx.messages.get(reference) : undefined;
      if (reference && !replied) {
        throw new ApiError(50035, { message_reference: { _errors: [{ code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' }] } });
      }
      // Channel messages cannot be ephemeral; Discord ignores the flag there.
      const data = ctx.factory.create({
        channelId: channel.id,
        payload: { ...payload, flags: (payload.flags ?? 0) & ~MESSAGE_FLAGS.ephemeral },
        uploads: storeUploads(ctx, files),
        author: botAuthor(ctx),
        type: reference ? 19 : 0,
        // A reply names the whole reference and carries the message it answers (DOCS MSG "Message Reference Object").
        ...(replied ? { extra: { message_reference: { type: 0, message_id: replied.id, channel_id: replied.data.channel_id, guild_id: ctx.guild.id }, referenced_message: replied.data } } : {}),
        defaultParse: CHANNEL_DEFAULT_PARSE,
      });
      return ok(recordMessage(ctx, new StoredMessage(data, 'channel', payload.allowed_mentions ?? null)).data);
    }),

    botRoute('PATCH', '/channels/:channel_id/messages/:message_id', ({ params, body, files }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      const permissions = requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      const message = requireMessage(ctx, channel.id, params.message_id ?? '');
      if (message.data.author.id !== ctx.guild.botUserId) throw new ApiError(50005);
      const payload = validateMessage(body, { mode: 'edit', embedLinks: has(permissions, PermissionFlagsBits.EmbedLinks) });
      const next = ctx.factory.edit(message.data, payload, storeUploads(ctx, files), CHANNEL_DEFAULT_PARSE);
      if (payload.allowed_mentions !== undefined) message.allowedMentions = payload.allowed_mentions;
      return ok(reviseMessage(ctx, message, next).data);
    }),

    botRoute('DELETE', '/channels/:channel_id/messages/:message_id', ({ params }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      const message = requireMessage(ctx, channel.id, params.message_id ?? '');
      if (message.data.author.id !== ctx.guild.botUserId) requireBotPermissions(ctx, channel, PermissionFlagsBits.ManageMessages);
      removeMessage(ctx, message);
      return noContent();
    }),
  ];
}

/** The bot's message in this channel with this nonce, posted within Discord's nonce window. */
function findByNonce(ctx: EmulatorContext, channelId: string, nonce: string | number | null | undefined): StoredMessage | undefined {
  if (nonce === undefined || nonce === null) return undefined;
  const since = ctx.now() - DISCORD_LIMITS.message.nonceWindowMs;
  return ctx.messages
    .inChannel(channelId)
    .find((m) => m.data.author.id === ctx.guild.botUserId && String(m.data.nonce) === String(nonce) && Date.parse(m.data.timestamp) >= since);
}

/** A visible message in that channel, or 404/10008. */
export function requireMessage(ctx: EmulatorContext, channelId: string, messageId: string): StoredMessage {
  const message = ctx.messages.get(messageId);
  if (!message || message.channelId !== channelId || message.ephemeral) throw new ApiError(10008);
  return message;
}
