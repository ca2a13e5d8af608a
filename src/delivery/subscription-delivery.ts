/**
 * Delivers one claimed subscription, exactly once whatever fails:
 * - the intent is written to the store before anything is sent;
 * - after a crash (or a timeout) the channel is checked for the post before sending again;
 * - a failing channel is paused, removed or retried with backoff;
 * - a finish or failure the store passes over (another process took the delivery over after this
 *   one's claim lapsed, and ended it) is neither counted nor reported, and ends this delivery.
 * Which subscriptions this process delivers, and when, is the runner's (delivery-runner.ts).
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { Clock } from '../domain/clock.js';
import type { DeliveryDone } from '../domain/delivery-progress.js';
import type { DeliveryOutcome, PendingDelivery, Subscription } from '../domain/subscription.schema.js';
import type { Logger } from '../log.js';
import { briefingThreadName, renderDigest } from '../render/delivery-messages.js';
import { renderNewBriefingMessages } from '../render/new-briefing-formats.js';
import { renderSubscriptionNotice } from '../render/subscription-messages.js';
import { planNextDelivery, plannedSlugs, type ArchivedBriefing, type PlannedDelivery } from '../schedule/delivery-plan.js';
import type { BriefingArchive } from '../store/briefing-archive.js';
import type { DeliveryStore, SubscriptionStore } from '../store/lumen-stores.js';
import type { AlertSink } from './alerts.js';
import { alertForFailure, checkPermissionsBeforePosting } from './delivery-alerts.js';
import { newDeliveryId, partNonce } from './delivery-ids.js';
import { countDigestParts, findNewBriefingPost } from './earlier-posts.js';
import { outcomeOf } from './failure-policy.js';
import { PostFailure, type Poster } from './poster.js';
import { subscriptionView } from './subscription-rules.js';

/** What delivering a subscription needs. */
export interface SubscriptionDeliveryOptions {
  /**
   * Who this process is, for claims: processes sharing a database each deliver only the
   * subscriptions they hold (src/store/lumen-stores.ts), and record an intent only while they do.
   */
  owner: string;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  archive: BriefingArchive;
  poster: Poster;
  clock: Clock;
  logger: Logger;
  onTopic: (subscription: Subscription, briefing: Briefing) => boolean;
  /** Where what needs an admin is reported (issue 16); none in some tests. */
  alerts?: AlertSink;
  /** Told every outcome the store recorded (the /metrics counters); the lag is from import (new) or the daily slot (digest) to the post. */
  onOutcome?: (outcome: DeliveryOutcome, lagMs?: number) => void;
}

/** Deliveries one subscription may make in one run before yielding to the next run. */
const MAX_PER_RUN = 25;
const MINUTE = 60_000;
/** How far back from the recorded intent to look for a post that may have gone out. */
const RECONCILE_SLACK_MS = 2 * MINUTE;

export class SubscriptionDelivery {
  readonly #o: SubscriptionDeliveryOptions;

  constructor(options: SubscriptionDeliveryOptions) {
    this.#o = options;
  }

