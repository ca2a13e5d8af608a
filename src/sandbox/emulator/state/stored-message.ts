import { MESSAGE_FLAGS } from '../payload-limits.js';
import type { AllowedMentions } from '../validation/message-schema.js';

/** An attachment object (DOCS MSG "Attachment Object"). */
export interface ApiAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  description?: string;
  ephemeral?: boolean;
  [key: string]: unknown;
}

/** A message object as Discord returns it (the fields the emulator fills; others pass through). */
export interface ApiMessage {
  id: string;
  channel_id: string;
  type: number;
  content: string;
  author: Record<string, unknown>;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: Array<Record<string, unknown>>;
  mention_roles: string[];
  attachments: ApiAttachment[];
  embeds: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  pinned: boolean;
  flags: number;
  [key: string]: unknown;
}

/** Where a recorded message came from. */
export type MessageOrigin = 'channel' | 'interaction-reply' | 'interaction-followup' | 'forum-starter' | 'user';

/**
 * A message the bot made, as recorded by the emulator: the current API object plus what tests
 * assert on (allowed_mentions sent, ephemerality, the interaction it answered, earlier revisions).
 */
export class StoredMessage {
  /** The message as GET would return it now. */
  data: ApiMessage;
  readonly origin: MessageOrigin;
  readonly interactionId: string | undefined;
  /** `allowed_mentions` as the bot last sent it (not part of Discord's message object). */
  allowedMentions: AllowedMentions | null;
  /** Earlier versions, oldest first; each edit pushes the version it replaced. */
  readonly revisions: ApiMessage[] = [];
  deleted = false;

  constructor(data: ApiMessage, origin: MessageOrigin, allowedMentions: AllowedMentions | null, interactionId?: string) {
    this.data = data;
    this.origin = origin;
    this.allowedMentions = allowedMentions;
    this.interactionId = interactionId;
  }

  get id(): string {
    return this.data.id;
  }

  get channelId(): string {
    return this.data.channel_id;
  }

  get content(): string {
    return this.data.content;
  }

  get embeds(): Array<Record<string, unknown>> {
    return this.data.embeds;
  }

  get components(): Array<Record<string, unknown>> {
    return this.data.components;
  }

  get flags(): number {
    return this.data.flags;
  }

  get attachments(): ApiAttachment[] {
    return this.data.attachments;
  }

  /** Visible only to the invoking user (flag 64). */
  get ephemeral(): boolean {
    return (this.data.flags & MESSAGE_FLAGS.ephemeral) !== 0;
  }

  /** A deferred reply still showing "is thinking…" (flag 128). */
  get loading(): boolean {
    return (this.data.flags & MESSAGE_FLAGS.loading) !== 0;
  }

  /** Replaces the current data, keeping the old version in `revisions`. */
  revise(next: ApiMessage): void {
    this.revisions.push(this.data);
    this.data = next;
  }

  /** Every custom_id on the message, row by row (for clicking). */
  customIds(): string[] {
    const ids: string[] = [];
    const walk = (nodes: unknown[]): void => {
      for (const node of nodes as Array<Record<string, unknown>>) {
        if (typeof node.custom_id === 'string') ids.push(node.custom_id);
        if (Array.isArray(node.components)) walk(node.components);
        if (node.accessory && typeof node.accessory === 'object') walk([node.accessory]);
      }
    };
    walk(this.data.components);
    return ids;
  }

  toJSON(): ApiMessage {
    return this.data;
  }
}
