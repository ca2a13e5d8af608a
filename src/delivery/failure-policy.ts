/**
 * What a failed post does to its subscription: retry later, give up on that post, pause the
 * subscription, or remove it. Pure changes to the state, so the rule reads in one place.
 */
import type { DeliveryOutcome, StateFile, Subscription } from '../store/state.schema.js';
import { PostFailure } from './poster.js';

const MINUTE = 60_000;

/** 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
}

/** The outcome a failure is logged as; anything not classified is treated as passing (retried). */
export function outcomeOf(error: unknown): DeliveryOutcome {
  const kind = error instanceof PostFailure ? error.kind : 'transient';
  switch (kind) {
    case 'missing-access':
      return 'paused-missing-access';
    case 'missing-permissions':
      return 'paused-missing-permissions';
    case 'unknown-channel':
      return 'removed-unknown-channel';
    case 'transient':
      return 'retrying';
    case 'rejected':
      return 'failed';
  }
}

/** Applies a failure's outcome to subscription `target` in `state`. */
export function applyFailure(state: StateFile, target: Subscription, outcome: DeliveryOutcome, reason: string, now: Date): void {
  if (outcome === 'retrying') {
    const attempts = (target.retry?.attempts ?? 0) + 1;
    // The intent stays: the next attempt first checks whether this one got through after all.
    target.retry = { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(), reason };
  } else if (outcome === 'failed') {
    if (target.pending) target.cursorSeq = Math.max(target.cursorSeq, target.pending.upToSeq);
    delete target.pending;
    delete target.retry;
  } else if (outcome === 'removed-unknown-channel') {
    state.subscriptions = state.subscriptions.filter((s) => s.id !== target.id);
  } else {
    // Paused: the cursor stays and resuming delivers what was missed. A digest cut short keeps
    // its intent, so resuming sends the rest of it rather than the whole digest again.
    target.status = 'paused';
    target.statusReason = reason;
    if (!target.pending || target.pending.partsSent === 0) delete target.pending;
    delete target.retry;
  }
}
