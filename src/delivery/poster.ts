/**
 * What delivery needs from Discord, and how a failure is classified. The Discord glue implements
 * it (src/discord/discord-poster.ts); tests may fake it. Delivery itself never sees discord.js.
 */
import { LumenError } from '../domain/errors.js';
import type { MessagePayload } from '../render/message-payload.js';

/** Why a post failed, in the terms delivery decides on. */
export type PostFailureKind =
  /** 50001: the bot cannot see the channel. Pause the subscription. */
  | 'missing-access'
  /** 50013: the bot may not post there. Pause the subscription. */
  | 'missing-permissions'
  /** 10003: the channel is gone. Remove the subscription. */
  | 'unknown-channel'
  /** 5xx, timeouts, network errors: try again later; the post may even have gone through. */
  | 'transient'
  /** Anything else Discord refused (a bug of ours): give up on this post, keep the subscription. */
  | 'rejected';

export class PostFailure extends LumenError {
  readonly kind: PostFailureKind;

  constructor(kind: PostFailureKind, message: string, options?: { cause?: unknown }) {
    super(`post.${kind}`, message, options);
    this.kind = kind;
  }
}

/** The pre-check found permissions missing: the subscription pauses before Discord is asked. */
export class MissingPermissionsFailure extends PostFailure {
  readonly missing: string[];

  constructor(missing: string[]) {
    // Without View Channel Discord would answer 50001 (Missing Access): the same outcome here.
    super(missing.includes('View Channel') ? 'missing-access' : 'missing-permissions', `the bot is missing ${missing.join(', ')} in that channel`);
    this.missing = missing;
  }
}

export interface PostedBriefing {
  messageId: string;
  /** The thread (or forum post) where follow-up questions go. */
  threadId?: string;
  /** Why no thread could be opened, when the post itself went out. */
  threadProblem?: string;
}

/** A message the bot posted earlier, as reconciliation looks at it. */
export interface EarlierPost {
  messageId: string;
  customIds: string[];
  titles: string[];
  threadId?: string;
}

/** What a post is for, which decides the permissions it needs. */
export interface PostPurpose {
  kind: 'new' | 'digest';
  /** The post pings @everyone or @here. */
  mentionEveryone?: boolean;
}

/** Who a post may ping: nobody, one role, or (chosen explicitly) @everyone and @here. */
export interface PostMentions {
  mentionRoleId?: string;
  mentionEveryone?: boolean;
}

export interface Poster {
  /** Posts a new briefing (its own forum post in a forum channel) and opens its follow-up thread. */
  postNewBriefing(channelId: string, payload: MessagePayload, options: { threadName: string; nonce: string } & PostMentions): Promise<PostedBriefing>;
  /** Posts one message (a digest part; a test post; a follow-up part in a thread). */
  postMessage(channelId: string, payload: MessagePayload, options: { nonce: string }): Promise<{ messageId: string }>;
  /**
   * The permissions the bot lacks in a channel for a post, by name, from the gateway's cached
   * permissions (no request); empty when it has them all or the cache cannot tell.
   */
  missingPermissions(channelId: string, purpose: PostPurpose): string[];
  /**
   * Opens the follow-up thread under a new-briefing post found in the channel after an
   * interrupted delivery (the process died between the post and its thread); returns its id.
   */
  openThread(channelId: string, messageId: string, threadName: string): Promise<string>;
  /** The bot's own posts in a channel (forum posts included) created after `since`, oldest first. */
  earlierPosts(channelId: string, since: Date): Promise<EarlierPost[]>;
  /** A notice for people (a subscription paused or removed); best effort. */
  notice(channelId: string, payload: MessagePayload): Promise<void>;
}
