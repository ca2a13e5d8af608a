import { describe, expect, it } from 'vitest';
import { applyFailure, outcomeOf, retryDelayMs } from '../../src/delivery/failure-policy.js';
import { PostFailure } from '../../src/delivery/poster.js';
import { emptyState, type StateFile, type Subscription } from '../../src/store/state.schema.js';

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

function stateWith(...subs: Subscription[]): StateFile {
  return { ...emptyState(), subscriptions: subs };
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
    const sub = subscription({ pending: intent });
    const state = stateWith(sub);
    const times: string[] = [];
    for (let i = 0; i < 8; i++) {
      applyFailure(state, sub, 'retrying', '503 Service Unavailable', NOW);
      times.push(sub.retry?.nextAttemptAt ?? '');
    }
    expect(sub.retry?.attempts).toBe(8);
    expect(times.map((t) => (Date.parse(t) - NOW.getTime()) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(sub.retry?.reason).toBe('503 Service Unavailable');
    expect(sub.pending).toBe(intent);
    expect(sub.cursorSeq).toBe(3);
  });

  it('then a rejected post is given up: the cursor moves past it and the retry is cleared', () => {
    const sub = subscription({ pending: pending('new', 7), retry: { attempts: 2, nextAttemptAt: NOW.toISOString(), reason: 'x' } });
    applyFailure(stateWith(sub), sub, 'failed', '50035 Invalid Form Body', NOW);
    expect(sub.cursorSeq).toBe(7);
    expect(sub.pending).toBeUndefined();
    expect(sub.retry).toBeUndefined();
    expect(sub.status).toBe('active');
  });

  it('then missing access pauses the subscription with the reason; the cursor stays for when it resumes', () => {
    const sub = subscription({ retry: { attempts: 1, nextAttemptAt: NOW.toISOString(), reason: 'x' } });
    applyFailure(stateWith(sub), sub, 'paused-missing-access', 'Missing Access', NOW);
    expect(sub).toMatchObject({ status: 'paused', statusReason: 'Missing Access', cursorSeq: 3 });
    expect(sub.retry).toBeUndefined();
  });

  it('then a digest paused halfway keeps its intent, so resuming sends the rest and not the whole digest again', () => {
    const halfway = subscription({ mode: 'digest', pending: pending('digest', 9, 1) });
    applyFailure(stateWith(halfway), halfway, 'paused-missing-permissions', 'Missing Permissions', NOW);
    expect(halfway.pending?.partsSent).toBe(1);
    const notStarted = subscription({ mode: 'digest', pending: pending('digest', 9, 0) });
    applyFailure(stateWith(notStarted), notStarted, 'paused-missing-permissions', 'Missing Permissions', NOW);
    expect(notStarted.pending).toBeUndefined();
  });

  it('then an unknown channel removes that subscription and no other', () => {
    const gone = subscription({ id: 'gone' });
    const other = subscription({ id: 'other' });
    const state = stateWith(gone, other);
    applyFailure(state, gone, 'removed-unknown-channel', 'Unknown Channel', NOW);
    expect(state.subscriptions.map((s) => s.id)).toEqual(['other']);
  });
});
