import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { nextRunAt, planNextDelivery, type ArchivedBriefing, type PlanInput } from '../../src/schedule/delivery-plan.js';
import type { Subscription } from '../../src/domain/subscription.schema.js';
import { makeBriefing } from '../search/make-briefing.js';

const archived = (seq: number, slug: string): ArchivedBriefing => ({ seq, briefing: makeBriefing({ slug }) });
const ARCHIVE = [archived(1, 'one'), archived(2, 'two-quokka'), archived(3, 'three'), archived(4, 'four-quokka')];

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    guildId: '1575126960185671680',
    channelId: '1575126960185671681',
    createdInChannelId: '1575126960185671682',
    createdBy: '1575126960185671683',
    mode: 'new',
    time: '08:00',
    timezone: 'Europe/Berlin',
    createdAt: '2026-03-20T12:00:00.000Z',
    status: 'active',
    cursorSeq: 0,
    ...overrides,
  };
}

/** A plan over ARCHIVE (or `archive`) at `now`; a topic matches slugs containing it. */
function plan(sub: Subscription, now: string, archive: ArchivedBriefing[] = ARCHIVE): ReturnType<typeof planNextDelivery> {
  const input: PlanInput = {
    subscription: sub,
    importedAfter: (seq) => archive.filter((a) => a.seq > seq),
    now: new Date(now),
    onTopic: (s: Subscription, briefing: Briefing) => !s.topic || briefing.slug.includes(s.topic),
  };
  return planNextDelivery(input);
}

const slugs = (items: ArchivedBriefing[]): string[] => items.map((i) => i.briefing.slug);

describe('given a new-briefing subscription', () => {
  it('then the oldest briefing after the cursor is next, one at a time', () => {
    const next = plan(subscription({ cursorSeq: 1 }), '2026-03-21T00:00:00Z');
    expect(next).toMatchObject({ kind: 'new', item: { seq: 2 } });
  });

  it('then briefings off its topic before the next one on it are skipped in one step, named for the log', () => {
    const next = plan(subscription({ topic: 'quokka', cursorSeq: 2 }), '2026-03-21T00:00:00Z');
    expect(next?.kind).toBe('skip');
    if (next?.kind !== 'skip') return;
    expect(next.outcome).toBe('skipped-filtered');
    expect(slugs(next.skipped)).toEqual(['three']);
    expect(next.upToSeq).toBe(3);
  });

  it('then nothing is due once the cursor is at the end of the archive', () => {
    expect(plan(subscription({ cursorSeq: 4 }), '2026-03-21T00:00:00Z')).toBeUndefined();
  });
});

describe('given a subscription that is paused, retrying or part-way through a delivery', () => {
  it('then a paused subscription plans nothing, and has no next run', () => {
    const paused = subscription({ status: 'paused', statusReason: 'Missing Access' });
    expect(plan(paused, '2026-03-21T00:00:00Z')).toBeUndefined();
    expect(nextRunAt(paused, new Date('2026-03-21T00:00:00Z'))).toBeUndefined();
  });

  it('then a retry waits for its time, and is planned again from then on', () => {
    const retrying = subscription({ retry: { attempts: 2, nextAttemptAt: '2026-03-21T00:02:00.000Z', reason: '503' } });
    expect(plan(retrying, '2026-03-21T00:01:59Z')).toBeUndefined();
    expect(plan(retrying, '2026-03-21T00:02:00Z')).toMatchObject({ kind: 'new', item: { seq: 1 } });
    expect(nextRunAt(retrying, new Date('2026-03-21T00:00:00Z'))?.toISOString()).toBe('2026-03-21T00:02:00.000Z');
  });

  it('then a recorded intent is resumed (look before sending again) before anything new', () => {
    const pending = { id: '1575126960185671690', kind: 'new' as const, seqs: [1], upToSeq: 1, startedAt: '2026-03-21T00:00:00.000Z', partsSent: 0 };
    expect(plan(subscription({ pending }), '2026-03-21T00:00:00Z')).toEqual({ kind: 'resume' });
  });
});

