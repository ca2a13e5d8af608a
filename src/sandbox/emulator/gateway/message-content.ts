/**
 * The Message Content intent (privileged). A session without it still receives MESSAGE_CREATE and
 * MESSAGE_UPDATE (with Guild Messages), but the fields a user typed arrive empty, except in a
 * message the app sent itself and in one that mentions the app (a reply with its mention on
 * mentions the replied-to author): docs/discord-facts-addenda.md §A1. DMs and context-menu
 * targets, the other exceptions, do not arise here.
 */
import { GatewayIntentBits } from 'discord-api-types/v10';

/** The fields Discord empties for a session without the intent. */
const CONTENT_FIELDS = { content: '', embeds: [], attachments: [], components: [] } as const;

interface MessageLike {
  author?: { id?: unknown };
  mentions?: Array<{ id?: unknown }>;
  referenced_message?: MessageLike | null;
  poll?: unknown;
  [key: string]: unknown;
}

/** Whether `t` carries a message whose content the intent governs. */
export const isMessageDispatch = (t: string): boolean => t === 'MESSAGE_CREATE' || t === 'MESSAGE_UPDATE';

/** `d` as a session with `intents` sees it: unchanged with the intent, user content emptied without. */
export function visibleMessage(d: unknown, intents: number, appUserId: string): unknown {
  if ((intents & GatewayIntentBits.MessageContent) !== 0 || typeof d !== 'object' || d === null) return d;
  return redact(d as MessageLike, appUserId);
}

function redact(message: MessageLike, appUserId: string): MessageLike {
  const readable = message.author?.id === appUserId || (message.mentions ?? []).some((user) => user.id === appUserId);
  const referenced = message.referenced_message ? { referenced_message: redact(message.referenced_message, appUserId) } : {};
  if (readable) return { ...message, ...referenced };
  const { poll: _poll, ...rest } = message;
  return { ...rest, ...CONTENT_FIELDS, ...referenced };
}
