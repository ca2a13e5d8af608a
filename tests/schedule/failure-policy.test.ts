import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/delivery/failure-policy.js';
import { PostFailure } from '../../src/delivery/poster.js';
import { afterDelivery, afterFailure, endsHeldIntent, failureApplies, retryDelayMs } from '../../src/domain/delivery-progress.js';
import { type DeliveryOutcome, type Subscription } from '../../src/domain/subscription.schema.js';

const MINUTE = 60_000;
const NOW = new Date('2026-11-25T09:00:00.000Z');

/** A delivery intent as recorded before sending. */
function pending(kind: 'new' | 'digest', upToSeq: number, partsSent = 0): NonNullable<Subscription['pending']> {
  return { id: '1575126960185671690', kind, seqs: [upToSeq], upToSeq, startedAt: NOW.toISOString(), partsSent };
}

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    guildId: '1575126960185671680',
    channelId: '1575126960185671681',
    createdInChannelId: '1575126960185671682',
    createdBy: '1575126960185671683',
    mode: 'new',
    time: '08:00',
    timezone: 'UTC',
    createdAt: '2026-11-01T00:00:00.000Z',
    status: 'active',
    cursorSeq: 3,
    ...overrides,
  };
}

function fail(sub: Subscription, outcome: DeliveryOutcome, reason: string): Subscription | undefined {
  return afterFailure(sub, { outcome, reason, slugs: [] }, NOW);
}

