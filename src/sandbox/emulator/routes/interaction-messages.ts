import type { EmulatorContext } from '../emulator-context.js';
import type { InteractionRecord } from '../state/interaction-record.js';

/** Message types of interaction responses (DOCS MSG "Message Types"). */
export const INTERACTION_MESSAGE_TYPE = { default: 0, reply: 19, chatInputCommand: 20 } as const;

/**
 * The fields Discord adds to messages made through an interaction token: the application's
 * webhook id, `interaction_metadata`, and for a slash command's original reply the deprecated
 * `interaction` object; component replies reference the clicked message.
 */
export function interactionMessageFields(ctx: EmulatorContext, record: InteractionRecord, kind: 'original' | 'followup'): Record<string, unknown> {
  const user = ctx.guild.apiUser(record.userId);
  const data = (record.payload.data ?? {}) as { name?: string; type?: number };
  const isCommand = record.type === 2;
  const metadata = {
    id: record.id,
    type: record.type,
    user,
    authorizing_integration_owners: { '0': ctx.guild.id },
    ...(isCommand ? { name: data.name, command_type: data.type ?? 1 } : {}),
    ...(kind === 'followup' && record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {}),
    ...(record.sourceMessageId ? { interacted_message_id: record.sourceMessageId } : {}),
  };
  const reference =
    !isCommand && record.sourceMessageId && kind === 'original'
      ? { message_reference: { type: 0, message_id: record.sourceMessageId, channel_id: record.channelId, guild_id: ctx.guild.id } }
      : {};
  const legacy = isCommand && kind === 'original' ? { interaction: { id: record.id, type: record.type, name: data.name, user } } : {};
  return { webhook_id: ctx.applicationId, application_id: ctx.applicationId, interaction_metadata: metadata, ...reference, ...legacy };
}

/** The message type of an interaction's original reply. */
export function originalMessageType(record: InteractionRecord): number {
  if (record.type === 2) return INTERACTION_MESSAGE_TYPE.chatInputCommand;
  return record.sourceMessageId ? INTERACTION_MESSAGE_TYPE.reply : INTERACTION_MESSAGE_TYPE.default;
}