describe('given a digest subscription at 08:00 Europe/Berlin', () => {
  const digest = (overrides: Partial<Subscription> = {}): Subscription => subscription({ mode: 'digest', ...overrides });

  it('then nothing is due before the first slot after it was made, and the digest lists everything after the cursor at it', () => {
    // Made 2026-03-20 12:00 UTC; the next 08:00 in Berlin (CET) is 07:00 UTC on the 21st.
    expect(plan(digest(), '2026-03-21T06:59:00Z')).toBeUndefined();
    const due = plan(digest(), '2026-03-21T07:00:00Z');
    expect(due?.kind).toBe('digest');
    if (due?.kind !== 'digest') return;
    expect(slugs(due.items)).toEqual(['one', 'two-quokka', 'three', 'four-quokka']);
    expect(due.slotAt.toISOString()).toBe('2026-03-21T07:00:00.000Z');
    expect(due.since.toISOString()).toBe('2026-03-20T12:00:00.000Z');
    expect(due.upToSeq).toBe(4);
  });

  it('then after the spring change the slot is 06:00 UTC', () => {
    const due = plan(digest({ lastSlotAt: '2026-03-28T07:00:00.000Z' }), '2026-03-29T06:00:00Z');
    expect(due).toMatchObject({ kind: 'digest', slotAt: new Date('2026-03-29T06:00:00.000Z') });
    expect(plan(digest({ lastSlotAt: '2026-03-28T07:00:00.000Z' }), '2026-03-29T05:59:00Z')).toBeUndefined();
  });

  it('then days missed while the bot was down give one digest, answering the latest slot, not one per day', () => {
    // Last digest on the 21st; the bot comes back on the 25th at 10:00 UTC.
    const due = plan(digest({ lastSlotAt: '2026-03-21T07:00:00.000Z', cursorSeq: 1 }), '2026-03-25T10:00:00Z');
    expect(due?.kind).toBe('digest');
    if (due?.kind !== 'digest') return;
    expect(due.slotAt.toISOString()).toBe('2026-03-25T07:00:00.000Z');
    expect(slugs(due.items)).toEqual(['two-quokka', 'three', 'four-quokka']);
    // Once that digest is recorded, nothing more is due that day.
    expect(plan(digest({ lastSlotAt: due.slotAt.toISOString(), cursorSeq: due.upToSeq }), '2026-03-25T10:00:00Z')).toBeUndefined();
  });

  it('then a day with nothing new is skipped as empty, and one with nothing on its topic as filtered; both move the slot on', () => {
    const empty = plan(digest({ lastSlotAt: '2026-03-21T07:00:00.000Z', cursorSeq: 4 }), '2026-03-22T07:00:00Z');
    expect(empty).toMatchObject({ kind: 'skip', outcome: 'skipped-empty', skipped: [], upToSeq: 4, slotAt: new Date('2026-03-22T07:00:00.000Z') });
    const offTopic = plan(digest({ topic: 'narwhal', lastSlotAt: '2026-03-21T07:00:00.000Z', cursorSeq: 2 }), '2026-03-22T07:00:00Z');
    expect(offTopic).toMatchObject({ kind: 'skip', outcome: 'skipped-filtered', upToSeq: 4 });
    if (offTopic?.kind === 'skip') expect(slugs(offTopic.skipped)).toEqual(['three', 'four-quokka']);
  });

  it('then a topic keeps only the briefings on it, while the cursor passes them all', () => {
    const due = plan(digest({ topic: 'quokka', lastSlotAt: '2026-03-21T07:00:00.000Z' }), '2026-03-22T07:00:00Z');
    expect(due?.kind).toBe('digest');
    if (due?.kind !== 'digest') return;
    expect(slugs(due.items)).toEqual(['two-quokka', 'four-quokka']);
    expect(due.upToSeq).toBe(4);
  });

  it('then the next run is the next slot, or now when one is overdue; a new-briefing subscription has none', () => {
    const sub = digest({ lastSlotAt: '2026-03-21T07:00:00.000Z' });
    expect(nextRunAt(sub, new Date('2026-03-21T12:00:00Z'))?.toISOString()).toBe('2026-03-22T07:00:00.000Z');
    expect(nextRunAt(sub, new Date('2026-03-23T12:00:00Z'))?.toISOString()).toBe('2026-03-23T12:00:00.000Z');
    expect(nextRunAt(subscription(), new Date('2026-03-21T12:00:00Z'))).toBeUndefined();
  });
});
