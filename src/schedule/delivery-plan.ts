/**
 * What is due for one subscription, decided from the subscription, the archive and the clock
 * alone. No I/O: the same inputs give the same plan, so delivery can be tested with simulated
 * time, and a restart re-derives exactly what is still owed.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import type { Subscription } from '../domain/subscription.schema.js';
import { latestDailySlot, nextDailySlot } from './daily-slot.js';

/** A briefing with its archive position. */
export interface ArchivedBriefing {
  seq: number;
  briefing: Briefing;
}

export interface PlanInput {
  subscription: Subscription;
  /** Briefings first imported after archive position `seq`, oldest first. */
  importedAfter: (seq: number) => ArchivedBriefing[];
  now: Date;
  /** Whether a briefing is on the subscription's topic (always true without one). */
  onTopic: (subscription: Subscription, briefing: Briefing) => boolean;
}

export type PlannedDelivery =
  /** A delivery was recorded and may or may not have gone out: look before sending again. */
  | { kind: 'resume' }
  /** Post one new briefing. */
  | { kind: 'new'; item: ArchivedBriefing }
  /** Post the day's digest of these briefings; `since` is where the previous one ended. */
  | { kind: 'digest'; items: ArchivedBriefing[]; slotAt: Date; since: Date; upToSeq: number }
  /** Nothing to post, but the cursor (and digest slot) move on, with a reason for the log. */
  | { kind: 'skip'; outcome: 'skipped-filtered' | 'skipped-empty'; skipped: ArchivedBriefing[]; upToSeq: number; slotAt?: Date };

/**
 * A subscription's topic filter over a topic search (the search index's, so "chips" finds
 * semiconductor briefings): its include words must find the briefing, its exclude words must not.
 */
export function topicFilter(matches: (briefing: Briefing, words: string) => boolean): PlanInput['onTopic'] {
  return (sub, briefing) => (!sub.topic || matches(briefing, sub.topic)) && (!sub.excludeTopic || !matches(briefing, sub.excludeTopic));
}

/** The next thing due for a subscription at `now`, or undefined when nothing is. */
export function planNextDelivery(input: PlanInput): PlannedDelivery | undefined {
  const { subscription: sub, now } = input;
  if (sub.status !== 'active') return undefined;
  if (sub.retry && new Date(sub.retry.nextAttemptAt) > now) return undefined;
  if (sub.pending) return { kind: 'resume' };
  return sub.mode === 'new' ? planNew(input) : planDigest(input);
}

function planNew({ subscription: sub, importedAfter, onTopic }: PlanInput): PlannedDelivery | undefined {
  const candidates = importedAfter(sub.cursorSeq);
  const firstOnTopic = candidates.findIndex((c) => onTopic(sub, c.briefing));
  if (firstOnTopic === 0) return { kind: 'new', item: candidates[0] as ArchivedBriefing };
  // Briefings off the topic are passed over in one step, and logged as such.
  const skipped = firstOnTopic < 0 ? candidates : candidates.slice(0, firstOnTopic);
  const last = skipped.at(-1);
  return last ? { kind: 'skip', outcome: 'skipped-filtered', skipped, upToSeq: last.seq } : undefined;
}

function planDigest({ subscription: sub, importedAfter, now, onTopic }: PlanInput): PlannedDelivery | undefined {
  const since = new Date(sub.lastSlotAt ?? sub.createdAt);
  if (nextDailySlot(since, sub.time, sub.timezone) > now) return undefined;
  // Days missed while the bot was down collapse into one digest, answering the latest slot.
  const slotAt = latestDailySlot(now, sub.time, sub.timezone);
  const candidates = importedAfter(sub.cursorSeq);
  const upToSeq = candidates.at(-1)?.seq ?? sub.cursorSeq;
  const items = candidates.filter((c) => onTopic(sub, c.briefing));
  if (items.length === 0) {
    const outcome = candidates.length === 0 ? 'skipped-empty' : 'skipped-filtered';
    return { kind: 'skip', outcome, skipped: candidates, upToSeq, slotAt };
  }
  return { kind: 'digest', items, slotAt, since, upToSeq };
}

/** The briefings a plan would post (a failure before its intent is recorded is logged with them). */
export function plannedSlugs(plan: PlannedDelivery): string[] {
  if (plan.kind === 'new') return [plan.item.briefing.slug];
  return plan.kind === 'digest' ? plan.items.map((i) => i.briefing.slug) : [];
}

/** When a subscription's next delivery can happen, for /subscriptions ("next run"). */
export function nextRunAt(sub: Subscription, now: Date): Date | undefined {
  if (sub.status !== 'active') return undefined;
  if (sub.retry) return new Date(sub.retry.nextAttemptAt);
  if (sub.mode === 'new') return undefined;
  const next = nextDailySlot(new Date(sub.lastSlotAt ?? sub.createdAt), sub.time, sub.timezone);
  return next > now ? next : now;
}
