/**
 * The stores over the data directory's lowdb files (the default): the archive in archive.json
 * (lowdb-briefing-archive.ts) and everything else in state.json (state-store.ts). One process
 * owns the directory (the `lumen.lock` of src/app/lumen-app.ts), so claims are kept in memory:
 * they only keep this process from delivering one subscription twice at once.
 */
import { afterDelivery, afterFailure, deliveryRecord, endsHeldIntent, failureApplies, type DeliveryDone, type DeliveryFailed } from '../domain/delivery-progress.js';
import { servesGuild, type ShardScope } from '../domain/shard-scope.js';
import type { AlertSettings, ChannelContext, DeliveryRecord, PendingDelivery, Subscription } from '../domain/subscription.schema.js';
import type { BriefingArchive } from './briefing-archive.js';
import type { AlertStore, ChannelContextStore, ClaimOptions, DeliveryStore, IntentClaim, LumenStores, RecordedFailure, SubscriptionStore, ThreadStore } from './lumen-stores.js';
import { LowdbBriefingArchive } from './lowdb-briefing-archive.js';
import { MAX_ALERT_KEYS, MAX_CHANNEL_CONTEXT } from './state.schema.js';
import { StateStore } from './state-store.js';

const copy = <T>(value: T): T => structuredClone(value);

class LowdbSubscriptions implements SubscriptionStore {
  constructor(private readonly state: StateStore) {}

  async get(id: string): Promise<Subscription | undefined> {
    const sub = this.state.data.subscriptions.find((s) => s.id === id);
    return sub && copy(sub);
  }

  async listByGuild(guildId: string): Promise<Subscription[]> {
    return copy(this.state.data.subscriptions.filter((s) => s.guildId === guildId));
  }

  async create(subscription: Subscription): Promise<void> {
    if (this.state.data.subscriptions.some((s) => s.id === subscription.id)) throw new Error(`a subscription with id ${subscription.id} already exists`);
    await this.state.update((state) => {
      state.subscriptions.push(copy(subscription));
    });
  }

  async update(id: string, change: (current: Subscription) => Subscription): Promise<Subscription | undefined> {
    let updated: Subscription | undefined;
    await this.state.update((state) => {
      const i = state.subscriptions.findIndex((s) => s.id === id);
      if (i < 0) return;
      updated = { ...change(copy(state.subscriptions[i] as Subscription)), id };
      state.subscriptions[i] = copy(updated);
    });
    return updated;
  }

  async remove(guildId: string, ids: readonly string[]): Promise<Subscription[]> {
    const wanted = new Set(ids);
    const matches = (s: Subscription): boolean => s.guildId === guildId && wanted.has(s.id);
    const removed = copy(this.state.data.subscriptions.filter(matches));
    if (removed.length > 0) {
      await this.state.update((state) => {
        state.subscriptions = state.subscriptions.filter((s) => !matches(s));
      });
    }
    return removed;
  }
}

class LowdbDeliveries implements DeliveryStore {
  /** subscription id -> who holds it until when (ms). */
  readonly #claims = new Map<string, { owner: string; until: number }>();

  constructor(private readonly state: StateStore) {}

  async listActive(scope?: ShardScope): Promise<Subscription[]> {
    return copy(this.state.data.subscriptions.filter((sub) => sub.status === 'active' && servesGuild(scope, sub.guildId)));
  }

  async claimActive(owner: string, now: Date, leaseMs: number, options: ClaimOptions = {}): Promise<Subscription[]> {
    const claimed: Subscription[] = [];
    const skip = new Set(options.skip);
    const only = options.only ? new Set(options.only) : undefined;
    for (const sub of this.state.data.subscriptions) {
      if (claimed.length >= (options.limit ?? Infinity)) break;
      if (sub.status !== 'active' || skip.has(sub.id) || (only && !only.has(sub.id)) || !servesGuild(options.scope, sub.guildId)) continue;
      const claim = this.#claims.get(sub.id);
      if (claim && claim.owner !== owner && claim.until > now.getTime()) continue;
      this.#claims.set(sub.id, { owner, until: now.getTime() + leaseMs });
      claimed.push(copy(sub));
    }
    return claimed;
  }

