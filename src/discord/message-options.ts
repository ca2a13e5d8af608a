/**
 * The one place where rendered payloads become discord.js message options, so that every
 * message the bot sends carries allowed_mentions: nothing a briefing says can ping anyone.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, BaseMessageOptions, MessageMentionOptions } from 'discord.js';
import type { MessagePayload } from '../render/message-payload.js';

/**
 * No pings at all; or exactly one role, for a subscription that asked for it; or @everyone and
 * @here (parse exactly ["everyone"]), for one whose admin chose that explicitly.
 */
export function allowedMentions(mentionRoleId?: string, mentionEveryone = false): MessageMentionOptions {
  if (mentionEveryone) return { parse: ['everyone'], repliedUser: false };
  return mentionRoleId ? { parse: [], roles: [mentionRoleId], repliedUser: false } : { parse: [], repliedUser: false };
}

export function toMessageOptions(payload: MessagePayload, options: { mentionRoleId?: string; mentionEveryone?: boolean } = {}): BaseMessageOptions & { content: string } {
  return {
    // An explicit empty content clears an earlier text when a message is edited into another page.
    content: payload.content ?? '',
    embeds: payload.embeds as APIEmbed[],
    components: payload.components as unknown as APIActionRowComponent<APIComponentInMessageActionRow>[],
    allowedMentions: allowedMentions(options.mentionRoleId, options.mentionEveryone),
  };
}
