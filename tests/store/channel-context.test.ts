import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { BriefingContext, CONTEXT_TTL_MS } from '../../src/discord/briefing-context.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { LumenStores } from '../../src/store/lumen-stores.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { lowdbStores } from '../../src/store/lowdb-stores.js';
import { MAX_CHANNEL_CONTEXT, StateFileSchema, type StateFile } from '../../src/store/state.schema.js';
import { StateStore } from '../../src/store/state-store.js';

const CHANNEL = '1575126960185671680';
const OTHER = '1575126960185671681';
const ALICE = '1575126960185671690';
const BOB = '1575126960185671691';

async function setup(): Promise<{ store: StateStore; stores: LumenStores; clock: ManualClock; context: BriefingContext }> {
  const store = await StateStore.fromAdapter(new Memory<StateFile>());
  const stores = lowdbStores(await LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>()), store);
  const clock = new ManualClock('2026-11-25T09:00:00.000Z');
  return { store, stores, clock, context: new BriefingContext(stores, clock) };
}

describe('given briefings shown in channels', () => {
  it('then the user’s own is more telling than the channel’s, each channel has its own, and both expire', async () => {
    const { clock, context } = await setup();
    await context.shown(CHANNEL, ALICE, 'japan-tariffs');
    await context.shown(CHANNEL, BOB, 'red-sea-shipping');
    expect(await context.priorFor(CHANNEL, ALICE)).toEqual({ slugs: ['japan-tariffs'], source: 'user' });
    expect(await context.priorFor(CHANNEL, undefined)).toEqual({ slugs: ['red-sea-shipping'], source: 'channel' });
    expect(await context.priorFor(OTHER, ALICE)).toBeUndefined();
    clock.advance(CONTEXT_TTL_MS + 1);
    expect(await context.priorFor(CHANNEL, ALICE)).toBeUndefined();
  });

  it('then a briefing posted by a subscription, or a thread of one, is the context there', async () => {
    const { stores, context } = await setup();
    await stores.deliveries.log({ at: '2026-11-25T08:50:00.000Z', subscriptionId: 's', guildId: CHANNEL, channelId: OTHER, kind: 'digest', slugs: ['a', 'b'], outcome: 'posted' });
    await stores.threads.remember(CHANNEL, 'baltic-cable-cuts');
    expect(await context.priorFor(OTHER, ALICE)).toEqual({ slugs: ['a', 'b'], source: 'posted' });
    expect(await context.priorFor(CHANNEL, ALICE)).toEqual({ slugs: ['baltic-cable-cuts'], source: 'thread' });
  });

  it('then the section stays capped and valid, and ids that are not snowflakes are never written', async () => {
    const { store, stores, context } = await setup();
    for (let i = 0; i < MAX_CHANNEL_CONTEXT + 5; i++) await stores.channelContext.remember(String(1575126960185671680n + BigInt(i)), undefined, 'x', new Date());
    await context.shown('', ALICE, 'y');
    expect(store.data.channelContext).toHaveLength(MAX_CHANNEL_CONTEXT);
    expect(StateFileSchema.safeParse(store.data).success).toBe(true);
  });
});
