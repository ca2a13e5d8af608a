/**
 * The stores, named for what callers do with them. Two implementations keep them: the lowdb
 * files in the data directory (the default; src/store/lowdb-stores.ts) and PostgreSQL when
 * `LUMEN_DATABASE_URL` is set (src/store/postgres/postgres-stores.ts). One contract suite
 * (tests/store/contract/state-stores-contract.ts) holds both to the same behaviour.
 *
 * Every method that changes something resolves once the change is durable (written to disk or
 * committed): delivery awaits the intent before sending, which is what makes a post survive a
 * crash exactly once. Reads are asynchronous because another process may have changed the
 * database since.
 */
import type { DeliveryDone, DeliveryFailed } from '../domain/delivery-progress.js';
import type { ShardScope } from '../domain/shard-scope.js';
import type { AlertSettings, ChannelContext, DeliveryRecord, PendingDelivery, Subscription } from '../domain/subscription.schema.js';
import type { BriefingArchive } from './briefing-archive.js';

/** Which subscriptions one claim may take. */
export interface ClaimOptions {
  /** Only the servers on these shards (src/domain/shard-scope.ts). */
  scope?: ShardScope;
  /** At most this many: processes that claim in small batches share the work instead of the first taking it all. */
  limit?: number;
  /** Not these (the ones this process already handled in this run). */
  skip?: readonly string[];
  /** Only among these (the ones found due: nothing else is claimed, or released, for nothing). */
  only?: readonly string[];
}

/** The claim a delivery holds while it records an intent: `owner`'s, still unexpired at `now`. */
export interface IntentClaim {
  owner: string;
  now: Date;
}

/** A failure the store recorded, and the subscription it left. */
export interface RecordedFailure {
  /** The subscription after the failure; undefined when the failure removed it (its channel is gone). */
  after: Subscription | undefined;
}

/** Subscriptions: what /subscribe, /unsubscribe and /subscriptions change and list. */
export interface SubscriptionStore {
  get(id: string): Promise<Subscription | undefined>;
  /** A server's subscriptions, oldest first. */
  listByGuild(guildId: string): Promise<Subscription[]>;
  /** Adds a new subscription; throws if its id is taken. */
  create(subscription: Subscription): Promise<void>;
  /**
   * Replaces subscription `id` by `change(current)`, read and written as one step (no other
   * writer in between). `change` must be pure: it may run again on a retry. Returns the new
   * subscription, or undefined when there is no such subscription.
   */
  update(id: string, change: (current: Subscription) => Subscription): Promise<Subscription | undefined>;
  /** Removes these subscriptions of `guildId`; returns the ones that were there. */
  remove(guildId: string, ids: readonly string[]): Promise<Subscription[]>;
}

/**
 * Deliveries: the work of delivery, its intents and its log. Several processes may share one
 * store (PostgreSQL): a subscription is delivered only by the process holding its claim, and a
 * claim is a lease in the store, never a transaction held open across a Discord call.
 */
