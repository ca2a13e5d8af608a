/**
 * Delivery's view of Discord, through discord.js: posting, opening threads and forum posts,
 * reading back the bot's own recent posts, and turning Discord's errors into the few kinds
 * delivery decides on. 429s never reach here: discord.js waits them out.
 */
import {
  ChannelType,
  DiscordAPIError,
  HTTPError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  SnowflakeUtil,
  ThreadAutoArchiveDuration,
  type Channel,
  type Client,
  type Message,
} from 'discord.js';
import { PostFailure, type EarlierPost, type PostedBriefing, type PostMentions, type Poster, type PostPurpose } from '../delivery/poster.js';
import { missingPermissionsIn } from './channel-permissions.js';
import type { MessagePayload } from '../render/message-payload.js';
import { toMessageOptions } from './message-options.js';

/** Messages per history request (Discord's maximum), and how many pages reconciliation reads at most. */
const HISTORY_PAGE = 100;
const MAX_HISTORY_PAGES = 20;

/** Discord's error, in words an admin reading /subscriptions can act on. */
export function classifyPostError(error: unknown): PostFailure {
  if (error instanceof PostFailure) return error;
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    if (code === RESTJSONErrorCodes.MissingAccess) return new PostFailure('missing-access', 'the bot cannot see that channel (Missing Access)', { cause: error });
    if (code === RESTJSONErrorCodes.MissingPermissions) return new PostFailure('missing-permissions', 'the bot may not post there (Missing Permissions)', { cause: error });
    if (code === RESTJSONErrorCodes.UnknownChannel) return new PostFailure('unknown-channel', 'the channel no longer exists (Unknown Channel)', { cause: error });
    if (error.status >= 500 || error.status === 429) return new PostFailure('transient', `Discord answered ${error.status}: ${error.message}`, { cause: error });
    return new PostFailure('rejected', `Discord refused the post (${code}): ${error.message}`, { cause: error });
  }
  if (error instanceof HTTPError) return new PostFailure('transient', `Discord answered ${error.status} ${error.message}`, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PostFailure('transient', `network error: ${message}`, { cause: error });
}

async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyPostError(error);
  }
}

function earlierPost(message: Message, threadId?: string): EarlierPost {
  const customIds: string[] = [];
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) if ('customId' in component && component.customId) customIds.push(component.customId);
  }
  const titles = message.embeds.map((e) => e.title ?? '').filter(Boolean);
  return { messageId: message.id, customIds, titles, ...(threadId ? { threadId } : {}) };
}

