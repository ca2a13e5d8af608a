import { PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { MESSAGE_FLAGS, DISCORD_LIMITS } from '../payload-limits.js';
import { botRoute, type RestResponse, type RouteDefinition } from '../rest/route.js';
import { apiChannel } from '../state/api-objects.js';
import { CHANNEL_DEFAULT_PARSE } from '../state/message-factory.js';
import { has } from '../state/permissions.js';
import { CHANNEL_TYPE, type ChannelRecord } from '../state/records.js';
import { StoredMessage } from '../state/stored-message.js';
import { list, snowflake, text } from '../validation/discord-zod.js';
import { formError, FormErrors } from '../validation/form-errors.js';
import { validateMessage } from '../validation/validate-message.js';
import { requireMessage } from './channel-routes.js';
import { botAuthor, recordMessage, requireBotPermissions, requireChannel, reviseMessage, storeUploads } from './route-helpers.js';

const ThreadBodySchema = z.looseObject({
  name: text(DISCORD_LIMITS.thread.name, 1),
  auto_archive_duration: z.literal([60, 1440, 4320, 10080]).nullish(),
  // Only thread types: 10 announcement, 11 public, 12 private (the spec's CreateTextThreadWithoutMessageRequest).
  type: z.literal([CHANNEL_TYPE.announcementThread, CHANNEL_TYPE.publicThread, CHANNEL_TYPE.privateThread]).nullish(),
  invitable: z.boolean().nullish(),
  rate_limit_per_user: z.number().int().min(0).max(21600).nullish(),
  applied_tags: list(snowflake, DISCORD_LIMITS.thread.appliedTags).nullish(),
  message: z.unknown().optional(),
});

type ThreadBody = z.infer<typeof ThreadBodySchema>;

/** Threads from a message, threads without one, and forum posts (DOCS `resources/channel` "Start Thread…"). */
export function threadRoutes(ctx: EmulatorContext): RouteDefinition[] {
  return [
    botRoute('POST', '/channels/:channel_id/messages/:message_id/threads', ({ params, body }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      if (channel.type !== CHANNEL_TYPE.text && channel.type !== CHANNEL_TYPE.announcement) throw new ApiError(50024);
      requireBotPermissions(ctx, channel, PermissionFlagsBits.CreatePublicThreads);
      const message = requireMessage(ctx, channel.id, params.message_id ?? '');
      if (ctx.guild.channel(message.id)) throw new ApiError(160004);
      const input = parseThreadBody(body);
      // A thread started from a message takes the message's id (DOCS `topics/threads`).
      const type = channel.type === CHANNEL_TYPE.announcement ? CHANNEL_TYPE.announcementThread : CHANNEL_TYPE.publicThread;
      const thread = createThread(ctx, channel, input, type, message.id);
      reviseMessage(ctx, message, { ...message.data, flags: message.data.flags | MESSAGE_FLAGS.hasThread, thread: apiChannel(thread) });
      return { status: 201, body: apiChannel(thread) };
    }),

    botRoute('POST', '/channels/:channel_id/threads', ({ params, body, files }) => {
      const channel = requireChannel(ctx, params.channel_id ?? '');
      requireBotPermissions(ctx, channel, PermissionFlagsBits.ViewChannel);
      if (channel.type === CHANNEL_TYPE.forum) return createForumPost(ctx, channel, body, files);
      if (channel.type !== CHANNEL_TYPE.text && channel.type !== CHANNEL_TYPE.announcement) throw new ApiError(50024);
      const input = parseThreadBody(body);
      // Discord's API defaults to a private thread when no type is given.
      const type = channel.type === CHANNEL_TYPE.announcement ? CHANNEL_TYPE.announcementThread : (input.type ?? CHANNEL_TYPE.privateThread);
      requireBotPermissions(ctx, channel, type === CHANNEL_TYPE.privateThread ? PermissionFlagsBits.CreatePrivateThreads : PermissionFlagsBits.CreatePublicThreads);
      const thread = createThread(ctx, channel, input, type, ctx.ids.next());
      return { status: 201, body: apiChannel(thread) };
    }),
  ];
}

/** A forum post: a public thread whose starter message (same id as the thread) comes from `message`. */
function createForumPost(ctx: EmulatorContext, forum: ChannelRecord, body: unknown, files: Parameters<typeof storeUploads>[1]): RestResponse {
  const permissions = requireBotPermissions(ctx, forum, PermissionFlagsBits.SendMessages);
  const input = parseThreadBody(body, true);
  const payload = validateMessage(input.message, { mode: 'create', prefix: ['message'], fileCount: files.length, embedLinks: has(permissions, PermissionFlagsBits.EmbedLinks) });
  const thread = createThread(ctx, forum, input, CHANNEL_TYPE.publicThread, ctx.ids.next());
  const data = ctx.factory.create({
    id: thread.id,
    channelId: thread.id,
    payload,
    uploads: storeUploads(ctx, files),
    author: botAuthor(ctx),
    defaultParse: CHANNEL_DEFAULT_PARSE,
    extra: { position: 0 },
  });
  const starter = recordMessage(ctx, new StoredMessage(data, 'forum-starter', payload.allowed_mentions ?? null));
  return { status: 201, body: { ...apiChannel(thread), message: starter.data } };
}

function parseThreadBody(body: unknown, needsMessage = false): ThreadBody {
  const errors = new FormErrors();
  const parsed = ThreadBodySchema.safeParse(body ?? {}, { reportInput: true });
  if (!parsed.success) errors.addZodIssues(parsed.error.issues);
  if (needsMessage && (body as { message?: unknown } | undefined)?.message === undefined) errors.add(['message'], formError.required());
  errors.throwIfAny();
  return parsed.data as ThreadBody;
}

function createThread(ctx: EmulatorContext, parent: ChannelRecord, input: ThreadBody, type: number, id: string): ChannelRecord {
  const now = new Date(ctx.now()).toISOString();
  const thread: ChannelRecord = {
    id,
    type,
    name: input.name,
    guildId: ctx.guild.id,
    parentId: parent.id,
    position: 0,
    topic: null,
    nsfw: parent.nsfw,
    overwrites: [],
    lastMessageId: null,
    rateLimitPerUser: input.rate_limit_per_user ?? 0,
    ownerId: ctx.guild.botUserId,
    messageCount: 0,
    appliedTags: input.applied_tags ?? [],
    thread: {
      archived: false,
      autoArchiveDuration: input.auto_archive_duration ?? 4320,
      archiveTimestamp: now,
      locked: false,
      createTimestamp: now,
      ...(type === CHANNEL_TYPE.privateThread ? { invitable: input.invitable ?? true } : {}),
    },
  };
  ctx.guild.addThread(thread);
  ctx.events.emit('threadCreate', thread);
  ctx.dispatch('THREAD_CREATE', { ...apiChannel(thread), newly_created: true });
  return thread;
}