describe('given a post that failed', () => {
  it('then the retry delay doubles from one minute and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(retryDelayMs(0)).toBe(MINUTE);
  });

  it('then each kind of failure maps to its outcome, and anything unclassified is retried', () => {
    expect(outcomeOf(new PostFailure('missing-access', 'x'))).toBe('paused-missing-access');
    expect(outcomeOf(new PostFailure('missing-permissions', 'x'))).toBe('paused-missing-permissions');
    expect(outcomeOf(new PostFailure('unknown-channel', 'x'))).toBe('removed-unknown-channel');
    expect(outcomeOf(new PostFailure('rejected', 'x'))).toBe('failed');
    expect(outcomeOf(new PostFailure('transient', 'x'))).toBe('retrying');
    expect(outcomeOf(new Error('socket hang up'))).toBe('retrying');
  });

  it('then retrying counts the attempts and schedules the next one further out each time, keeping the intent', () => {
    const intent = pending('new', 4);
    let sub = subscription({ pending: intent });
    const before = structuredClone(sub);
    const times: string[] = [];
    for (let i = 0; i < 8; i++) {
      sub = fail(sub, 'retrying', '503 Service Unavailable') as Subscription;
      times.push(sub.retry?.nextAttemptAt ?? '');
    }
    expect(before.retry).toBeUndefined();
    expect(sub.retry?.attempts).toBe(8);
    expect(times.map((t) => (Date.parse(t) - NOW.getTime()) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(sub.retry?.reason).toBe('503 Service Unavailable');
    expect(sub.pending).toEqual(intent);
    expect(sub.lastDelivery).toEqual({ at: NOW.toISOString(), outcome: 'retrying', reason: '503 Service Unavailable' });
    expect(sub.cursorSeq).toBe(3);
  });

  it('then a rejected post is given up: the cursor moves past it and the retry is cleared', () => {
    const sub = fail(subscription({ pending: pending('new', 7), retry: { attempts: 2, nextAttemptAt: NOW.toISOString(), reason: 'x' } }), 'failed', '50035 Invalid Form Body') as Subscription;
    expect(sub.cursorSeq).toBe(7);
    expect(sub.pending).toBeUndefined();
    expect(sub.retry).toBeUndefined();
    expect(sub.status).toBe('active');
  });

  it('then missing access pauses the subscription with the reason; the cursor stays for when it resumes', () => {
    const sub = fail(subscription({ retry: { attempts: 1, nextAttemptAt: NOW.toISOString(), reason: 'x' } }), 'paused-missing-access', 'Missing Access') as Subscription;
    expect(sub).toMatchObject({ status: 'paused', statusReason: 'Missing Access', cursorSeq: 3 });
    expect(sub.retry).toBeUndefined();
  });

  it('then a digest paused halfway keeps its intent, so resuming sends the rest and not the whole digest again', () => {
    const halfway = fail(subscription({ mode: 'digest', pending: pending('digest', 9, 1) }), 'paused-missing-permissions', 'Missing Permissions');
    expect(halfway?.pending?.partsSent).toBe(1);
    const notStarted = fail(subscription({ mode: 'digest', pending: pending('digest', 9, 0) }), 'paused-missing-permissions', 'Missing Permissions');
    expect(notStarted?.pending).toBeUndefined();
  });

  it('then an unknown channel removes the subscription', () => {
    expect(fail(subscription({ id: 'gone' }), 'removed-unknown-channel', 'Unknown Channel')).toBeUndefined();
  });
});

describe('given a delivery that went out', () => {
  it('then the cursor moves on (never back), the slot is recorded, and the intent and retry are cleared', () => {
    const sub = subscription({ mode: 'digest', pending: pending('digest', 9, 2), retry: { attempts: 1, nextAttemptAt: NOW.toISOString(), reason: 'x' } });
    const slotAt = new Date('2026-11-25T08:00:00.000Z');
    const done = afterDelivery(sub, { upToSeq: 9, slotAt, outcome: 'posted', slugs: ['a'] }, NOW);
    expect(done).toMatchObject({ cursorSeq: 9, lastSlotAt: slotAt.toISOString(), lastDelivery: { at: NOW.toISOString(), outcome: 'posted' } });
    expect(done.pending).toBeUndefined();
    expect(done.retry).toBeUndefined();
    expect(afterDelivery(subscription({ cursorSeq: 12 }), { upToSeq: 9, outcome: 'skipped-empty', slugs: [] }, NOW).cursorSeq).toBe(12);
    expect(sub.pending?.partsSent).toBe(2);
  });
});

describe('given a finish or a failure arriving late (another process took the delivery over)', () => {
  it('then it applies only to the intent the subscription still holds; one carrying out no intent always applies', () => {
    const holding = subscription({ pending: pending('new', 4) });
    const held = holding.pending?.id;
    const done = { upToSeq: 4, outcome: 'posted' as const, slugs: ['a'] };
    const failed = { outcome: 'retrying' as const, reason: '503', slugs: ['a'] };
    expect([endsHeldIntent(holding, { ...done, deliveryId: held }), endsHeldIntent(holding, { ...failed, deliveryId: held })]).toEqual([true, true]);
    // Ended elsewhere (no intent left), or the holder is on its next one.
    for (const sub of [subscription(), subscription({ pending: { ...pending('new', 5), id: '1575126960185671699' } })]) {
      expect([endsHeldIntent(sub, { ...done, deliveryId: held }), endsHeldIntent(sub, { ...failed, deliveryId: held })]).toEqual([false, false]);
    }
    expect([endsHeldIntent(subscription(), done), endsHeldIntent(holding, failed)]).toEqual([true, true]);
  });
});

describe('given a failure of the intent still held, arriving late', () => {
  it('then it applies only when nothing was recorded on the subscription since its attempt began', () => {
    const intent = pending('new', 4);
    const fresh = subscription({ pending: intent });
    const failed = { outcome: 'retrying' as const, reason: '503', slugs: ['a'], deliveryId: intent.id };
    expect(failureApplies(fresh, { ...failed, lastDeliveryAtStart: undefined })).toBe(true);
    // Another process tried the same intent and recorded its failure meanwhile.
    const retried = afterFailure(fresh, failed, NOW) as Subscription;
    expect(failureApplies(retried, { ...failed, lastDeliveryAtStart: undefined })).toBe(false);
    expect(failureApplies(retried, { ...failed, lastDeliveryAtStart: NOW.toISOString() })).toBe(true);
    // A failure naming no intent is not fenced; one of an intent no longer held never applies.
    expect(failureApplies(retried, { outcome: 'failed', reason: 'x', slugs: [] })).toBe(true);
    expect(failureApplies(subscription(), { ...failed, lastDeliveryAtStart: undefined })).toBe(false);
  });
});
