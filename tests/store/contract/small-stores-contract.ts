/**
 * The threads, channel context and alerts part of the state stores' contract
 * (state-stores-contract.ts).
 */
import { describe, expect, it } from 'vitest';
import type { LumenStores } from '../../../src/store/lumen-stores.js';
import type { StateContractOptions } from './state-stores-contract.js';
import { at, CHANNEL, GUILD, OTHER_CHANNEL, OTHER_GUILD, OTHER_USER, USER } from './state-factory.js';

const THREAD = '600000000000000001';

export function describeSmallStoresContract(stores: () => Promise<LumenStores>, options: StateContractOptions): void {
  describe('threads', () => {
    it('given a thread remembered, then it names its briefing; remembered again, the newer briefing; an unknown thread none', async () => {
      const { threads } = await stores();
      expect(await threads.briefingOf(THREAD)).toBeUndefined();
      await threads.remember(THREAD, 'first');
      await threads.remember('600000000000000002', 'other');
      expect(await threads.briefingOf(THREAD)).toBe('first');
      await threads.remember(THREAD, 'second');
      expect(await threads.briefingOf(THREAD)).toBe('second');
      expect(await threads.briefingOf('600000000000000002')).toBe('other');
    });
  });

  describe('channel context', () => {
    it('given a briefing shown to a user in a channel, then the channel and that user there both have it; other channels and users do not', async () => {
      const { channelContext } = await stores();
      expect(await channelContext.shownIn(CHANNEL, USER)).toEqual({});
      await channelContext.remember(CHANNEL, USER, 'a', at(1));
      expect(await channelContext.shownIn(CHANNEL, USER)).toEqual({
        channel: { channelId: CHANNEL, slug: 'a', at: at(1).toISOString() },
        user: { channelId: CHANNEL, userId: USER, slug: 'a', at: at(1).toISOString() },
      });
      expect(await channelContext.shownIn(CHANNEL, undefined)).toEqual({ channel: { channelId: CHANNEL, slug: 'a', at: at(1).toISOString() } });
      expect(await channelContext.shownIn(CHANNEL, OTHER_USER)).toEqual({ channel: { channelId: CHANNEL, slug: 'a', at: at(1).toISOString() } });
      expect(await channelContext.shownIn(OTHER_CHANNEL, USER)).toEqual({});
    });

    it('given a later showing to the whole channel, then it overwrites the channel entry and leaves the user one', async () => {
      const { channelContext } = await stores();
      await channelContext.remember(CHANNEL, USER, 'a', at(1));
      await channelContext.remember(CHANNEL, undefined, 'b', at(2));
      await channelContext.remember(CHANNEL, OTHER_USER, 'c', at(3));
      const shown = await channelContext.shownIn(CHANNEL, USER);
      expect(shown.channel).toEqual({ channelId: CHANNEL, slug: 'c', at: at(3).toISOString() });
      expect(shown.user).toEqual({ channelId: CHANNEL, userId: USER, slug: 'a', at: at(1).toISOString() });
      expect((await channelContext.shownIn(CHANNEL, OTHER_USER)).user?.slug).toBe('c');
    });
  });

  describe('alerts', () => {
    it('given an alert channel configured, then settings name it; configured again, the new channel keeps the keys already sent', async () => {
      const { alerts } = await stores();
      expect(await alerts.settings(GUILD)).toBeUndefined();
      await alerts.configure(GUILD, { channelId: CHANNEL, setBy: USER });
      expect(await alerts.settings(GUILD)).toEqual({ channelId: CHANNEL, setBy: USER, sent: [] });
      expect(await alerts.claimAlert('k1', GUILD)).toEqual([{ guildId: GUILD, channelId: CHANNEL }]);
      expect(await alerts.claimAlert('k2', GUILD)).toEqual([{ guildId: GUILD, channelId: CHANNEL }]);
      await alerts.configure(GUILD, { channelId: OTHER_CHANNEL, setBy: OTHER_USER });
      expect(await alerts.settings(GUILD)).toEqual({ channelId: OTHER_CHANNEL, setBy: OTHER_USER, sent: ['k1', 'k2'] });
    });

    it('then an alert key is claimed once per server: for one server, or for every configured server, never twice', async () => {
      const { alerts } = await stores();
      await alerts.configure(GUILD, { channelId: CHANNEL, setBy: USER });
      await alerts.configure(OTHER_GUILD, { channelId: OTHER_CHANNEL, setBy: USER });
      expect(await alerts.claimAlert('archive-stale', OTHER_GUILD)).toEqual([{ guildId: OTHER_GUILD, channelId: OTHER_CHANNEL }]);
      expect(await alerts.claimAlert('archive-stale', undefined)).toEqual([{ guildId: GUILD, channelId: CHANNEL }]);
      expect(await alerts.claimAlert('archive-stale', undefined)).toEqual([]);
      expect(await alerts.claimAlert('archive-stale', GUILD)).toEqual([]);
      const everywhere = await alerts.claimAlert('another', undefined);
      expect(everywhere.sort((a, b) => a.guildId.localeCompare(b.guildId))).toEqual([
        { guildId: GUILD, channelId: CHANNEL },
        { guildId: OTHER_GUILD, channelId: OTHER_CHANNEL },
      ]);
    });

    it('given a server without an alert channel, then nothing is claimed for it and it keeps no key', async () => {
      const { alerts } = await stores();
      expect(await alerts.claimAlert('k', '100000000000000009')).toEqual([]);
      expect(await alerts.claimAlert('k', undefined)).toEqual([]);
      expect(await alerts.settings('100000000000000009')).toBeUndefined();
    });

    if (options.sharedViews) {
      it('given several processes claiming one alert at once, then exactly one of them gets each server', async () => {
        const processes = await Promise.all(Array.from({ length: 4 }, () => stores()));
        await (processes[0] as LumenStores).alerts.configure(GUILD, { channelId: CHANNEL, setBy: USER });
        await (processes[1] as LumenStores).alerts.configure(OTHER_GUILD, { channelId: OTHER_CHANNEL, setBy: USER });
        for (let round = 0; round < 5; round++) {
          const claimed = await Promise.all(processes.map((p) => p.alerts.claimAlert(`key-${round}`, undefined)));
          expect(claimed.flat().map((t) => t.guildId).sort()).toEqual([GUILD, OTHER_GUILD]);
        }
      });
    }
  });
}
