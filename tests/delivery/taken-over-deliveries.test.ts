/**
 * A delivery taken over by another process while this one's post hung (its claim lapsed, the
 * other claimed the subscription and ended the delivery): this process's late finish or failure is
 * passed over by the store, and the runner then counts nothing, reports nothing as delivered or
 * failed, posts no notice and delivers nothing more of a subscription it no longer holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryOutcome, Subscription } from '../../src/domain/subscription.schema.js';
import { parseBriefingBytes } from '../../src/import/import-briefing-files.js';
import { botPosts, briefingText, deliveries, MINUTE, slugsOf, startWorld, subscribe, waitFor, type DeliveryWorld } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

/** Puts briefings in the archive and asks for a delivery at once (no simulated minute passes). */
async function publish(w: DeliveryWorld, slugs: string[]): Promise<void> {
  const incoming = [];
  for (const slug of slugs) {
    const parsed = parseBriefingBytes(Buffer.from(await briefingText({ slug })), `${slug}.md`, w.clock.now());
    if (!parsed.ok) throw new Error(`bad briefing ${slug}`);
    incoming.push(parsed.incoming);
  }
  await w.sandbox.app.archive.save(incoming, w.clock.now());
  w.sandbox.app.requestDelivery();
}

/**
 * Starts a delivery whose first post to #briefings hangs (answered as `answer` once released),
 * then plays the other process: once this one's lease (5 min) has lapsed it claims the
 * subscription and finishes the delivery, as it would on finding the post in the channel, or
 * (`retries`) tries the same intent itself and records that Discord answered 503, or (`is still
 * checking`) holds the claim and has recorded nothing yet.
 */
async function takeOverWhilePosting(w: DeliveryWorld, answer: { code?: number }, other: 'finishes' | 'retries' | 'is still checking' = 'finishes'): Promise<{ sub: Subscription; outcomes: DeliveryOutcome[]; release: () => void }> {
  const { discord, app } = w.sandbox;
  const outcomes: DeliveryOutcome[] = [];
  app.onDeliveryOutcome((outcome) => outcomes.push(outcome));
  let release: () => void = () => undefined;
  const hang = discord.faults.inject({ method: 'POST', path: `/channels/${discord.channelId('briefings')}/messages`, ...answer, holdUntil: new Promise<void>((resolve) => (release = resolve)) });
  await publish(w, ['taken-one', 'taken-two']);
  await waitFor(() => hang.hits === 1, 'the first post to reach Discord');

  const later = new Date(w.clock.now().getTime() + 6 * MINUTE);
  const [claimed] = await app.stores.deliveries.claimActive('the-other-process', later, 5 * MINUTE);
  const pending = claimed?.pending;
  if (!claimed || !pending) throw new Error('the other process found no delivery under way to take over');
  if (other === 'is still checking') {
    // It holds the claim and is looking in the channel: nothing recorded yet.
  } else if (other === 'retries') {
    const failed = { outcome: 'retrying' as const, reason: 'Discord answered 503', slugs: ['taken-one'], deliveryId: pending.id, lastDeliveryAtStart: claimed.lastDelivery?.at };
    expect(await app.stores.deliveries.fail(claimed.id, failed, later)).toBeDefined();
  } else {
    const done = { upToSeq: pending.upToSeq, outcome: 'posted' as const, reason: 'found in the channel after a restart', slugs: ['taken-one'], deliveryId: pending.id };
    expect(await app.stores.deliveries.finish(claimed.id, done, later)).toBe(true);
  }
  return { sub: claimed, outcomes, release };
}

describe('given a delivery another process took over and finished while this one’s post hung', () => {
  it('then the late finish is not counted, is logged as finished elsewhere, and nothing more is delivered by this process', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const { sub, outcomes, release } = await takeOverWhilePosting(w, {});
    release();
    await w.sandbox.whenIdle();

    // The post went out (the other process would have found it), once.
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['taken-one']);
    expect(outcomes).toEqual([]);
    expect((await deliveries(w)).map((d) => `${d.outcome}:${d.slugs.join()}`)).toEqual(['posted:taken-one']);
    const passedOver = w.log.records().filter((r) => r.msg.startsWith('delivery already finished elsewhere'));
    expect(passedOver).toMatchObject([{ level: 30, subscription: sub.id, delivery: sub.pending?.id, outcome: 'posted' }]);
    // taken-two is the other process's to deliver: it holds the subscription now.
    expect((await w.sandbox.app.stores.subscriptions.get(sub.id))?.pending).toBeUndefined();
  });
});

