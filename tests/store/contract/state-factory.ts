/** Input factories for the state stores' contract: valid records with small, readable overrides. */
import type { DeliveryRecord, PendingDelivery, Subscription } from '../../../src/domain/subscription.schema.js';

export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';
export const CHANNEL = '200000000000000001';
export const OTHER_CHANNEL = '200000000000000002';
export const USER = '300000000000000001';
export const OTHER_USER = '300000000000000002';

export const T0 = new Date('2026-11-25T08:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

export function getSubscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    guildId: GUILD,
    channelId: CHANNEL,
    createdInChannelId: CHANNEL,
    createdBy: USER,
    mode: 'new',
    time: '08:00',
    timezone: 'UTC',
    createdAt: T0.toISOString(),
    status: 'active',
    cursorSeq: 0,
    ...overrides,
  };
}

export function getPending(overrides: Partial<PendingDelivery> = {}): PendingDelivery {
  return { id: '1001', kind: 'new', seqs: [1, 2], upToSeq: 2, startedAt: T0.toISOString(), partsSent: 0, ...overrides };
}

export function getRecord(overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
  return { at: T0.toISOString(), subscriptionId: 'sub-1', guildId: GUILD, channelId: CHANNEL, kind: 'new', slugs: ['a'], outcome: 'posted', ...overrides };
}
