/**
 * What `restore` (RestorableArchive, src/store/briefing-archive.ts) must do on every archive: the
 * bulk path of `lumen migrate-store`, which, unlike `save`, keeps each briefing's position,
 * revision, content hash and dates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredBriefing } from '../../../src/store/archive.schema.js';
import type { RestorableArchive } from '../../../src/store/briefing-archive.js';
import { getBriefing } from '../../support/briefing-factory.js';

export interface RestoreHarness {
  /** An archive on the harness's store; each call is another view (a later process). */
  open(): Promise<RestorableArchive>;
  dispose(): Promise<void>;
}

const T1 = '2026-11-25T08:00:00.000Z';
const T2 = '2026-11-26T09:30:00.000Z';

function stored(slug: string, seq: number, revision: number, hashChar: string): StoredBriefing {
  return { briefing: getBriefing({ slug, publishedAt: T1 }), revision, contentHash: hashChar.repeat(64), seq, importedAt: T1, updatedAt: T2, source: `${slug}.md` };
}

export function describeArchiveRestoreContract(name: string, makeHarness: () => Promise<RestoreHarness>): void {
  describe(`BriefingArchive restore contract: ${name}`, () => {
    let harness: RestoreHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it('given briefings restored, then each keeps its seq, revision, hash and dates, gaps included, and the next import takes the position after the highest', async () => {
      const archive = await harness.open();
      const heard: string[] = [];
      archive.onChange((changed) => heard.push(...changed.map((c) => c.briefing.slug)));
      const copies = [stored('b', 7, 3, 'b'), stored('a', 2, 1, 'a')];
      await archive.restore(copies);
      expect(heard.sort()).toEqual(['a', 'b']);
      expect([archive.size, archive.lastSeq]).toEqual([2, 7]);
      expect(archive.importedAfter(0).map((b) => [b.briefing.slug, b.seq])).toEqual([
        ['a', 2],
        ['b', 7],
      ]);
      expect(JSON.stringify(archive.get('b'))).toBe(JSON.stringify(copies[0]));
      const later = await harness.open();
      expect(JSON.stringify(later.importedAfter(0))).toBe(JSON.stringify([copies[1], copies[0]]));
      const [result] = await later.save([{ briefing: getBriefing({ slug: 'c' }), dateFromFile: true, contentHash: 'c'.repeat(64), source: 'c.md' }], new Date(T2));
      expect(result?.outcome).toBe('imported');
      expect(later.get('c')?.seq).toBe(8);
    });

    it('given an archive with briefings, then a restore replaces all of them, and restoring nothing empties it', async () => {
      const archive = await harness.open();
      await archive.restore([stored('old', 1, 1, 'a'), stored('kept', 2, 1, 'b')]);
      await archive.restore([stored('kept', 2, 4, 'c')]);
      expect(archive.list().map((b) => `${b.briefing.slug}@${b.seq}r${b.revision}`)).toEqual(['kept@2r4']);
      expect((await harness.open()).list().map((b) => b.briefing.slug)).toEqual(['kept']);
      await archive.restore([]);
      expect([archive.size, archive.lastSeq]).toEqual([0, 0]);
    });

    it('given two briefings on one position, then restore throws naming it and the archive is unchanged', async () => {
      const archive = await harness.open();
      await archive.restore([stored('a', 1, 1, 'a')]);
      await expect(archive.restore([stored('x', 3, 1, 'a'), stored('y', 3, 1, 'b')])).rejects.toThrow(/seq 3 appears twice/);
      expect(archive.list().map((b) => b.briefing.slug)).toEqual(['a']);
      expect((await harness.open()).list().map((b) => b.briefing.slug)).toEqual(['a']);
    });
  });
}
