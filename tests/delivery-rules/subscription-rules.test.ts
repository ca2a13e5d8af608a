/** The rules about a subscription's values: which options apply, what is "the same one", short ids, the topic filter. */
import { describe, expect, it } from 'vitest';
import { checkSubscribeOptions, newSubscriptionId, sameSubscription, shortIdOf } from '../../src/delivery/subscription-rules.js';
import { topicFilter } from '../../src/schedule/delivery-plan.js';
import type { Subscription } from '../../src/domain/subscription.schema.js';
import { makeBriefing } from '../search/make-briefing.js';

const base: Subscription = {
  id: 'abcdef12-0000-4000-8000-000000000000',
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  createdInChannelId: '100000000000000003',
  createdBy: '100000000000000004',
  mode: 'new',
  time: '08:00',
  timezone: 'UTC',
  createdAt: '2026-11-25T09:00:00.000Z',
  status: 'active',
  cursorSeq: 0,
};

describe('given /subscribe options', () => {
  it.each([
    [{ mode: 'new', time: '08:00' }, '`time` works with `mode:digest` only'],
    [{ mode: 'new', timezone: 'UTC' }, '`timezone` works with `mode:digest` only'],
    [{ mode: 'digest', mentionRoleId: '1' }, '`mention` works with `mode:new` only'],
    [{ mode: 'digest', format: 'compact' }, '`format` works with `mode:new` only'],
    [{ mode: 'new', mentionRoleId: '1', mentionEveryone: 'here' }, 'either a `mention` role or `everyone`'],
    [{ mode: 'new', topic: 'chips', excludeTopic: ' Chips' }, 'the same words'],
  ] as const)('then %o is refused: %s', (options, problem) => {
    const result = checkSubscribeOptions(options);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });

  it('then topics are compared as words, and format card is the default (not stored)', () => {
    const result = checkSubscribeOptions({ mode: 'new', topic: '  Chips   Taiwan ', format: 'card' });
    expect(result).toEqual({ ok: true, settings: { time: '08:00', timezone: 'UTC', topic: 'chips taiwan' } });
    expect(result.ok && sameSubscription({ ...base, topic: 'Chips taiwan' }, base.guildId, base.channelId, 'new', result.settings)).toBe(true);
    expect(result.ok && sameSubscription(base, base.guildId, base.channelId, 'new', result.settings)).toBe(false);
  });
});

describe('given short ids', () => {
  it('then a new id never repeats a short id already taken', () => {
    const existing = Array.from({ length: 300 }, () => ({ id: newSubscriptionId([]) }));
    for (let i = 0; i < 200; i++) {
      const id = newSubscriptionId(existing);
      expect(existing.map(shortIdOf)).not.toContain(shortIdOf({ id }));
      existing.push({ id });
    }
    expect(shortIdOf(base)).toBe('abcdef');
  });
});

describe('given a topic filter over a search', () => {
  const found: Record<string, string[]> = { chips: ['semis', 'mixed'], taiwan: ['mixed'] };
  const filter = topicFilter((briefing, words) => (found[words] ?? []).includes(briefing.slug));
  it('then include words must find the briefing and exclude words must not', () => {
    const sub = { ...base, topic: 'chips', excludeTopic: 'taiwan' };
    expect(['semis', 'mixed', 'other'].filter((slug) => filter(sub, makeBriefing({ slug })))).toEqual(['semis']);
    expect(['semis', 'mixed', 'other'].filter((slug) => filter(base, makeBriefing({ slug })))).toEqual(['semis', 'mixed', 'other']);
  });
});