export interface DeliveryStore {
  /**
   * The active subscriptions in `scope` (default: all), oldest first, read without claiming any:
   * the runner plans which are due from this and claims only those.
   */
  listActive(scope?: ShardScope): Promise<Subscription[]>;
  /**
   * The active subscriptions this process may deliver now: each one not claimed by another
   * process (or whose claim expired) is claimed by `owner` until `now + leaseMs`, oldest first.
   */
  claimActive(owner: string, now: Date, leaseMs: number, options?: ClaimOptions): Promise<Subscription[]>;
  /**
   * Extends `owner`'s claims on these subscriptions to `until` while it is still delivering them
   * (a heartbeat: a live process never loses a subscription it is posting to); returns the ids it
   * still held. A claim that had expired and was taken by another process is not taken back.
   */
  renew(owner: string, ids: readonly string[], until: Date): Promise<string[]>;
  /** Gives up `owner`'s claims on these subscriptions (or on all of them), so another process may take them at once. */
  release(owner: string, ids?: readonly string[]): Promise<void>;
  /**
   * Records the intent before anything is sent; false when the subscription is gone or, given the
   * `claim` the delivery holds, when that owner no longer holds an unexpired claim at its `now`
   * (its lease lapsed while it stalled, and another process may have taken the subscription over
   * and be posting the same next item): nothing is written, and the delivery must stop there.
   * Without `claim` (tools and tests that hold none) the intent is written unfenced; the delivery
   * always passes its own.
   */
  recordIntent(subscriptionId: string, pending: PendingDelivery, claim?: IntentClaim): Promise<boolean>;
  /** A digest part is confirmed sent: after a crash the rest starts from part `partsSent`. */
  markPartsSent(subscriptionId: string, deliveryId: string, partsSent: number): Promise<void>;
  /**
   * Moves the cursor on, clears the intent, remembers the post's thread and logs the delivery, as
   * one write. Returns whether it was recorded: false when it was passed over, because the
   * subscription is gone or no longer holds the intent `done` carried out (another process took
   * the delivery over and finished it; endsHeldIntent in src/domain/delivery-progress.ts). The
   * caller counts and reports only what was recorded.
   */
  finish(subscriptionId: string, done: DeliveryDone, at: Date): Promise<boolean>;
  /**
   * Applies a failure's outcome (src/domain/delivery-progress.ts) and logs it, as one write;
   * returns what it left. Undefined when it was passed over: the subscription is gone, no longer
   * holds the intent the failed attempt carried out, or has had an outcome of it recorded since
   * that attempt began (failureApplies in src/domain/delivery-progress.ts). So a late failure from
   * a process whose claim lapsed neither retries, pauses nor removes a subscription another
   * process took over, nor counts a second failure of its try. Given the delivery's `owner`, also
   * passed over once another owner claimed the subscription (or the claim was released), even
   * before that one records anything: its attempt of the same intent may be in flight, and
   * clearing the intent under it would pass over its successful finish and, on resume, post the
   * briefing again. (A lapsed claim nobody took over still applies: no one else is delivering.)
   */
  fail(subscriptionId: string, failed: DeliveryFailed, at: Date, owner?: string): Promise<RecordedFailure | undefined>;
  /** Logs a delivery that moves no cursor (a test post). */
  log(record: DeliveryRecord): Promise<void>;
  /** A subscription's last `limit` deliveries, newest first. */
  history(subscriptionId: string, limit: number): Promise<DeliveryRecord[]>;
  /** The last `limit` deliveries of every subscription, oldest first. */
  recent(limit: number): Promise<DeliveryRecord[]>;
  /** The newest delivery posted in a channel, if any. */
  lastPostedIn(channelId: string): Promise<DeliveryRecord | undefined>;
  /** Subscriptions with an intent whose fate is not yet known. */
  countPending(): Promise<number>;
}

/** Threads (and forum posts) opened under a new-briefing post: /ask there is about that briefing. */
export interface ThreadStore {
  remember(threadId: string, slug: string): Promise<void>;
  briefingOf(threadId: string): Promise<string | undefined>;
}

/** The briefings recently shown in a channel, to it and to each user in it: the /ask prior. */
export interface ChannelContextStore {
  /** Records that `slug` was shown in `channelId` at `at`, to the channel and, when given, to `userId`. */
  remember(channelId: string, userId: string | undefined, slug: string, at: Date): Promise<void>;
  /** What was last shown in a channel: to the channel, and to `userId` there (either may be absent). */
  shownIn(channelId: string, userId: string | undefined): Promise<{ channel?: ChannelContext; user?: ChannelContext }>;
}

/** Where each server's admin alerts go, and which alerts were already sent there. */
export interface AlertStore {
  configure(guildId: string, settings: { channelId: string; setBy: string }): Promise<void>;
  settings(guildId: string): Promise<AlertSettings | undefined>;
  /**
   * Marks alert `key` as sent in every concerned server (one, or all when `guildId` is
   * undefined) that has an alert channel and has not had it; returns those servers' channels.
   * The key is written before the post, so an alert is sent at most once.
   */
  claimAlert(key: string, guildId: string | undefined): Promise<{ guildId: string; channelId: string }[]>;
}

/** Every store of one bot, opened together from one configuration. */
export interface LumenStores {
  /** "lowdb files in /data" or "PostgreSQL postgres://…/lumen (schema lumen)": for logs and /readyz, without secrets. */
  readonly description: string;
  readonly archive: BriefingArchive;
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryStore;
  readonly threads: ThreadStore;
  readonly channelContext: ChannelContextStore;
  readonly alerts: AlertStore;
  /** Whether the store answers now (for /readyz). */
  ping(): Promise<boolean>;
  /** Waits for writes in progress and closes connections. */
  close(): Promise<void>;
}