describe('given a delivery another process took over and finished while this one’s post hung, then failed', () => {
  it('then the late failure pauses nothing, posts no notice, is not counted and is logged as a late failure', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new', in: 'analysts' });
    const { sub, outcomes, release } = await takeOverWhilePosting(w, { code: 50013 });
    release();
    await w.sandbox.whenIdle();

    expect(await w.sandbox.app.stores.subscriptions.get(sub.id)).toMatchObject({ status: 'active', lastDelivery: { outcome: 'posted' } });
    expect(botPosts(w, 'analysts')).toEqual([]);
    expect(outcomes).toEqual([]);
    expect((await deliveries(w)).map((d) => `${d.outcome}:${d.slugs.join()}`)).toEqual(['posted:taken-one']);
    const records = w.log.records();
    expect(records.filter((r) => r.msg === 'delivery did not go through')).toEqual([]);
    expect(records.filter((r) => r.msg.startsWith('late failure: another process recorded'))).toMatchObject([
      { level: 30, subscription: sub.id, delivery: sub.pending?.id, outcome: 'paused-missing-permissions' },
    ]);
  });
});

describe('given a delivery another process took over and is retrying (it failed the same intent once) while this one’s post hung, then failed', () => {
  it('then the late failure leaves the other’s retry count and backoff, pauses nothing, posts no notice and is not counted', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new', in: 'analysts' });
    const { sub, outcomes, release } = await takeOverWhilePosting(w, { code: 50013 }, 'retries');
    const retrying = await w.sandbox.app.stores.subscriptions.get(sub.id);
    release();
    await w.sandbox.whenIdle();

    expect(retrying).toMatchObject({ status: 'active', retry: { attempts: 1 }, pending: { id: sub.pending?.id } });
    expect(await w.sandbox.app.stores.subscriptions.get(sub.id)).toEqual(retrying);
    expect(botPosts(w, 'analysts')).toEqual([]);
    expect(outcomes).toEqual([]);
    expect((await deliveries(w)).map((d) => d.outcome)).toEqual(['retrying']);
    expect(w.log.records().filter((r) => r.msg.startsWith('late failure: another process recorded'))).toMatchObject([{ subscription: sub.id, outcome: 'paused-missing-permissions' }]);
  });
});

describe('given a delivery whose claim another process took over while this one’s post hung, and that has recorded nothing yet', () => {
  it('then this process’s late finish stands, but it records and posts no next intent: the subscription is the other’s', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const { sub, outcomes, release } = await takeOverWhilePosting(w, {}, 'is still checking');
    release();
    await w.sandbox.whenIdle();

    // taken-one went out and its finish applied (the intent was still held); taken-two is left to the holder.
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['taken-one']);
    expect(outcomes).toEqual(['posted']);
    expect((await deliveries(w)).map((d) => `${d.outcome}:${d.slugs.join()}`)).toEqual(['posted:taken-one']);
    expect((await w.sandbox.app.stores.subscriptions.get(sub.id))?.pending).toBeUndefined();
    expect(w.log.records().filter((r) => r.msg.startsWith('delivery stopped: this process no longer holds the subscription'))).toMatchObject([{ level: 30, subscription: sub.id }]);
  });
});

describe('given a delivery whose claim another process took over while this one’s post hung, then failed before the other recorded anything', () => {
  it('then the late failure pauses nothing and keeps the intent, so the other’s finish of it applies and the briefing is not posted again', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new', in: 'analysts' });
    const { sub, outcomes, release } = await takeOverWhilePosting(w, { code: 50013 }, 'is still checking');
    release();
    await w.sandbox.whenIdle();

    expect(await w.sandbox.app.stores.subscriptions.get(sub.id)).toMatchObject({ status: 'active', pending: { id: sub.pending?.id } });
    expect(botPosts(w, 'analysts')).toEqual([]);
    expect(outcomes).toEqual([]);
    expect(await deliveries(w)).toEqual([]);
    expect(w.log.records().filter((r) => r.msg.startsWith('late failure: another process recorded'))).toMatchObject([{ subscription: sub.id, outcome: 'paused-missing-permissions' }]);
    // The other process's attempt of the same intent went through: its finish is recorded.
    const done = { upToSeq: sub.pending?.upToSeq ?? 0, outcome: 'posted' as const, slugs: ['taken-one'], deliveryId: sub.pending?.id };
    expect(await w.sandbox.app.stores.deliveries.finish(sub.id, done, w.clock.now())).toBe(true);
  });
});
