/**
 * What the state stores of src/store/lumen-stores.ts must do (subscriptions, deliveries with
 * their claims, threads, channel context, alerts), as one suite run against each implementation
 * (lowdb and PostgreSQL). A harness opens stores on one backing store; when `sharedViews` is
 * set, two stores from the same harness are two processes on the same data, and the suite also
 * proves that they see each other's writes and partition the work between them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LumenStores } from '../../../src/store/lumen-stores.js';
import { describeClaimsContract } from './claims-contract.js';
import { describeSmallStoresContract } from './small-stores-contract.js';
import { at, CHANNEL, getPending, getRecord, getSubscription, GUILD, OTHER_CHANNEL, OTHER_GUILD, T0 } from './state-factory.js';

export interface StateStoresHarness {
  /** Stores on the harness's data; with shared views, each call is another process's view. */
  open(): Promise<LumenStores>;
  /** Closes what was opened and removes the data. */
  dispose(): Promise<void>;
}

export interface StateContractOptions {
  /** Whether two stores opened from one harness share their data (PostgreSQL: yes; lowdb: one process owns the directory). */
  sharedViews: boolean;
}

/** Gives each test a fresh harness and the stores opened from it. */
export function useHarness(makeHarness: () => Promise<StateStoresHarness>): { harness: () => StateStoresHarness; stores: () => Promise<LumenStores> } {
  let harness: StateStoresHarness | undefined;
  beforeEach(async () => {
    harness = await makeHarness();
  });
  afterEach(async () => {
    await harness?.dispose();
  });
  return { harness: () => harness as StateStoresHarness, stores: () => (harness as StateStoresHarness).open() };
}

