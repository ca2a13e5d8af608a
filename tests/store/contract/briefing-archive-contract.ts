/**
 * What every BriefingArchive must do, as one suite run against each implementation (lowdb and
 * PostgreSQL). A harness opens archives on one store: two archives from the same harness are two
 * processes' views of the same data, and `refresh` is how one learns of the other's saves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BriefingArchive } from '../../../src/store/briefing-archive.js';
import { getIncoming } from '../../support/briefing-factory.js';

export type ContractArchive = BriefingArchive & { refresh(): Promise<boolean> };

export interface ArchiveHarness {
  /** Another view of the same store (a second process). */
  open(): Promise<ContractArchive>;
  /** Closes what was opened and removes the store. */
  dispose(): Promise<void>;
}

const T1 = new Date('2026-11-25T08:00:00.000Z');
const T2 = new Date('2026-11-25T09:00:00.000Z');
const hash = (c: string) => c.repeat(64);

export function describeBriefingArchiveContract(name: string, makeHarness: () => Promise<ArchiveHarness>, options: { concurrentSaves: number }): void {
  describe(`BriefingArchive contract: ${name}`, () => {
    let harness: ArchiveHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it('given an empty store, then the archive is empty at position 0', async () => {
      const archive = await harness.open();
      expect([archive.size, archive.lastSeq, archive.list().length, archive.importedAfter(0).length]).toEqual([0, 0, 0, 0]);
      expect(archive.get('a')).toBeUndefined();
    });

    it('given new briefings, then each is imported at revision 1 at the next positions, in batch order', async () => {
      const archive = await harness.open();
      const results = await archive.save([getIncoming({ slug: 'a' }), getIncoming({ slug: 'b' })], T1);
      expect(results).toEqual([
        { slug: 'a', outcome: 'imported', revision: 1 },
        { slug: 'b', outcome: 'imported', revision: 1 },
      ]);
      expect(archive.get('b')).toMatchObject({ revision: 1, seq: 2, importedAt: T1.toISOString(), updatedAt: T1.toISOString(), source: 'b.md' });
      expect([archive.size, archive.lastSeq]).toEqual([2, 2]);
    });

    it('given the same content again, then it is unchanged; changed content updates it in place, keeping its position', async () => {
      const archive = await harness.open();
      const first = getIncoming({ slug: 'a' });
      await archive.save([first], T1);
      expect(await archive.save([first], T2)).toEqual([{ slug: 'a', outcome: 'unchanged', revision: 1 }]);
      const changed = { ...first, briefing: { ...first.briefing, summary: 'New summary.' }, contentHash: hash('f'), source: 'a-v2.md' };
      expect(await archive.save([changed], T2)).toEqual([{ slug: 'a', outcome: 'updated', revision: 2 }]);
      expect(archive.size).toBe(1);
      expect(archive.get('a')).toMatchObject({ revision: 2, seq: 1, importedAt: T1.toISOString(), updatedAt: T2.toISOString(), source: 'a-v2.md' });
      expect(archive.get('a')?.briefing.summary).toBe('New summary.');
      expect(archive.importedAfter(0).map((b) => b.briefing.slug)).toEqual(['a']);
    });

    it('given an update whose file has no date, then the first publication date is kept; with a date, the file wins', async () => {
      const archive = await harness.open();
      await archive.save([getIncoming({ slug: 'a', publishedAt: T1.toISOString() }, false), getIncoming({ slug: 'b', publishedAt: T1.toISOString() })], T1);
      await archive.save(
        [
          { ...getIncoming({ slug: 'a', publishedAt: T2.toISOString() }, false), contentHash: hash('e') },
          { ...getIncoming({ slug: 'b', publishedAt: T2.toISOString() }, true), contentHash: hash('d') },
        ],
        T2,
      );
      expect(archive.get('a')?.briefing.publishedAt).toBe(T1.toISOString());
      expect(archive.get('b')?.briefing.publishedAt).toBe(T2.toISOString());
    });

    it('given one slug twice in a batch, then the second is compared with the first', async () => {
      const archive = await harness.open();
      const a = getIncoming({ slug: 'a' });
      const results = await archive.save([a, a, { ...a, contentHash: hash('c') }], T1);
      expect(results.map((r) => `${r.outcome}:${r.revision}`)).toEqual(['imported:1', 'unchanged:1', 'updated:2']);
      expect(archive.get('a')).toMatchObject({ revision: 2, seq: 1 });
      expect(archive.lastSeq).toBe(1);
    });

    it('then list is newest published first (the later import first on a tie) and importedAfter follows archive order', async () => {
      const archive = await harness.open();
      await archive.save(
        [getIncoming({ slug: 'old', publishedAt: '2026-01-01T00:00:00.000Z' }), getIncoming({ slug: 'new', publishedAt: '2026-06-01T00:00:00.000Z' })],
        T1,
      );
      await archive.save([getIncoming({ slug: 'middle', publishedAt: '2026-03-01T00:00:00.000Z' }), getIncoming({ slug: 'tie', publishedAt: '2026-03-01T00:00:00.000Z' })], T2);
      expect(archive.list().map((b) => b.briefing.slug)).toEqual(['new', 'tie', 'middle', 'old']);
      expect(archive.importedAfter(1).map((b) => b.briefing.slug)).toEqual(['new', 'middle', 'tie']);
      expect(archive.importedAfter(4)).toEqual([]);
      // An update that moves the publication date moves it in the list, not in archive order.
      await archive.save([{ ...getIncoming({ slug: 'old', publishedAt: '2026-12-01T00:00:00.000Z' }), contentHash: hash('b') }], T2);
      expect(archive.list().map((b) => b.briefing.slug)).toEqual(['old', 'new', 'tie', 'middle']);
      expect(archive.importedAfter(0).map((b) => b.briefing.slug)).toEqual(['old', 'new', 'middle', 'tie']);
    });

    it('then listeners hear of imported and updated briefings, never unchanged ones, until they unsubscribe', async () => {
      const archive = await harness.open();
      const heard: string[][] = [];
      const stop = archive.onChange((changed) => heard.push(changed.map((c) => c.briefing.slug)));
      const a = getIncoming({ slug: 'a' });
      await archive.save([a], T1);
      await archive.save([a, getIncoming({ slug: 'b' })], T2);
      await archive.save([a], T2);
      stop();
      await archive.save([getIncoming({ slug: 'c' })], T2);
      expect(heard).toEqual([['a'], ['b']]);
    });

    it('given a second view of the store, then it reads a save of the first exactly as saved, and its own saves take the next positions', async () => {
      const first = await harness.open();
      const second = await harness.open();
      const heard: string[] = [];
      second.onChange((changed) => heard.push(...changed.map((c) => c.briefing.slug)));
      await first.save([getIncoming({ slug: 'a' }), getIncoming({ slug: 'b' })], T1);
      await second.refresh();
      expect(JSON.stringify(second.get('a'))).toBe(JSON.stringify(first.get('a')));
      expect(heard).toEqual(['a', 'b']);
      // Saving without having refreshed first still never reuses a position the other gave.
      await first.save([getIncoming({ slug: 'c' })], T2);
      expect(await second.save([getIncoming({ slug: 'd' })], T2)).toEqual([{ slug: 'd', outcome: 'imported', revision: 1 }]);
      expect(second.get('c')?.seq).toBe(3);
      expect(second.get('d')?.seq).toBe(4);
      await first.refresh();
      expect(first.list().map((b) => b.briefing.slug).sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(await first.refresh()).toBe(false);
    });

    it('given concurrent saves from two views, then every briefing gets its own position with none skipped, and a cursor sees each once', async () => {
      const views = [await harness.open(), await harness.open()];
      const reader = await harness.open();
      const seen: string[] = [];
      let cursor = 0;
      const follow = async () => {
        await reader.refresh();
        for (const b of reader.importedAfter(cursor)) {
          seen.push(b.briefing.slug);
          cursor = b.seq;
        }
      };
      const n = options.concurrentSaves;
      const saves = Array.from({ length: n }, (_, i) => (views[i % 2] as ContractArchive).save([getIncoming({ slug: `s${i}` })], T1));
      const following = (async () => {
        for (let i = 0; i < n; i++) await follow();
      })();
      await Promise.all([...saves, following]);
      await follow();
      const seqs = reader.list().map((b) => b.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(seen.slice().sort()).toEqual(Array.from({ length: n }, (_, i) => `s${i}`).sort());
      expect(new Set(seen).size).toBe(n);
    });
  });
}