export class DiscordPoster implements Poster {
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  async #channel(channelId: string) {
    const channel = await this.#client.channels.fetch(channelId);
    if (!channel) throw new PostFailure('unknown-channel', 'the channel no longer exists');
    return channel;
  }

  missingPermissions(channelId: string, purpose: PostPurpose): string[] {
    return missingPermissionsIn(this.#client.channels.cache.get(channelId), this.#client, purpose);
  }

  /**
   * Without Embed Links Discord drops a bot's embeds silently: a briefing card would arrive empty (or be
   * refused as empty, 50006). The cached permissions tell before anything is sent; when they are not
   * cached, Discord's own answer decides.
   */
  #requireEmbedLinks(channel: Channel, payload: MessagePayload): void {
    if (payload.embeds.length === 0 || channel.isDMBased() || !('permissionsFor' in channel)) return;
    const me = this.#client.user;
    const permissions = me ? channel.permissionsFor(me) : null;
    if (permissions && !permissions.has(PermissionFlagsBits.EmbedLinks)) {
      throw new PostFailure('missing-permissions', 'the bot may not embed links there (Embed Links), so its briefings would arrive empty');
    }
  }

  postNewBriefing(channelId: string, payload: MessagePayload, options: { threadName: string; nonce: string } & PostMentions): Promise<PostedBriefing> {
    return attempt(async () => {
      const channel = await this.#channel(channelId);
      this.#requireEmbedLinks(channel, payload);
      const message = toMessageOptions(payload, { mentionRoleId: options.mentionRoleId, mentionEveryone: options.mentionEveryone });
      if (channel.type === ChannelType.GuildForum) {
        // In a forum each briefing is its own post: the post is the thread.
        const post = await channel.threads.create({ name: options.threadName, message, autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek });
        return { messageId: post.id, threadId: post.id };
      }
      if (!channel.isSendable() || channel.isDMBased()) throw new PostFailure('rejected', 'that channel cannot hold posts');
      const sent = await channel.send({ ...message, nonce: options.nonce, enforceNonce: true });
      try {
        const thread = await sent.startThread({ name: options.threadName, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
        return { messageId: sent.id, threadId: thread.id };
      } catch (error) {
        const failure = classifyPostError(error);
        // 50013 here is about threads: "may not post there" would contradict the post just made.
        const why = failure.kind === 'missing-permissions' ? 'the bot may not create threads there (Missing Permissions)' : failure.message;
        return { messageId: sent.id, threadProblem: `posted, but no thread: ${why}` };
      }
    });
  }

  postMessage(channelId: string, payload: MessagePayload, options: { nonce: string }): Promise<{ messageId: string }> {
    return attempt(async () => {
      const channel = await this.#channel(channelId);
      this.#requireEmbedLinks(channel, payload);
      if (channel.type === ChannelType.GuildForum) {
        const post = await channel.threads.create({ name: payload.embeds[0]?.title?.slice(0, 100) || 'Lumen digest', message: toMessageOptions(payload) });
        return { messageId: post.id };
      }
      if (!channel.isSendable() || channel.isDMBased()) throw new PostFailure('rejected', 'that channel cannot hold posts');
      const sent = await channel.send({ ...toMessageOptions(payload), nonce: options.nonce, enforceNonce: true });
      return { messageId: sent.id };
    });
  }

  openThread(channelId: string, messageId: string, threadName: string): Promise<string> {
    return attempt(async () => {
      const channel = await this.#channel(channelId);
      // A forum post is its own thread.
      if (channel.type === ChannelType.GuildForum) return messageId;
      if (!channel.isTextBased() || channel.isDMBased()) throw new PostFailure('rejected', 'that channel cannot hold threads');
      const message = await channel.messages.fetch(messageId);
      if (message.thread) return message.thread.id;
      const thread = await message.startThread({ name: threadName, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      return thread.id;
    });
  }

  earlierPosts(channelId: string, since: Date): Promise<EarlierPost[]> {
    return attempt(async () => {
      const channel = await this.#channel(channelId);
      const botId = this.#client.user?.id;
      const after = SnowflakeUtil.generate({ timestamp: since.getTime() }).toString();
      if (channel.type === ChannelType.GuildForum) {
        const { threads } = await channel.threads.fetchActive();
        const posts: EarlierPost[] = [];
        for (const thread of threads.values()) {
          if (thread.parentId !== channelId || thread.ownerId !== botId || (thread.createdTimestamp ?? 0) < since.getTime()) continue;
          const starter = await thread.fetchStarterMessage().catch(() => null);
          if (starter) posts.push(earlierPost(starter, thread.id));
        }
        return posts;
      }
      if (!channel.isTextBased() || channel.isDMBased()) return [];
      // Page forward from `since`: in a busy channel a hundred other messages may come first.
      const posts: EarlierPost[] = [];
      let cursor = after;
      for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
        const batch = await channel.messages.fetch({ after: cursor, limit: HISTORY_PAGE, cache: false });
        const oldestFirst = [...batch.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        for (const m of oldestFirst) if (m.author.id === botId) posts.push(earlierPost(m, m.thread?.id));
        const newest = oldestFirst.at(-1);
        if (batch.size < HISTORY_PAGE || !newest) break;
        cursor = newest.id;
      }
      return posts;
    });
  }

  async notice(channelId: string, payload: MessagePayload): Promise<void> {
    await attempt(async () => {
      const channel = await this.#channel(channelId);
      if (channel.isSendable() && !channel.isDMBased()) await channel.send(toMessageOptions(payload));
    });
  }
}