  async renew(owner: string, ids: readonly string[], until: Date): Promise<string[]> {
    const held: string[] = [];
    for (const id of ids) {
      const claim = this.#claims.get(id);
      if (claim?.owner !== owner) continue;
      claim.until = until.getTime();
      held.push(id);
    }
    return held;
  }

  async release(owner: string, ids?: readonly string[]): Promise<void> {
    for (const [id, claim] of this.#claims) {
      if (claim.owner === owner && (ids === undefined || ids.includes(id))) this.#claims.delete(id);
    }
  }

  async recordIntent(subscriptionId: string, pending: PendingDelivery, claim?: IntentClaim): Promise<boolean> {
    let found = false;
    await this.state.update((state) => {
      const sub = state.subscriptions.find((s) => s.id === subscriptionId);
      if (!sub || (claim && !this.#claimedBy(subscriptionId, claim.owner, claim.now))) return;
      sub.pending = copy(pending);
      found = true;
    });
    return found;
  }

  /**
   * Whether the subscription's claim is `owner`'s: unexpired at `unexpiredAt` when given, else
   * expired or not (checked inside the write, as PostgreSQL checks the locked row).
   */
  #claimedBy(subscriptionId: string, owner: string, unexpiredAt?: Date): boolean {
    const held = this.#claims.get(subscriptionId);
    return held?.owner === owner && (unexpiredAt === undefined || held.until > unexpiredAt.getTime());
  }

  async markPartsSent(subscriptionId: string, deliveryId: string, partsSent: number): Promise<void> {
    await this.state.update((state) => {
      const sub = state.subscriptions.find((s) => s.id === subscriptionId);
      if (sub?.pending?.id === deliveryId) sub.pending.partsSent = partsSent;
    });
  }

  async finish(subscriptionId: string, done: DeliveryDone, at: Date): Promise<boolean> {
    let recorded = false;
    await this.state.update((state) => {
      const i = state.subscriptions.findIndex((s) => s.id === subscriptionId);
      const sub = state.subscriptions[i];
      if (!sub || !endsHeldIntent(sub, done)) return;
      StateStore.appendDelivery(state, deliveryRecord(sub, done, at));
      state.subscriptions[i] = afterDelivery(sub, done, at);
      if (done.threadId && done.slugs[0]) StateStore.rememberThread(state, done.threadId, done.slugs[0]);
      recorded = true;
    });
    return recorded;
  }

  async fail(subscriptionId: string, failed: DeliveryFailed, at: Date, owner?: string): Promise<RecordedFailure | undefined> {
    let recorded: RecordedFailure | undefined;
    await this.state.update((state) => {
      const i = state.subscriptions.findIndex((s) => s.id === subscriptionId);
      const sub = state.subscriptions[i];
      if (!sub || !failureApplies(sub, failed)) return;
      // Still this owner's claim (expired or not): no other process took it over.
      if (owner !== undefined && !this.#claimedBy(subscriptionId, owner)) return;
      StateStore.appendDelivery(state, deliveryRecord(sub, failed, at));
      const after = afterFailure(sub, failed, at);
      if (after) state.subscriptions[i] = after;
      else state.subscriptions.splice(i, 1);
      recorded = { after: after && copy(after) };
    });
    return recorded;
  }

  async log(record: DeliveryRecord): Promise<void> {
    await this.state.update((state) => {
      StateStore.appendDelivery(state, copy(record));
    });
  }

  async history(subscriptionId: string, limit: number): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    const log = this.state.data.deliveries;
    for (let i = log.length - 1; i >= 0 && records.length < limit; i--) {
      const record = log[i] as DeliveryRecord;
      if (record.subscriptionId === subscriptionId) records.push(copy(record));
    }
    return records;
  }

  async recent(limit: number): Promise<DeliveryRecord[]> {
    return copy(this.state.data.deliveries.slice(-limit));
  }

  async lastPostedIn(channelId: string): Promise<DeliveryRecord | undefined> {
    const record = this.state.data.deliveries.findLast((d) => d.channelId === channelId && d.outcome === 'posted');
    return record && copy(record);
  }

  async countPending(): Promise<number> {
    return this.state.data.subscriptions.filter((s) => s.pending !== undefined).length;
  }
}

class LowdbThreads implements ThreadStore {
  constructor(private readonly state: StateStore) {}

