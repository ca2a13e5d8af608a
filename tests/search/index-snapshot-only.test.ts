/**
 * The short path of one-shot `lumen search` / `lumen ask` (issue 13): answers from the index
 * snapshot alone when it is stamped with archive.json's signature. It must answer exactly as
 * the validated archive does, and a stale, torn or edited snapshot must never be used.
 */
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateBriefing } from '../../bench/generate-briefings.js';
import { defaultLexicon } from '../../src/search/default-lexicon.js';
import { decodeSnapshot, encodingFingerprint } from '../../src/search/index-snapshot.js';
import { INDEX_SNAPSHOT_FILE, SearchService, SnapshotDamagedError, type SearchView } from '../../src/search/index.js';
import { SnapshotArchive } from '../../src/search/snapshot-archive.js';
import { CacheFile } from '../../src/store/cache-file.js';
import { fileSignature } from '../../src/store/file-signature.js';
import { ARCHIVE_FILE_NAME, LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { loadSampleBriefings } from '../eval/load-samples.js';
import { getIncoming } from '../support/briefing-factory.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const QUERIES = ['japan tarifs', 'turkiye grain', 'shiping insurance', 'sheild', 'rare earth licences', 'erdogan', 'sanctions oil'];
const QUESTIONS = ['Is Washington going to revisit car tariffs on Japan?', 'Will the Houthis keep attacking ships?', 'What does Beijing want from the chip controls?'];
const samples = loadSampleBriefings();
/** More briefings than the spot check reads, so that some texts are read only when an answer shows them. */
const generated = Array.from({ length: 120 }, (_, i) => generateBriefing(i));

interface DataDir {
  dir: string;
  archiveFile: string;
  snapshot: CacheFile;
}

async function dataDirWithArchive(): Promise<DataDir> {
  const dir = await mkdtemp(join(tmpdir(), 'lumen-snapshot-only-'));
  const archive = await LowdbBriefingArchive.open(dir);
  await archive.save([...samples, ...generated].map((briefing) => getIncoming(briefing)), T1);
  return { dir, archiveFile: join(dir, ARCHIVE_FILE_NAME), snapshot: new CacheFile(join(dir, INDEX_SNAPSHOT_FILE)) };
}

/** The validated path, as a one-shot verb takes it without a current snapshot: the archive, then the snapshot (rewritten if stale). */
async function viaArchive(d: DataDir): Promise<{ view: SearchView; service: SearchService }> {
  const archive = await LowdbBriefingArchive.open(d.dir);
  const service = await SearchService.open(archive, { snapshot: d.snapshot, lazy: true });
  await service.close();
  return { view: service.view, service };
}

const snapshotOnly = async (d: DataDir): Promise<SearchService | undefined> => SearchService.openSnapshotOnly(d.snapshot, await fileSignature(d.archiveFile), { lazy: true });

/** Everything a one-shot verb may answer with, for comparing two paths. */
function answers(view: SearchView): unknown {
  const japan = 'japan-tariffs';
  return {
    size: view.size,
    search: QUERIES.map((q) => view.search(q, { limit: 10 })),
    ask: QUESTIONS.map((q) => view.ask(q, { limit: 3 })),
    scoped: QUESTIONS.map((q) => view.ask(q, { briefing: japan, limit: 3 })),
    prior: view.ask('Will they coordinate with the EU?', { prior: [japan], limit: 5 }),
    get: view.get(japan),
    autocomplete: view.autocomplete('japa'),
    newest: view.list().slice(0, 5).map((b) => b.slug),
  };
}

describe('given an archive and the snapshot the archive path saved', () => {
  let d: DataDir;
  beforeEach(async () => {
    d = await dataDirWithArchive();
    await viaArchive(d);
  });

  it('then the snapshot alone answers search, ask, get and the order exactly as the archive path and a fresh build do', async () => {
    const short = await snapshotOnly(d);
    expect(short).toBeDefined();
    const fromArchive = answers((await viaArchive(d)).view);
    const built = answers((await SearchService.open(await LowdbBriefingArchive.open(d.dir), { lazy: true })).view);
    const fromSnapshot = answers(short!.view) as { search: unknown[][]; ask: unknown[][] };
    expect(fromSnapshot.search.every((results) => results.length > 0)).toBe(true);
    expect(fromSnapshot.ask.every((results) => results.length > 0)).toBe(true);
    expect(fromSnapshot).toEqual(fromArchive);
    expect(fromSnapshot).toEqual(built);
    await short!.close();
  });

  it('then archive.json is not even read: the same bytes scrambled in place, same size and mtime, still give the answers', async () => {
    // Pin the archive's mtime to a whole second first, so that it can be put back exactly.
    const pinned = new Date('2026-11-25T09:00:00.000Z');
    await utimes(d.archiveFile, pinned, pinned);
    await viaArchive(d); // re-stamps the snapshot with the pinned signature
    const before = answers((await snapshotOnly(d))!.view);
    const size = (await stat(d.archiveFile)).size;
    await writeFile(d.archiveFile, Buffer.alloc(size, 0x20)); // in place: same inode
    await utimes(d.archiveFile, pinned, pinned);
    const short = await snapshotOnly(d);
    expect(short).toBeDefined();
    expect(answers(short!.view)).toEqual(before);
  });

  it('then an import since (archive.json rewritten) makes it stale: not used until the archive path rewrites it, with the new briefing', async () => {
    const archive = await LowdbBriefingArchive.open(d.dir);
    await archive.save([getIncoming({ slug: 'svalbard-fisheries', title: 'Svalbard cod quotas', summary: 'Norway and Russia dispute cod quotas around Svalbard.' })], T1);
    expect(await snapshotOnly(d)).toBeUndefined();
    const { service } = await viaArchive(d);
    expect([service.origin.from, service.origin.saved]).toEqual(['updated', true]);
    const short = await snapshotOnly(d);
    expect(short?.view.search('svalbard cod')[0]?.slug).toBe('svalbard-fisheries');
  });

  it('then archive.json edited by hand (same briefings or not) makes it stale', async () => {
    const text = await readFile(d.archiveFile, 'utf8');
    await writeFile(d.archiveFile, text.replace('"title":"', '"title":"EDITED '));
    expect(await snapshotOnly(d)).toBeUndefined();
    const { view } = await viaArchive(d);
    expect(view.list().filter((b) => b.title.startsWith('EDITED '))).toHaveLength(1);
    expect(answers((await snapshotOnly(d))!.view)).toEqual(answers(view));
  });

  it('then a torn snapshot (cut short) or a header edited by hand is not used, and the archive path rewrites it', async () => {
    const file = d.snapshot.name;
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1000));
    expect(await snapshotOnly(d)).toBeUndefined();
    expect((await viaArchive(d)).service.origin.from).toBe('build');
    expect(await snapshotOnly(d)).toBeDefined();

    const edited = Buffer.from(await readFile(file));
    const at = edited.indexOf('"japan-tariffs"');
    edited.write('"japan-tarifff"', at, 'latin1'); // a slug in the header, same length
    await writeFile(file, edited);
    expect(await snapshotOnly(d)).toBeUndefined();
    expect((await viaArchive(d)).service.origin.from).toBe('build');
    expect(await snapshotOnly(d)).toBeDefined();
  });

  it("then a briefing's damaged text is refused when read (SnapshotDamagedError), and the archive path sees the damage and rewrites the file", async () => {
    const file = d.snapshot.name;
    const bytes = Buffer.from(await readFile(file));
    const key = encodingFingerprint(defaultLexicon());
    // Document 1 is never among the spot-checked (0, step, 2 * step, ...): only a query reads it.
    const slug = decodeSnapshot(bytes, key)!.state.slugs[1]!;
    const at = bytes.indexOf(`"slug":"${slug}"`);
    bytes[at + 9] = (bytes[at + 9] as number) ^ 0x01; // one letter of the slug inside its stored text
    await writeFile(file, bytes);

    const damaged = decodeSnapshot(bytes, key, { checkBodies: 'on-read' });
    expect(decodeSnapshot(bytes, key)).toBeUndefined(); // read whole, the texts' CRC fails
    const archive = new SnapshotArchive(damaged as never, file);
    expect(() => archive.get(slug)!.briefing).toThrow(SnapshotDamagedError);
    expect(archive.get('japan-tariffs')!.briefing.slug).toBe('japan-tariffs');

    const short = await snapshotOnly(d);
    expect(short).toBeDefined(); // the damage is where the spot check does not look
    expect(() => short!.view.get(slug)).toThrow(SnapshotDamagedError);
    const { view, service } = await viaArchive(d);
    expect(service.origin.from).toBe('build');
    expect((await snapshotOnly(d))!.view.get(slug)).toEqual(view.get(slug));
  });
});