export function describeStateStoresContract(name: string, makeHarness: () => Promise<StateStoresHarness>, options: StateContractOptions): void {
  describe(`State stores contract: ${name}`, () => {
    const { stores } = useHarness(makeHarness);

    describe('subscriptions', () => {
      it('given no subscriptions, then get finds none and a server lists none', async () => {
        const { subscriptions } = await stores();
        expect(await subscriptions.get('nope')).toBeUndefined();
        expect(await subscriptions.listByGuild(GUILD)).toEqual([]);
      });

      it('given subscriptions created, then get returns each as created and a server lists only its own, oldest first', async () => {
        const { subscriptions } = await stores();
        const first = getSubscription({ id: 'b-first', topic: 'energy', mentionRoleId: '400000000000000001', format: 'compact' });
        await subscriptions.create(first);
        await subscriptions.create(getSubscription({ id: 'other', guildId: OTHER_GUILD }));
        await subscriptions.create(getSubscription({ id: 'a-second', mode: 'digest', time: '07:30', timezone: 'Europe/Berlin' }));
        expect(await subscriptions.get('b-first')).toEqual(first);
        expect((await subscriptions.listByGuild(GUILD)).map((s) => s.id)).toEqual(['b-first', 'a-second']);
        expect((await subscriptions.listByGuild(OTHER_GUILD)).map((s) => s.id)).toEqual(['other']);
      });

      it('given an id already taken, then create throws and the first subscription stays', async () => {
        const { subscriptions } = await stores();
        await subscriptions.create(getSubscription({ id: 'taken', topic: 'first' }));
        await expect(subscriptions.create(getSubscription({ id: 'taken', topic: 'second' }))).rejects.toThrow(/taken/);
        expect((await subscriptions.get('taken'))?.topic).toBe('first');
        expect(await subscriptions.listByGuild(GUILD)).toHaveLength(1);
      });

      it('then update applies the change to the current subscription, keeps its id and returns it; a missing one gives undefined', async () => {
        const { subscriptions } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 3 }));
        const updated = await subscriptions.update('s', (current) => ({ ...current, id: 'renamed', cursorSeq: current.cursorSeq + 1, status: 'paused', statusReason: 'admin' }));
        expect(updated).toMatchObject({ id: 's', cursorSeq: 4, status: 'paused', statusReason: 'admin' });
        expect(await subscriptions.get('s')).toEqual(updated);
        expect(await subscriptions.get('renamed')).toBeUndefined();
        expect(await subscriptions.update('missing', (current) => current)).toBeUndefined();
        expect(await subscriptions.get('missing')).toBeUndefined();
      });

      it("then remove takes only the server's own listed subscriptions and returns them; others and missing ids are left", async () => {
        const { subscriptions } = await stores();
        for (const id of ['x', 'y', 'z']) await subscriptions.create(getSubscription({ id }));
        await subscriptions.create(getSubscription({ id: 'theirs', guildId: OTHER_GUILD }));
        const removed = await subscriptions.remove(GUILD, ['z', 'x', 'theirs', 'ghost']);
        expect(removed.map((s) => s.id)).toEqual(['x', 'z']);
        expect((await subscriptions.listByGuild(GUILD)).map((s) => s.id)).toEqual(['y']);
        expect(await subscriptions.get('theirs')).toBeDefined();
        expect(await subscriptions.remove(GUILD, [])).toEqual([]);
      });
    });

    describe('deliveries', () => {
      it('given an intent, parts marked sent and a finish, then the cursor moves on, the intent clears, the thread is remembered and the post is logged', async () => {
        const { subscriptions, deliveries, threads } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 1, retry: { attempts: 1, nextAttemptAt: T0.toISOString(), reason: 'x' } }));
        expect(await deliveries.recordIntent('s', getPending({ id: '77', upToSeq: 5, partsSent: 0 }))).toBe(true);
        expect(await deliveries.countPending()).toBe(1);
        await deliveries.markPartsSent('s', '77', 2);
        await deliveries.markPartsSent('s', 'another-delivery', 9);
        expect((await subscriptions.get('s'))?.pending?.partsSent).toBe(2);
        await deliveries.finish('s', { upToSeq: 5, outcome: 'posted', slugs: ['a', 'b'], messageId: '500000000000000001', threadId: '600000000000000001' }, at(1));
        const after = await subscriptions.get('s');
        expect(after).toMatchObject({ cursorSeq: 5, lastDelivery: { at: at(1).toISOString(), outcome: 'posted' } });
        expect(after?.pending).toBeUndefined();
        expect(after?.retry).toBeUndefined();
        expect(await deliveries.countPending()).toBe(0);
        expect(await threads.briefingOf('600000000000000001')).toBe('a');
        expect(await deliveries.history('s', 10)).toEqual([getRecord({ subscriptionId: 's', at: at(1).toISOString(), slugs: ['a', 'b'], messageId: '500000000000000001' })]);
      });

      it('given the same delivery finished twice (a process whose claim lapsed, and the one that took it over), then only the first moves the cursor and is logged', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 1 }));
        await deliveries.recordIntent('s', getPending({ id: '77', upToSeq: 5 }));
        expect(await deliveries.finish('s', { upToSeq: 5, outcome: 'posted', slugs: ['a'], messageId: '500000000000000001', deliveryId: '77' }, at(1))).toBe(true);
        expect(await deliveries.finish('s', { upToSeq: 5, outcome: 'posted', slugs: ['a'], messageId: '500000000000000001', deliveryId: '77' }, at(2))).toBe(false);
        expect(await deliveries.history('s', 10)).toEqual([getRecord({ subscriptionId: 's', at: at(1).toISOString(), slugs: ['a'], messageId: '500000000000000001' })]);
        expect((await subscriptions.get('s'))?.lastDelivery?.at).toBe(at(1).toISOString());
        // The next intent finishes as usual.
        await deliveries.recordIntent('s', getPending({ id: '78', upToSeq: 6 }));
        await deliveries.finish('s', { upToSeq: 6, outcome: 'posted', slugs: ['b'], deliveryId: '78' }, at(3));
        expect(await deliveries.history('s', 10)).toHaveLength(2);
        expect((await subscriptions.get('s'))?.cursorSeq).toBe(6);
      });

      it('given the same delivery failed after another process took it over and finished it, then the late failure pauses, retries, removes and logs nothing', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 1 }));
        await deliveries.recordIntent('s', getPending({ id: '77', upToSeq: 5 }));
        await deliveries.finish('s', { upToSeq: 5, outcome: 'posted', slugs: ['a'], messageId: '500000000000000001', deliveryId: '77' }, at(1));
        const finished = await subscriptions.get('s');
        for (const outcome of ['paused-missing-permissions', 'retrying', 'failed', 'removed-unknown-channel'] as const) {
          expect(await deliveries.fail('s', { outcome, reason: 'late', slugs: ['a'], deliveryId: '77' }, at(2))).toBeUndefined();
        }
        expect(await subscriptions.get('s')).toEqual(finished);
        expect(finished).toMatchObject({ status: 'active', cursorSeq: 5, lastDelivery: { at: at(1).toISOString(), outcome: 'posted' } });
        expect(await deliveries.history('s', 10)).toEqual([getRecord({ subscriptionId: 's', at: at(1).toISOString(), slugs: ['a'], messageId: '500000000000000001' })]);
      });

      it('given a late failure of an intent the subscription no longer holds (another process is on the next one, and failed it once), then the holder’s retry count, backoff and intent stay; the holder’s own failure applies', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 1 }));
        await deliveries.recordIntent('s', getPending({ id: '77', upToSeq: 5 }));
        await deliveries.finish('s', { upToSeq: 5, outcome: 'posted', slugs: ['a'], deliveryId: '77' }, at(1));
        await deliveries.recordIntent('s', getPending({ id: '78', upToSeq: 6 }));
        const held = (await deliveries.fail('s', { outcome: 'retrying', reason: '503', slugs: ['b'], deliveryId: '78', lastDeliveryAtStart: at(1).toISOString() }, at(2)))?.after;
        expect(held?.retry).toEqual({ attempts: 1, nextAttemptAt: at(3).toISOString(), reason: '503' });
        expect(await deliveries.fail('s', { outcome: 'retrying', reason: 'late 503', slugs: ['a'], deliveryId: '77' }, at(4))).toBeUndefined();
        expect(await deliveries.fail('s', { outcome: 'failed', reason: 'late 400', slugs: ['a'], deliveryId: '77' }, at(4))).toBeUndefined();
        expect(await subscriptions.get('s')).toEqual(held);
        expect((await deliveries.history('s', 10)).map((r) => `${r.outcome}:${r.slugs.join()}`)).toEqual(['retrying:b', 'posted:a']);
        // The holder's next failure counts on from its own.
        const again = (await deliveries.fail('s', { outcome: 'retrying', reason: '503 again', slugs: ['b'], deliveryId: '78', lastDeliveryAtStart: at(2).toISOString() }, at(5)))?.after;
        expect(again?.retry?.attempts).toBe(2);
        expect(again?.pending?.id).toBe('78');
      });

      it('given one try of an intent failed by two processes (the one whose claim lapsed, reporting last, and the one that took it over), then only the first failure counts: one attempt, its backoff, one record', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 1 }));
        await deliveries.recordIntent('s', getPending({ id: '77', upToSeq: 5 }));
        // Both began with no outcome recorded on the subscription.
        const first = (await deliveries.fail('s', { outcome: 'retrying', reason: '503', slugs: ['a'], deliveryId: '77', lastDeliveryAtStart: undefined }, at(1)))?.after;
        expect(first?.retry).toEqual({ attempts: 1, nextAttemptAt: at(2).toISOString(), reason: '503' });
        for (const outcome of ['retrying', 'paused-missing-access', 'failed', 'removed-unknown-channel'] as const) {
          expect(await deliveries.fail('s', { outcome, reason: 'late', slugs: ['a'], deliveryId: '77', lastDeliveryAtStart: undefined }, at(3))).toBeUndefined();
        }
        expect(await subscriptions.get('s')).toEqual(first);
        expect((await deliveries.history('s', 10)).map((r) => `${r.outcome}:${r.reason}`)).toEqual(['retrying:503']);
        // The next try, begun after that failure, counts on; a late success of the first try still finishes it.
        const second = (await deliveries.fail('s', { outcome: 'retrying', reason: '503 again', slugs: ['a'], deliveryId: '77', lastDeliveryAtStart: at(1).toISOString() }, at(4)))?.after;
        expect(second?.retry?.attempts).toBe(2);
        expect(await deliveries.finish('s', { upToSeq: 5, outcome: 'posted', slugs: ['a'], deliveryId: '77' }, at(5))).toBe(true);
        expect(await subscriptions.get('s')).toMatchObject({ cursorSeq: 5, lastDelivery: { outcome: 'posted' } });
      });

      it('given the claim a delivery holds, then its intent is written only while that owner holds an unexpired claim: not once its lease ran out, nor after another owner took the subscription over', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's' }));
        expect(await deliveries.claimActive('one', at(0), 60_000)).toHaveLength(1);
        expect(await deliveries.recordIntent('s', getPending({ id: '77' }), { owner: 'one', now: at(0.5) })).toBe(true);
        // one stalled past its lease: nothing more is written for it, taken over or not.
        expect(await deliveries.recordIntent('s', getPending({ id: '78' }), { owner: 'one', now: at(1) })).toBe(false);
        expect(await deliveries.claimActive('two', at(1.5), 60_000)).toHaveLength(1);
        expect(await deliveries.recordIntent('s', getPending({ id: '79' }), { owner: 'one', now: at(0.5) })).toBe(false);
        expect(await deliveries.recordIntent('s', getPending({ id: '80' }), { owner: 'three', now: at(1.5) })).toBe(false);
        expect((await subscriptions.get('s'))?.pending?.id).toBe('77');
        // The holder records its own.
        expect(await deliveries.recordIntent('s', getPending({ id: '81' }), { owner: 'two', now: at(2) })).toBe(true);
        expect((await subscriptions.get('s'))?.pending?.id).toBe('81');
      });

      it('given the failing delivery’s owner, then its failure is passed over once another owner claimed the subscription, whose finish of the same intent then applies; a lapsed claim nobody took over still fails', async () => {
        const { subscriptions, deliveries } = await stores();
        for (const id of ['taken', 'lapsed']) await subscriptions.create(getSubscription({ id, cursorSeq: 1 }));
        expect(await deliveries.claimActive('one', at(0), 60_000)).toHaveLength(2);
        await deliveries.recordIntent('taken', getPending({ id: '77', upToSeq: 5 }), { owner: 'one', now: at(0) });
        await deliveries.recordIntent('lapsed', getPending({ id: '88', upToSeq: 5 }), { owner: 'one', now: at(0) });
        // one stalled past its lease; two took 'taken' over and is trying intent 77 itself, nothing recorded yet.
        expect(await deliveries.claimActive('two', at(1.5), 60_000, { only: ['taken'] })).toHaveLength(1);
        const before = await subscriptions.get('taken');
        for (const outcome of ['paused-missing-access', 'retrying', 'failed', 'removed-unknown-channel'] as const) {
          expect(await deliveries.fail('taken', { outcome, reason: 'late', slugs: ['a'], deliveryId: '77' }, at(2), 'one')).toBeUndefined();
        }
        expect(await subscriptions.get('taken')).toEqual(before);
        expect(await deliveries.finish('taken', { upToSeq: 5, outcome: 'posted', slugs: ['a'], deliveryId: '77' }, at(2))).toBe(true);
        expect(await subscriptions.get('taken')).toMatchObject({ cursorSeq: 5, status: 'active', lastDelivery: { outcome: 'posted' } });
        expect((await deliveries.history('taken', 10)).map((r) => r.outcome)).toEqual(['posted']);
        // Nobody took 'lapsed' over: one's failure is the only word on it.
        expect((await deliveries.fail('lapsed', { outcome: 'retrying', reason: '503', slugs: ['a'], deliveryId: '88' }, at(2), 'one'))?.after?.retry?.attempts).toBe(1);
        expect(await deliveries.fail('lapsed', { outcome: 'retrying', reason: '503', slugs: ['a'], deliveryId: '88', lastDeliveryAtStart: at(2).toISOString() }, at(3), 'three')).toBeUndefined();
      });

      it('given a digest finished, then its slot is remembered and the record is of the intent’s kind; a cursor never moves back', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 'd', mode: 'digest', cursorSeq: 9 }));
        await deliveries.recordIntent('d', getPending({ kind: 'digest', upToSeq: 4 }));
        await deliveries.finish('d', { upToSeq: 4, slotAt: at(60), outcome: 'skipped-empty', reason: 'nothing new', slugs: [] }, at(61));
        expect(await subscriptions.get('d')).toMatchObject({ cursorSeq: 9, lastSlotAt: at(60).toISOString(), lastDelivery: { outcome: 'skipped-empty', reason: 'nothing new' } });
        expect((await deliveries.history('d', 1))[0]).toMatchObject({ kind: 'digest', outcome: 'skipped-empty', reason: 'nothing new', slugs: [] });
      });

      it('given a subscription that is gone, then an intent is refused and progress, finish and fail change and log nothing', async () => {
        const { deliveries } = await stores();
        expect(await deliveries.recordIntent('gone', getPending())).toBe(false);
        await deliveries.markPartsSent('gone', '1001', 1);
        expect(await deliveries.finish('gone', { upToSeq: 1, outcome: 'posted', slugs: ['a'] }, T0)).toBe(false);
        expect(await deliveries.fail('gone', { outcome: 'retrying', reason: '503', slugs: ['a'] }, T0)).toBeUndefined();
        expect(await deliveries.recent(10)).toEqual([]);
        expect(await deliveries.countPending()).toBe(0);
      });

      it('given a retryable failure, then the intent stays and the attempts count up with a later next attempt', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's' }));
        await deliveries.recordIntent('s', getPending());
        const first = (await deliveries.fail('s', { outcome: 'retrying', reason: '503', slugs: ['a'] }, at(0)))?.after;
        const second = (await deliveries.fail('s', { outcome: 'retrying', reason: '503 again', slugs: ['a'] }, at(1)))?.after;
        expect(first?.retry).toEqual({ attempts: 1, nextAttemptAt: at(1).toISOString(), reason: '503' });
        expect(second?.retry).toEqual({ attempts: 2, nextAttemptAt: at(3).toISOString(), reason: '503 again' });
        expect(await subscriptions.get('s')).toEqual(second);
        expect(second?.pending).toEqual(getPending());
        expect(await deliveries.countPending()).toBe(1);
        expect((await deliveries.history('s', 5)).map((r) => `${r.outcome}:${r.reason}`)).toEqual(['retrying:503 again', 'retrying:503']);
      });

      it('given a failure that gives up, then the cursor moves past the post and the intent clears', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's', cursorSeq: 1 }));
        await deliveries.recordIntent('s', getPending({ upToSeq: 6 }));
        const after = (await deliveries.fail('s', { outcome: 'failed', reason: '400 bad request', slugs: ['a'] }, at(2)))?.after;
        expect(after).toMatchObject({ cursorSeq: 6, lastDelivery: { at: at(2).toISOString(), outcome: 'failed', reason: '400 bad request' } });
        expect(after?.pending).toBeUndefined();
        expect(await subscriptions.get('s')).toEqual(after);
      });

      it('given a failure that pauses, then the subscription pauses with its reason; a digest cut short keeps its intent', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 'new' }));
        await subscriptions.create(getSubscription({ id: 'digest', mode: 'digest' }));
        await deliveries.recordIntent('new', getPending());
        await deliveries.recordIntent('digest', getPending({ kind: 'digest', partsSent: 1 }));
        const paused = (await deliveries.fail('new', { outcome: 'paused-missing-access', reason: 'no access', slugs: ['a'] }, at(1)))?.after;
        const cut = (await deliveries.fail('digest', { outcome: 'paused-missing-permissions', reason: 'no embed links', slugs: ['a'] }, at(1)))?.after;
        expect(paused).toMatchObject({ status: 'paused', statusReason: 'no access', cursorSeq: 0 });
        expect(paused?.pending).toBeUndefined();
        expect(cut).toMatchObject({ status: 'paused', statusReason: 'no embed links', pending: { partsSent: 1 } });
        expect((await subscriptions.get('digest'))?.status).toBe('paused');
        expect(await deliveries.countPending()).toBe(1);
      });

      it('given the channel is gone, then the failure removes the subscription and is still logged', async () => {
        const { subscriptions, deliveries } = await stores();
        await subscriptions.create(getSubscription({ id: 's' }));
        await deliveries.recordIntent('s', getPending());
        expect(await deliveries.fail('s', { outcome: 'removed-unknown-channel', reason: 'Unknown Channel', slugs: ['a'] }, at(1))).toEqual({ after: undefined });
        expect(await subscriptions.get('s')).toBeUndefined();
        expect(await deliveries.countPending()).toBe(0);
        expect(await deliveries.history('s', 5)).toEqual([getRecord({ subscriptionId: 's', at: at(1).toISOString(), outcome: 'removed-unknown-channel', reason: 'Unknown Channel' })]);
      });

      it('then history is newest first per subscription, recent the newest of all oldest first, and lastPostedIn the newest post of a channel', async () => {
        const { deliveries } = await stores();
        const records = [
          getRecord({ subscriptionId: 's1', at: at(1).toISOString(), slugs: ['one'] }),
          getRecord({ subscriptionId: 's2', at: at(2).toISOString(), channelId: OTHER_CHANNEL, slugs: ['two'], messageId: '500000000000000002' }),
          getRecord({ subscriptionId: 's1', at: at(3).toISOString(), slugs: ['three'], test: true }),
          getRecord({ subscriptionId: 's1', at: at(4).toISOString(), slugs: ['four'], outcome: 'retrying', reason: '503' }),
          getRecord({ subscriptionId: 's2', at: at(5).toISOString(), channelId: OTHER_CHANNEL, slugs: ['five'], outcome: 'skipped-filtered' }),
        ];
        for (const record of records) await deliveries.log(record);
        expect((await deliveries.history('s1', 10)).map((r) => r.slugs[0])).toEqual(['four', 'three', 'one']);
        expect((await deliveries.history('s1', 2)).map((r) => r.slugs[0])).toEqual(['four', 'three']);
        expect(await deliveries.history('s3', 2)).toEqual([]);
        expect(await deliveries.recent(3)).toEqual(records.slice(2));
        expect(await deliveries.recent(50)).toEqual(records);
        expect(await deliveries.lastPostedIn(CHANNEL)).toEqual(records[2]);
        expect(await deliveries.lastPostedIn(OTHER_CHANNEL)).toEqual(records[1]);
        expect(await deliveries.lastPostedIn('200000000000000009')).toBeUndefined();
      });

      it('then countPending counts the subscriptions with an intent', async () => {
        const { subscriptions, deliveries } = await stores();
        for (const id of ['a', 'b', 'c']) await subscriptions.create(getSubscription({ id }));
        await deliveries.recordIntent('a', getPending());
        await deliveries.recordIntent('c', getPending({ id: '1002' }));
        await deliveries.recordIntent('c', getPending({ id: '1003' }));
        expect(await deliveries.countPending()).toBe(2);
        expect((await subscriptions.get('c'))?.pending?.id).toBe('1003');
      });

      it('given concurrent updates of one subscription, then none is lost (each reads what the last wrote)', async () => {
        const views = options.sharedViews ? [await stores(), await stores()] : [await stores()];
        await (views[0] as LumenStores).subscriptions.create(getSubscription({ id: 's' }));
        const n = 20;
        await Promise.all(
          Array.from({ length: n }, (_, i) => (views[i % views.length] as LumenStores).subscriptions.update('s', (current) => ({ ...current, cursorSeq: current.cursorSeq + 1 }))),
        );
        expect((await (views[0] as LumenStores).subscriptions.get('s'))?.cursorSeq).toBe(n);
      });
    });

    describeClaimsContract(stores, options);
    describeSmallStoresContract(stores, options);
  });
}