  /**
   * Delivers what is due for a subscription this process has claimed, one item after another (at
   * most MAX_PER_RUN), until nothing is due, a delivery fails, or another process turns out to hold it.
   */
  async deliver(claimed: Subscription): Promise<void> {
    const id = claimed.id;
    let sub: Subscription | undefined = claimed;
    for (let i = 0; i < MAX_PER_RUN; i++) {
      if (i > 0) sub = await this.#o.subscriptions.get(id);
      if (sub?.status !== 'active') return;
      const plan = this.plan(sub, this.#o.clock.now());
      if (!plan) return;
      if (!(await this.#carryOut(sub, plan))) return;
    }
  }

  /** What is due for `sub` at `now`, if anything (a pure plan: src/schedule/delivery-plan.ts). */
  plan(sub: Subscription, now: Date): PlannedDelivery | undefined {
    return planNextDelivery({
      subscription: sub,
      importedAfter: (seq) => this.#o.archive.importedAfter(seq).map((s) => ({ seq: s.seq, briefing: s.briefing })),
      now,
      onTopic: this.#o.onTopic,
    });
  }

  /**
   * Carries out one planned delivery, or records why it failed. Returns whether the subscription
   * moved on (so the next due item may follow at once): not after a failure, nor when the store
   * passed the outcome over (another process took the delivery over and ended it, and so holds
   * the subscription now).
   */
  async #carryOut(sub: Subscription, plan: PlannedDelivery): Promise<boolean> {
    const now = this.#o.clock.now();
    // The intent this attempt carries out, once there is one: a failure is recorded against it.
    let intent = plan.kind === 'resume' ? sub.pending : undefined;
    try {
      // Issue 16: a missing permission pauses the subscription before Discord is asked.
      if (plan.kind !== 'skip') checkPermissionsBeforePosting(this.#o.poster, sub);
      switch (plan.kind) {
        case 'skip':
          return await this.#finish(sub.id, { upToSeq: plan.upToSeq, slotAt: plan.slotAt, outcome: plan.outcome, slugs: plan.skipped.map((s) => s.briefing.slug) });
        case 'new':
        case 'digest': {
          const pending: PendingDelivery = {
            id: newDeliveryId(now),
            kind: plan.kind,
            seqs: plan.kind === 'new' ? [plan.item.seq] : plan.items.map((i) => i.seq),
            upToSeq: plan.kind === 'new' ? plan.item.seq : plan.upToSeq,
            ...(plan.kind === 'digest' ? { slotAt: plan.slotAt.toISOString() } : {}),
            startedAt: now.toISOString(),
            partsSent: 0,
          };
          // The intent is durable before the first byte goes to Discord, and only while this
          // process still holds the subscription: one whose lease lapsed while it stalled would
          // otherwise post the next item as the process that took it over posts it too.
          if (!(await this.#o.deliveries.recordIntent(sub.id, pending, { owner: this.#o.owner, now: this.#o.clock.now() }))) {
            this.#o.logger.info({ subscription: sub.id, delivery: pending.id }, 'delivery stopped: this process no longer holds the subscription (its claim lapsed and another may have taken it over), or it is gone');
            return false;
          }
          intent = pending;
          return await this.#send(sub, pending, 0);
        }
        case 'resume':
          return await this.#resume(sub, sub.pending as PendingDelivery);
      }
    } catch (error) {
      await this.#failed(sub, error, intent, plannedSlugs(plan));
      return false;
    }
  }

  /** A recorded delivery whose fate is unknown: count what reached the channel, send the rest. */
  async #resume(sub: Subscription, pending: PendingDelivery): Promise<boolean> {
    const since = new Date(new Date(pending.startedAt).getTime() - RECONCILE_SLACK_MS);
    const earlier = await this.#o.poster.earlierPosts(sub.channelId, since);
    let found = 0;
    if (pending.kind === 'new') {
      const slug = this.#briefings(pending)[0]?.briefing.slug;
      const post = findNewBriefingPost(earlier, pending.id);
      if (post) {
        const thread = post.threadId ? { threadId: post.threadId } : await this.#openMissingThread(sub, pending, post.messageId);
        const reason = ['found in the channel after a restart', thread.problem].filter(Boolean).join('; ');
        return this.#finish(sub.id, { upToSeq: pending.upToSeq, outcome: 'posted', reason, slugs: [slug ?? ''], messageId: post.messageId, threadId: thread.threadId }, pending);
      }
    } else {
      found = countDigestParts(earlier, pending.id);
    }
    return this.#send(sub, pending, Math.max(found, pending.partsSent));
  }

  /** The post went out but its thread did not (the process died in between): open it now. */
  async #openMissingThread(sub: Subscription, pending: PendingDelivery, messageId: string): Promise<{ threadId?: string; problem?: string }> {
    const briefing = this.#briefings(pending)[0]?.briefing;
    if (!briefing) return {};
    try {
      return { threadId: await this.#o.poster.openThread(sub.channelId, messageId, briefingThreadName(briefing)) };
    } catch (error) {
      return { problem: `no thread: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  #briefings(pending: PendingDelivery): ArchivedBriefing[] {
    const wanted = new Set(pending.seqs);
    return this.#o.archive.importedAfter(Math.min(...pending.seqs) - 1).filter((s) => wanted.has(s.seq)).map((s) => ({ seq: s.seq, briefing: s.briefing }));
  }

  /** Sends what is left of `pending` from part `fromPart`; returns whether its finish was recorded. */
  async #send(sub: Subscription, pending: PendingDelivery, fromPart: number): Promise<boolean> {
    const items = this.#briefings(pending);
    const slugs = items.map((i) => i.briefing.slug);
    if (pending.kind === 'new') {
      const briefing = items[0]?.briefing;
      if (!briefing) return this.#finish(sub.id, { upToSeq: pending.upToSeq, outcome: 'failed', reason: 'the briefing is no longer in the archive', slugs }, pending);
      const [post, ...rest] = renderNewBriefingMessages(briefing, { format: sub.format, roleId: sub.mentionRoleId, everyone: sub.mentionEveryone, delivery: pending.id });
      const posted = await this.#o.poster.postNewBriefing(sub.channelId, post as (typeof rest)[number], {
        threadName: briefingThreadName(briefing),
        nonce: pending.id,
        mentionRoleId: sub.mentionRoleId,
        mentionEveryone: sub.mentionEveryone !== undefined,
      });
      // format:full: the rest of the briefing follows in its thread (best effort: the post is what counts).
      const target = posted.threadId;
      for (const [i, part] of rest.entries()) {
        if (!target) break;
        await this.#o.poster.postMessage(target, part, { nonce: partNonce(pending.id, i + 1) }).catch((error: unknown) => {
          this.#o.logger.warn({ err: error, subscription: sub.id }, 'a part of a full briefing did not reach its thread');
        });
      }
      return this.#finish(sub.id, { upToSeq: pending.upToSeq, outcome: 'posted', reason: posted.threadProblem, slugs, messageId: posted.messageId, threadId: posted.threadId }, pending);
    }
    const since = new Date(sub.lastSlotAt ?? sub.createdAt);
    const parts = renderDigest(items.map((i) => i.briefing), { since, until: pending.slotAt ?? pending.startedAt, timezone: sub.timezone }, { delivery: pending.id });
    let firstId: string | undefined;
    for (let part = fromPart; part < parts.length; part++) {
      const { messageId } = await this.#o.poster.postMessage(sub.channelId, parts[part] as (typeof parts)[number], { nonce: partNonce(pending.id, part) });
      firstId ??= messageId;
      await this.#o.deliveries.markPartsSent(sub.id, pending.id, part + 1);
    }
    return this.#finish(sub.id, { upToSeq: pending.upToSeq, slotAt: pending.slotAt ? new Date(pending.slotAt) : undefined, outcome: 'posted', slugs, messageId: firstId }, pending);
  }

  /**
   * Records an outcome that moves the cursor on, and clears the intent; returns whether the store
   * recorded it. One it passed over (another process ended this delivery after this one's claim
   * lapsed, or the subscription is gone) is neither counted nor reported as delivered.
   */
  async #finish(id: string, done: DeliveryDone, pending?: PendingDelivery): Promise<boolean> {
    const now = this.#o.clock.now();
    const recorded = await this.#o.deliveries.finish(id, pending ? { ...done, deliveryId: pending.id } : done, now);
    if (!recorded) {
      this.#o.logger.info({ subscription: id, delivery: pending?.id, outcome: done.outcome }, 'delivery already finished elsewhere (or its subscription removed); not recorded or counted again');
      return false;
    }
    this.#o.onOutcome?.(done.outcome, done.outcome === 'posted' && pending ? now.getTime() - this.#dueSince(pending) : undefined);
    return true;
  }

  /** When a delivery became due: its daily slot, or the import of the briefing it posts. */
  #dueSince(pending: PendingDelivery): number {
    if (pending.slotAt) return Date.parse(pending.slotAt);
    const [seq] = pending.seqs;
    const imported = seq === undefined ? undefined : this.#o.archive.importedAfter(seq - 1)[0];
    return Date.parse(imported && imported.seq === seq ? imported.importedAt : pending.startedAt);
  }

  /**
   * A post failed: pause, remove, retry later or give up on it, and say so. A failure of `intent`
   * that the store passed over (another process took the delivery over and recorded its outcome)
   * is only logged: no count, no notice, no alert.
   */
  async #failed(sub: Subscription, error: unknown, intent: PendingDelivery | undefined, planned: string[]): Promise<void> {
    const id = sub.id;
    const before = (await this.#o.subscriptions.get(id)) ?? sub;
    const reason = error instanceof Error ? error.message : String(error);
    if (!(error instanceof PostFailure)) this.#o.logger.error({ err: error, subscription: id }, 'unexpected delivery error; will retry');
    const now = this.#o.clock.now();
    const slugs = intent ? this.#briefings(intent).map((b) => b.briefing.slug) : planned;
    const outcome = outcomeOf(error);
    // Fenced by the intent and by what was recorded when this attempt began (`sub` as it read it).
    const attempt = intent ? { deliveryId: intent.id, lastDeliveryAtStart: sub.lastDelivery?.at } : {};
    // And by the claim: once another process took the subscription over, its attempt of the same intent may be in flight.
    const recorded = await this.#o.deliveries.fail(id, { outcome, reason, slugs, ...attempt }, now, this.#o.owner);
    if (!recorded) {
      this.#o.logger.info({ subscription: id, delivery: intent?.id, outcome, reason }, 'late failure: another process recorded an outcome of this delivery meanwhile or holds it now (or its subscription is gone); not recorded or counted');
      return;
    }
    const { after } = recorded;
    this.#o.onOutcome?.(outcome);
    this.#o.logger.warn({ subscription: id, channel: before.channelId, outcome, reason }, 'delivery did not go through');
    if (outcome.startsWith('paused') || outcome === 'removed-unknown-channel') {
      const notice = renderSubscriptionNotice(subscriptionView(before), outcome === 'removed-unknown-channel' ? 'removed' : 'paused', reason);
      await this.#o.poster.notice(before.createdInChannelId, notice).catch((noticeError: unknown) => {
        this.#o.logger.info({ err: noticeError, channel: before.createdInChannelId }, 'could not post the notice either');
      });
    }
    const alert = alertForFailure(before, after, error, outcome, reason, now.toISOString());
    if (alert) await this.#o.alerts?.raise(alert);
  }
}
