import { StoredMessage } from './stored-message.js';

/** Options for listing a channel's recorded messages. */
export interface ChannelMessagesOptions {
  /** Include ephemeral interaction replies shown in that channel (default false: Discord's history omits them). */
  includeEphemeral?: boolean;
  includeDeleted?: boolean;
}

/** Query of GET /channels/{id}/messages. */
export interface HistoryQuery {
  limit: number;
  before?: string;
  after?: string;
  around?: string;
}

/** Every message the bot made or the emulator seeded, by id and by channel. */
export class MessageStore {
  readonly #byId = new Map<string, StoredMessage>();
  readonly #byChannel = new Map<string, StoredMessage[]>();

  add(message: StoredMessage): StoredMessage {
    this.#byId.set(message.id, message);
    const list = this.#byChannel.get(message.channelId) ?? [];
    list.push(message);
    this.#byChannel.set(message.channelId, list);
    return message;
  }

  /** A live (not deleted) message by id. */
  get(id: string): StoredMessage | undefined {
    const message = this.#byId.get(id);
    return message && !message.deleted ? message : undefined;
  }

  /** A message by id, deleted ones included (for assertions). */
  find(id: string): StoredMessage | undefined {
    return this.#byId.get(id);
  }

  /** A channel's messages, oldest first. */
  inChannel(channelId: string, options: ChannelMessagesOptions = {}): StoredMessage[] {
    return (this.#byChannel.get(channelId) ?? []).filter((m) => (options.includeDeleted || !m.deleted) && (options.includeEphemeral || !m.ephemeral));
  }

  /** Every recorded message, oldest first. */
  all(): StoredMessage[] {
    return [...this.#byId.values()];
  }

  /** GET /channels/{id}/messages: newest first, like Discord; ephemeral and deleted messages never appear. */
  history(channelId: string, query: HistoryQuery): StoredMessage[] {
    const visible = this.inChannel(channelId);
    const id = (m: StoredMessage): bigint => BigInt(m.id);
    if (query.around) {
      const pivot = BigInt(query.around);
      const half = Math.floor(query.limit / 2);
      const older = visible.filter((m) => id(m) <= pivot).slice(-(query.limit - half));
      const newer = visible.filter((m) => id(m) > pivot).slice(0, half);
      return [...older, ...newer].reverse();
    }
    if (query.after) {
      const after = BigInt(query.after);
      return visible.filter((m) => id(m) > after).slice(0, query.limit).reverse();
    }
    const before = query.before ? BigInt(query.before) : undefined;
    return visible.filter((m) => before === undefined || id(m) < before).slice(-query.limit).reverse();
  }

  /** Marks every message of a deleted channel as deleted. */
  dropChannel(channelId: string): void {
    for (const message of this.#byChannel.get(channelId) ?? []) message.deleted = true;
  }
}