  async remember(threadId: string, slug: string): Promise<void> {
    await this.state.update((state) => StateStore.rememberThread(state, threadId, slug));
  }

  async briefingOf(threadId: string): Promise<string | undefined> {
    return this.state.data.threads[threadId];
  }
}

class LowdbChannelContext implements ChannelContextStore {
  constructor(private readonly state: StateStore) {}

  async remember(channelId: string, userId: string | undefined, slug: string, at: Date): Promise<void> {
    await this.state.update((state) => {
      const entries = (state.channelContext ??= []);
      const keys = [undefined, ...(userId === undefined ? [] : [userId])];
      for (const who of keys) {
        const i = entries.findIndex((e) => e.channelId === channelId && e.userId === who);
        if (i >= 0) entries.splice(i, 1);
        entries.push({ channelId, ...(who === undefined ? {} : { userId: who }), slug, at: at.toISOString() });
      }
      if (entries.length > MAX_CHANNEL_CONTEXT) entries.splice(0, entries.length - MAX_CHANNEL_CONTEXT);
    });
  }

  async shownIn(channelId: string, userId: string | undefined): Promise<{ channel?: ChannelContext; user?: ChannelContext }> {
    const entries = this.state.data.channelContext ?? [];
    const channel = entries.find((e) => e.channelId === channelId && e.userId === undefined);
    const user = userId === undefined ? undefined : entries.find((e) => e.channelId === channelId && e.userId === userId);
    return { ...(channel ? { channel: copy(channel) } : {}), ...(user ? { user: copy(user) } : {}) };
  }
}

class LowdbAlerts implements AlertStore {
  constructor(private readonly state: StateStore) {}

  async configure(guildId: string, settings: { channelId: string; setBy: string }): Promise<void> {
    await this.state.update((state) => {
      state.alerts ??= {};
      const sent = state.alerts[guildId]?.sent ?? [];
      state.alerts[guildId] = { channelId: settings.channelId, setBy: settings.setBy, sent };
    });
  }

  async settings(guildId: string): Promise<AlertSettings | undefined> {
    const settings = this.state.data.alerts?.[guildId];
    return settings && copy(settings);
  }

  async claimAlert(key: string, guildId: string | undefined): Promise<{ guildId: string; channelId: string }[]> {
    const targets: { guildId: string; channelId: string }[] = [];
    await this.state.update((state) => {
      for (const [id, settings] of Object.entries(state.alerts ?? {})) {
        if (guildId !== undefined && guildId !== id) continue;
        if (settings.sent.includes(key)) continue;
        settings.sent.push(key);
        if (settings.sent.length > MAX_ALERT_KEYS) settings.sent.splice(0, settings.sent.length - MAX_ALERT_KEYS);
        targets.push({ guildId: id, channelId: settings.channelId });
      }
    });
    return targets;
  }
}

/** The lowdb stores over an archive and a state file already opened (tests pass in-memory ones). */
export function lowdbStores(archive: BriefingArchive, state: StateStore, description = 'lowdb files'): LumenStores {
  return {
    description,
    archive,
    subscriptions: new LowdbSubscriptions(state),
    deliveries: new LowdbDeliveries(state),
    threads: new LowdbThreads(state),
    channelContext: new LowdbChannelContext(state),
    alerts: new LowdbAlerts(state),
    ping: async () => true,
    close: async () => {
      // Each write resolved once it was on disk: nothing is left to flush.
    },
  };
}

/** Opens (or creates) the data directory's archive.json and state.json, refusing files that cannot be trusted. */
export async function openLowdbStores(dataDir: string): Promise<LumenStores> {
  const archive = await LowdbBriefingArchive.open(dataDir);
  const state = await StateStore.open(dataDir);
  return lowdbStores(archive, state, `lowdb files in ${dataDir}`);
}
