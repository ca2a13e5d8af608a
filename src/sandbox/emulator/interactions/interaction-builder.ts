import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../emulator-context.js';
import { apiChannel, apiMember } from '../state/api-objects.js';
import { InteractionRecord, type InteractionKind } from '../state/interaction-record.js';

/** Discord's default attachment size limit for a guild without boosts, in bytes. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** Who invokes an interaction, and where. */
export interface Invocation {
  userId: string;
  channelId: string;
  locale: string;
}

/**
 * Builds INTERACTION_CREATE payloads with every field discord.js reads (docs/discord-facts.md §12): member with
 * permissions, partial guild, full channel object, locales, app_permissions, entitlements,
 * authorizing_integration_owners, application_id, token and version 1. Registers each as a record.
 */
export class InteractionBuilder {
  readonly #ctx: EmulatorContext;

  constructor(ctx: EmulatorContext) {
    this.#ctx = ctx;
  }

  /** Creates and registers an interaction of `type` with type-specific `data` (and `message` for components). */
  build(type: InteractionKind, who: Invocation, data: Record<string, unknown>, extra: { message?: Record<string, unknown>; sourceMessageId?: string } = {}): InteractionRecord {
    const ctx = this.#ctx;
    const { guild } = ctx;
    const id = ctx.ids.next();
    // Shaped like Discord's: base64url of `interaction:{id}:{secret}`, safe to put in a URL path.
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
    const channel = guild.channel(who.channelId);
    const member = guild.member(who.userId);
    const user = guild.user(who.userId);
    if (!channel || !member || !user) throw new Error(`LocalDiscord: cannot build an interaction for user ${who.userId} in channel ${who.channelId}`);
    const payload: Record<string, unknown> = {
      id,
      application_id: ctx.applicationId,
      type,
      data,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      guild_id: guild.id,
      channel: apiChannel(channel, guild.permissionsIn(who.userId, channel.id)),
      channel_id: channel.id,
      member: apiMember(member, user, guild.permissionsIn(who.userId, channel.id)),
      token,
      version: 1,
      locale: who.locale,
      guild_locale: 'en-US',
      app_permissions: guild.permissionsIn(guild.botUserId, channel.id).toString(),
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      ...(extra.message ? { message: extra.message } : {}),
    };
    const record = new InteractionRecord({
      id,
      token,
      type,
      createdAt: ctx.now(),
      deadlineMs: ctx.interactionDeadlineMs,
      payload,
      channelId: channel.id,
      userId: who.userId,
      ...(extra.sourceMessageId ? { sourceMessageId: extra.sourceMessageId } : {}),
    });
    return ctx.interactions.add(record);
  }
}
