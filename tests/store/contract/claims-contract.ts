/**
 * The claims part of the state stores' contract (state-stores-contract.ts): a claim is a lease,
 * so two owners never both hold one subscription while it is valid; and, on stores shared by
 * several processes, concurrent claimers partition the subscriptions, the basis of exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { LumenStores } from '../../../src/store/lumen-stores.js';
import type { StateContractOptions } from './state-stores-contract.js';
import { at, getSubscription } from './state-factory.js';

const LEASE = 60_000;
const ids = (subs: { id: string }[]): string[] => subs.map((s) => s.id);

export function describeClaimsContract(stores: () => Promise<LumenStores>, options: StateContractOptions): void {
  describe('claims', () => {
    it('given one owner holds the active subscriptions, then another gets none of them until the lease ends, and then takes them over', async () => {
      const { subscriptions, deliveries } = await stores();
      for (const id of ['a', 'b', 'c']) await subscriptions.create(getSubscription({ id }));
      expect(ids(await deliveries.claimActive('one', at(0), LEASE))).toEqual(['a', 'b', 'c']);
      expect(await deliveries.claimActive('two', at(0), LEASE)).toEqual([]);
      expect(await deliveries.claimActive('two', new Date(at(1).getTime() - 1), LEASE)).toEqual([]);
      // The holder renews its own claims.
      expect(ids(await deliveries.claimActive('one', at(0.5), LEASE))).toEqual(['a', 'b', 'c']);
      expect(await deliveries.claimActive('two', at(1), LEASE)).toEqual([]);
      expect(ids(await deliveries.claimActive('two', at(1.5), LEASE))).toEqual(['a', 'b', 'c']);
      expect(await deliveries.claimActive('one', at(1.5), LEASE)).toEqual([]);
    });

    it('given a renewal while delivering, then the claim outlasts its first lease; a claim already taken by another is not taken back', async () => {
      const { subscriptions, deliveries } = await stores();
      for (const id of ['a', 'b']) await subscriptions.create(getSubscription({ id }));
      expect(ids(await deliveries.claimActive('one', at(0), LEASE))).toEqual(['a', 'b']);
      expect(await deliveries.renew('one', ['a'], at(3))).toEqual(['a']);
      expect(ids(await deliveries.claimActive('two', at(2), LEASE))).toEqual(['b']);
      expect(await deliveries.renew('one', ['a', 'b'], at(4))).toEqual(['a']);
      expect(await deliveries.renew('three', ['a'], at(9))).toEqual([]);
      expect(ids(await deliveries.claimActive('two', new Date(at(3).getTime() - 1), LEASE))).toEqual(['b']);
      expect(ids(await deliveries.claimActive('two', at(4.5), LEASE))).toEqual(['a', 'b']);
    });

    it('given a limit and ids to skip, then a claim takes at most that many, oldest first, passing over the skipped', async () => {
      const { subscriptions, deliveries } = await stores();
      for (const id of ['a', 'b', 'c', 'd']) await subscriptions.create(getSubscription({ id }));
      expect(ids(await deliveries.claimActive('one', at(0), LEASE, { limit: 2 }))).toEqual(['a', 'b']);
      expect(ids(await deliveries.claimActive('two', at(0), LEASE, { limit: 1 }))).toEqual(['c']);
      expect(ids(await deliveries.claimActive('one', at(0), LEASE, { limit: 5, skip: ['a', 'b'] }))).toEqual(['d']);
    });

    it('given only some ids (the due ones), then nothing else is claimed; listing the active ones claims nothing', async () => {
      const { subscriptions, deliveries } = await stores();
      for (const id of ['a', 'b', 'c', 'd']) await subscriptions.create(getSubscription({ id }));
      await subscriptions.update('d', (s) => ({ ...s, status: 'paused' }));
      expect(ids(await deliveries.listActive())).toEqual(['a', 'b', 'c']);
      expect(ids(await deliveries.claimActive('one', at(0), LEASE, { only: ['c', 'a', 'd'] }))).toEqual(['a', 'c']);
      expect(ids(await deliveries.claimActive('one', at(0), LEASE, { only: [] }))).toEqual([]);
      // Listed, still claimable by another: b was never claimed, a and c are one's.
      expect(ids(await deliveries.listActive())).toEqual(['a', 'b', 'c']);
      expect(ids(await deliveries.claimActive('two', at(0), LEASE))).toEqual(['b']);
    });

    it('then the subscriptions claimed are returned as stored, oldest first, and one created later is claimable at once', async () => {
      const { subscriptions, deliveries } = await stores();
      const first = getSubscription({ id: 'z-first', topic: 'energy', cursorSeq: 4 });
      await subscriptions.create(first);
      await subscriptions.create(getSubscription({ id: 'a-second' }));
      expect(await deliveries.claimActive('one', at(0), LEASE)).toEqual([first, getSubscription({ id: 'a-second' })]);
      await subscriptions.create(getSubscription({ id: 'late' }));
      expect(ids(await deliveries.claimActive('two', at(0), LEASE))).toEqual(['late']);
    });

    it('given a release, then the released subscriptions are free for another owner at once; a release by a non-holder frees nothing', async () => {
      const { subscriptions, deliveries } = await stores();
      for (const id of ['a', 'b', 'c']) await subscriptions.create(getSubscription({ id }));
      await deliveries.claimActive('one', at(0), LEASE);
      await deliveries.release('two');
      expect(await deliveries.claimActive('two', at(0), LEASE)).toEqual([]);
      await deliveries.release('one', ['b']);
      expect(ids(await deliveries.claimActive('two', at(0), LEASE))).toEqual(['b']);
      await deliveries.release('one');
      expect(ids(await deliveries.claimActive('two', at(0), LEASE))).toEqual(['a', 'b', 'c']);
    });

    it('given paused subscriptions, then they are never claimed, and one resumed is', async () => {
      const { subscriptions, deliveries } = await stores();
      await subscriptions.create(getSubscription({ id: 'active' }));
      await subscriptions.create(getSubscription({ id: 'paused', status: 'paused', statusReason: 'admin' }));
      expect(ids(await deliveries.claimActive('one', at(0), LEASE))).toEqual(['active']);
      expect(await deliveries.claimActive('two', at(0.5), LEASE)).toEqual([]);
      await subscriptions.update('paused', (s) => ({ ...s, status: 'active' }));
      expect(ids(await deliveries.claimActive('two', at(0.5), LEASE))).toEqual(['paused']);
    });

    it('given a claimed subscription changed and finished, then its claim stays with its owner', async () => {
      const { subscriptions, deliveries } = await stores();
      await subscriptions.create(getSubscription({ id: 's' }));
      await deliveries.claimActive('one', at(0), LEASE);
      await deliveries.recordIntent('s', { id: '1', kind: 'new', seqs: [1], upToSeq: 1, startedAt: at(0).toISOString(), partsSent: 0 });
      await deliveries.finish('s', { upToSeq: 1, outcome: 'posted', slugs: ['a'] }, at(0));
      expect(await deliveries.claimActive('two', at(0.5), LEASE)).toEqual([]);
      expect((await deliveries.claimActive('one', at(0.5), LEASE))[0]?.cursorSeq).toBe(1);
    });

    it('given a shard scope, then only the subscriptions of the servers on those shards are claimed', async () => {
      const { subscriptions, deliveries } = await stores();
      // Server n << 22 is on shard n % count (Discord's rule; src/domain/shard-scope.ts).
      const onShard = ['125829120000000000', '125829120004194304', '125829120008388608', '125829120012582912'];
      for (const [i, guildId] of onShard.entries()) await subscriptions.create(getSubscription({ id: `shard-${i}`, guildId }));
      expect(ids(await deliveries.claimActive('even', at(0), LEASE, { scope: { ids: [0], count: 2 } }))).toEqual(['shard-0', 'shard-2']);
      expect(ids(await deliveries.claimActive('three', at(0), LEASE, { scope: { ids: [3, 1], count: 4 } }))).toEqual(['shard-1', 'shard-3']);
      expect(ids(await deliveries.listActive({ ids: [0], count: 2 }))).toEqual(['shard-0', 'shard-2']);
      expect(await deliveries.claimActive('all', at(0), LEASE)).toEqual([]);
      expect(ids(await deliveries.claimActive('even', at(0), LEASE, { scope: { ids: [0, 1], count: 2 } }))).toEqual(['shard-0', 'shard-2']);
    });

    if (options.sharedViews) {
      it('given several processes claiming at once, then every active subscription is claimed by exactly one of them', async () => {
        const processes = await Promise.all(Array.from({ length: 4 }, () => stores()));
        const n = 60;
        for (let i = 0; i < n; i++) await (processes[0] as LumenStores).subscriptions.create(getSubscription({ id: `s${String(i).padStart(2, '0')}` }));
        for (let round = 0; round < 3; round++) {
          // A fresh lease time each round: every earlier claim has expired, so the whole set is up for grabs again.
          const now = at(round * 10);
          const claimed = await Promise.all(processes.map((p, i) => p.deliveries.claimActive(`owner-${i}`, now, LEASE)));
          const all = claimed.flatMap(ids);
          expect(all.sort()).toEqual(Array.from({ length: n }, (_, i) => `s${String(i).padStart(2, '0')}`));
          // Within the lease, a second wave gives each owner back exactly its own.
          const again = await Promise.all(processes.map((p, i) => p.deliveries.claimActive(`owner-${i}`, new Date(now.getTime() + 1000), LEASE)));
          expect(again.map(ids)).toEqual(claimed.map(ids));
        }
      });

      it("given two processes, then each sees the other's subscriptions, claims, intents and log at once", async () => {
        const [one, two] = [await stores(), await stores()];
        await one.subscriptions.create(getSubscription({ id: 's' }));
        expect((await two.subscriptions.get('s'))?.id).toBe('s');
        expect(ids(await one.deliveries.claimActive('one', at(0), LEASE))).toEqual(['s']);
        expect(await two.deliveries.claimActive('two', at(0), LEASE)).toEqual([]);
        await one.deliveries.recordIntent('s', { id: '5', kind: 'new', seqs: [1], upToSeq: 1, startedAt: at(0).toISOString(), partsSent: 0 });
        expect(await two.deliveries.countPending()).toBe(1);
        await one.deliveries.finish('s', { upToSeq: 1, outcome: 'posted', slugs: ['a'], threadId: '600000000000000009' }, at(0));
        expect(await two.deliveries.countPending()).toBe(0);
        expect((await two.deliveries.history('s', 1))[0]?.outcome).toBe('posted');
        expect(await two.threads.briefingOf('600000000000000009')).toBe('a');
        await one.deliveries.release('one');
        expect(ids(await two.deliveries.claimActive('two', at(0), LEASE))).toEqual(['s']);
        expect((await two.subscriptions.remove(getSubscription().guildId, ['s'])).length).toBe(1);
        expect(await one.subscriptions.get('s')).toBeUndefined();
      });
    }
  });
}
