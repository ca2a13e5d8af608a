/**
 * How a subscription moves when a delivery ends: pure functions from the subscription before to
 * the subscription after, so every store (the lowdb state file, PostgreSQL) applies the same
 * rule inside its own write, and the rule reads in one place.
 */
import type { DeliveryOutcome, DeliveryRecord, Subscription } from './subscription.schema.js';

const MINUTE = 60_000;

/** What a finished delivery (posted, or deliberately skipped) says about its subscription. */
export interface DeliveryDone {
  /** Every briefing up to this archive position is now delivered or skipped. */
  upToSeq: number;
  /** Digest: the daily slot it answered. */
  slotAt?: Date;
  outcome: DeliveryOutcome;
  reason?: string;
  slugs: string[];
  messageId?: string;
  /** The thread opened under a new-briefing post: /ask there is about its briefing. */
  threadId?: string;
  /**
   * The intent this delivery carried out. When the subscription no longer holds it, another
   * process finished it already (this one's claim lapsed while it was posting, and the other
   * found the post in the channel): see {@link endsHeldIntent}.
   */
  deliveryId?: string;
}

/** What a failed delivery says about its subscription. */
export interface DeliveryFailed {
  outcome: DeliveryOutcome;
  reason: string;
  slugs: string[];
  /**
   * The intent the failed attempt carried out (none when it failed before recording one). When
   * the subscription no longer holds it, another process ended that delivery (or moved on to the
   * next) after this one's claim lapsed: see {@link failureApplies}.
   */
  deliveryId?: string;
  /**
   * With `deliveryId`: the subscription's `lastDelivery.at` when the failed attempt began
   * (undefined: it had none). An outcome recorded since, by another process that took the same
   * intent over, makes this failure stale: see {@link failureApplies}.
   */
  lastDeliveryAtStart?: string;
}

/**
 * Whether `ended` (a finish or a failure) still applies to `sub`: it carries out no recorded
 * intent, or the one `sub` still holds. A late finish or failure of a delivery another process
 * took over and ended moves nothing and logs nothing: the delivery log and the metrics count a
 * post once, as Discord shows it once, and a late failure never pauses, retries or removes a
 * subscription whose delivery went through (or whose next delivery is under way).
 */
export function endsHeldIntent(sub: Subscription, ended: DeliveryDone | DeliveryFailed): boolean {
  return ended.deliveryId === undefined || sub.pending?.id === ended.deliveryId;
}

/**
 * Whether `failed` still applies to `sub`: it ends the intent `sub` holds ({@link endsHeldIntent})
 * and, when it names that intent, nothing was recorded on `sub` since the failed attempt began.
 * Another process that took the same intent over (this one's claim lapsed while its post hung)
 * may have retried, paused or given it up meanwhile: its outcome stands, and this late failure
 * would count a second failure of one try, push the backoff out or raise the alert for failing
 * deliveries early. A finish needs no such check: a post that went out is news whatever was
 * recorded before it, and recording it is what keeps it from being sent again.
 */
export function failureApplies(sub: Subscription, failed: DeliveryFailed): boolean {
  if (!endsHeldIntent(sub, failed)) return false;
  return failed.deliveryId === undefined || sub.lastDelivery?.at === failed.lastDeliveryAtStart;
}

/**
 * The delivery log's record of how a delivery of `sub` (as it was before: its intent says which
 * kind) ended at `at`, posted, skipped or failed.
 */
export function deliveryRecord(sub: Subscription, ended: DeliveryDone | DeliveryFailed, at: Date): DeliveryRecord {
  // A failure always says why; a delivery that went out only when there is something to add.
  const reason = 'upToSeq' in ended ? ended.reason || undefined : ended.reason;
  return {
    at: at.toISOString(),
    subscriptionId: sub.id,
    guildId: sub.guildId,
    channelId: sub.channelId,
    kind: sub.pending?.kind ?? sub.mode,
    slugs: [...ended.slugs],
    outcome: ended.outcome,
    ...(reason !== undefined ? { reason } : {}),
    ...('messageId' in ended && ended.messageId ? { messageId: ended.messageId } : {}),
  };
}

/** 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
}

/** The subscription once `done` is recorded at `at`: the cursor moves on, the intent is cleared. */
export function afterDelivery(sub: Subscription, done: DeliveryDone, at: Date): Subscription {
  const next: Subscription = { ...sub, cursorSeq: Math.max(sub.cursorSeq, done.upToSeq) };
  if (done.slotAt) next.lastSlotAt = done.slotAt.toISOString();
  delete next.pending;
  delete next.retry;
  next.lastDelivery = { at: at.toISOString(), outcome: done.outcome, ...(done.reason ? { reason: done.reason } : {}) };
  return next;
}

/**
 * The subscription once a failure is recorded at `now`, or undefined when the failure removes it
 * (its channel is gone): retry later, give up on that post, or pause.
 */
export function afterFailure(sub: Subscription, failed: DeliveryFailed, now: Date): Subscription | undefined {
  const { outcome, reason } = failed;
  if (outcome === 'removed-unknown-channel') return undefined;
  const next: Subscription = { ...sub, lastDelivery: { at: now.toISOString(), outcome, reason } };
  if (outcome === 'retrying') {
    const attempts = (sub.retry?.attempts ?? 0) + 1;
    // The intent stays: the next attempt first checks whether this one got through after all.
    next.retry = { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(), reason };
  } else if (outcome === 'failed') {
    if (sub.pending) next.cursorSeq = Math.max(sub.cursorSeq, sub.pending.upToSeq);
    delete next.pending;
    delete next.retry;
  } else {
    // Paused: the cursor stays and resuming delivers what was missed. A digest cut short keeps
    // its intent, so resuming sends the rest of it rather than the whole digest again.
    next.status = 'paused';
    next.statusReason = reason;
    if (!sub.pending || sub.pending.partsSent === 0) delete next.pending;
    delete next.retry;
  }
  return next;
}
