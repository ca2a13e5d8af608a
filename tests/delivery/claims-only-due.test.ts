/**
 * The delivery runner claims only what is due (src/delivery/delivery-runner.ts): a tick with
 * nothing to post writes no claim, so processes sharing a database do not rewrite every
 * subscription's row twice a minute; when the slot comes, the digest is claimed and posted once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/domain/subscription.schema.js';
import { botPosts, briefingText, dropInInbox, HOUR, MINUTE, startWorld, subscribe, type DeliveryWorld } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

describe('given a digest subscription whose slot is hours away', () => {
  it('then the ticks before it claim nothing, and the slot claims it and posts one digest', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'digest', time: '12:00', timezone: 'UTC' });
    const deliveries = w.sandbox.app.stores.deliveries;
    const claimed: string[][] = [];
    const claimActive = deliveries.claimActive.bind(deliveries);
    deliveries.claimActive = async (...args: Parameters<typeof claimActive>): Promise<Subscription[]> => {
      const subs = await claimActive(...args);
      claimed.push(subs.map((s) => s.id));
      return subs;
    };
    await w.sandbox.advance(1 * HOUR);
    // A briefing arrives for the digest; the subscription is still not due until noon.
    await dropInInbox(w.dataDir, 'baltic-cable-cuts.md', await briefingText({ slug: 'baltic-cable-cuts' }));
    await w.sandbox.advance(1 * HOUR);
    expect(claimed).toEqual([]);
    await w.sandbox.advance(1 * HOUR + 5 * MINUTE);
    expect(claimed.flat()).toHaveLength(1);
    expect(botPosts(w, 'briefings')).toHaveLength(1);
  });
});
