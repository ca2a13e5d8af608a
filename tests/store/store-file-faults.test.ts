/**
 * Issue 11 items 3, 9 and 13 (EISDIR): data files that break their own invariants, that an
 * operator made read-only, that are dangling links or directories. Each is refused naming the
 * file and the problem, and nothing is ever written over it.
 */
import { chmod, lstat, mkdir, mkdtemp, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { ARCHIVE_FILE_NAME, LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { readArchiveCatalog } from '../../src/store/read-archive-catalog.js';
import type { Subscription } from '../../src/domain/subscription.schema.js';
import type { StateFile } from '../../src/store/state.schema.js';
import { STATE_FILE_NAME, StateStore } from '../../src/store/state-store.js';
import { StoreCorruptError, StoreFileError } from '../../src/store/store-errors.js';
import { getIncoming } from '../support/briefing-factory.js';

const T1 = new Date('2026-11-25T08:00:00.000Z');
const newDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'lumen-store-faults-'));

/** A data directory with an archive of three briefings (seqs 1–3, nextSeq 4). */
async function archiveDir(): Promise<{ dir: string; file: string; data: ArchiveFile }> {
  const dir = await newDir();
  const archive = await LowdbBriefingArchive.open(dir);
  await archive.save([getIncoming({ slug: 'a' }), getIncoming({ slug: 'b' }), getIncoming({ slug: 'c' })], T1);
  const file = join(dir, ARCHIVE_FILE_NAME);
  return { dir, file, data: JSON.parse(await readFile(file, 'utf8')) as ArchiveFile };
}

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    guildId: '100000000000000001',
    channelId: '100000000000000002',
    createdInChannelId: '100000000000000003',
    createdBy: '100000000000000004',
    mode: 'digest',
    time: '08:00',
    timezone: 'Europe/Berlin',
    createdAt: T1.toISOString(),
    status: 'active',
    cursorSeq: 0,
    ...overrides,
  };
}

async function stateDir(subscriptions: Subscription[]): Promise<{ dir: string; file: string; text: string }> {
  const dir = await newDir();
  const state: StateFile = { version: 1, subscriptions, deliveries: [], threads: {} };
  const file = join(dir, STATE_FILE_NAME);
  const text = JSON.stringify(state, null, 2);
  await writeFile(file, text);
  return { dir, file, text };
}

describe('given a hand-edited archive.json that breaks its own invariants (item 3)', () => {
  it.each([
    { what: 'a duplicated slug', edit: (d: ArchiveFile) => d.briefings.push({ ...structuredClone(d.briefings[0] as ArchiveFile['briefings'][number]), seq: 3 }), problem: 'briefings.3.briefing.slug: the slug "a" appears twice (also at briefings.0)' },
    { what: 'nextSeq below a used seq', edit: (d: ArchiveFile) => void (d.nextSeq = 2), problem: 'briefings.1.seq: seq 2 is not below nextSeq 2 (the next import would reuse it)' },
    { what: 'a seq used twice', edit: (d: ArchiveFile) => void ((d.briefings[2] as ArchiveFile['briefings'][number]).seq = 1), problem: 'briefings.2.seq: seq 1 appears twice (also at briefings.0)' },
  ])('given $what, then opening it is refused naming the file and the value, and the file is left as it was', async ({ edit, problem }) => {
    const { dir, file, data } = await archiveDir();
    edit(data);
    const text = JSON.stringify(data);
    await writeFile(file, text);
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(StoreCorruptError);
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(`${file}: does not match the expected shape at ${problem}`);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('then `lumen list` (the catalog) refuses a duplicated slug too, instead of listing it twice', async () => {
    const { dir, file, data } = await archiveDir();
    data.briefings[1] = { ...(data.briefings[1] as ArchiveFile['briefings'][number]), briefing: { ...(data.briefings[1] as ArchiveFile['briefings'][number]).briefing, slug: 'a' } };
    await writeFile(file, JSON.stringify(data));
    await expect(readArchiveCatalog(dir)).rejects.toThrow('the slug "a" appears twice');
  });
});

describe('given a hand-edited state.json with values the bot cannot use (item 3)', () => {
  it.each([
    { what: 'an unknown time zone', sub: subscription({ timezone: 'Mars/Olympus' }), problem: 'subscriptions.0.timezone: "Mars/Olympus" is not a time zone' },
    { what: 'an impossible time', sub: subscription({ time: '24:30' }), problem: 'subscriptions.0.time: "24:30" is not a time of day HH:MM' },
    { what: 'a channel id that is not a snowflake', sub: subscription({ channelId: '#briefings' }), problem: 'subscriptions.0.channelId: "#briefings" is not a Discord id' },
  ])('given $what, then opening it is refused naming the file and the value, and the file is left as it was', async ({ sub, problem }) => {
    const { dir, file, text } = await stateDir([sub]);
    await expect(StateStore.open(dir)).rejects.toThrow(StoreCorruptError);
    await expect(StateStore.open(dir)).rejects.toThrow(`${file}: does not match the expected shape at ${problem}`);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('given a subscription id used twice, then it is refused naming both places', async () => {
    const { dir } = await stateDir([subscription(), subscription({ channelId: '100000000000000009' })]);
    await expect(StateStore.open(dir)).rejects.toThrow('subscriptions.1.id: the subscription id "sub-1" appears twice (also at subscriptions.0)');
  });

  it('given valid zones and times, including UTC, then it opens', async () => {
    const { dir } = await stateDir([subscription({ timezone: 'UTC', time: '23:59' }), subscription({ id: 'sub-2', timezone: 'America/Argentina/Buenos_Aires', time: '00:00' })]);
    expect((await StateStore.open(dir)).data.subscriptions).toHaveLength(2);
  });
});

describe('given an archive.json made read-only (0444) (item 9)', () => {
  it('then it still opens for reading, a save is refused naming the file and what to do, and the file keeps its content and mode', async () => {
    const { dir, file } = await archiveDir();
    await chmod(file, 0o444);
    const before = await readFile(file, 'utf8');
    const archive = await LowdbBriefingArchive.open(dir);
    expect(archive.size).toBe(3);
    const save = archive.save([getIncoming({ slug: 'd' })], T1);
    await expect(save).rejects.toThrow(StoreFileError);
    await expect(archive.save([getIncoming({ slug: 'd' })], T1)).rejects.toThrow(`${file}: is read-only (mode 0444), so the change was not saved. Nothing was written to it; make it writable (chmod u+w ${file})`);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
    expect(archive.get('d')).toBeUndefined();
  });

  it('then a read-only state.json is not replaced either', async () => {
    const { dir, file, text } = await stateDir([subscription()]);
    await chmod(file, 0o444);
    const store = await StateStore.open(dir);
    await expect(store.update((s) => void (s.subscriptions = []))).rejects.toThrow(`${file}: is read-only (mode 0444)`);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
  });
});

describe('given archive.json or state.json as a symbolic link (item 9)', () => {
  it('then a dangling link is refused naming the file, not read as an empty store and replaced', async () => {
    const dir = await newDir();
    const file = join(dir, ARCHIVE_FILE_NAME);
    await symlink(join(dir, 'backup', 'archive.json'), file);
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(`${file}: is a symbolic link to a file that does not exist`);
    const state = join(dir, STATE_FILE_NAME);
    await symlink(join(dir, 'nowhere.json'), state);
    await expect(StateStore.open(dir)).rejects.toThrow(`${state}: is a symbolic link to a file that does not exist`);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readlink(file)).toBe(join(dir, 'backup', 'archive.json'));
  });

  it('then a link to a real file is followed: the target gets the change and the link stays a link', async () => {
    const { dir: real, file: target } = await archiveDir();
    const dir = await newDir();
    const file = join(dir, ARCHIVE_FILE_NAME);
    await symlink(target, file);
    const archive = await LowdbBriefingArchive.open(dir);
    await archive.save([getIncoming({ slug: 'd' })], T1);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect((await LowdbBriefingArchive.open(real)).get('d')).toBeDefined();
  });
});

describe('given a directory where archive.json or state.json should be (item 13)', () => {
  it('then opening says which file is a directory, instead of a bare EISDIR', async () => {
    const dir = await newDir();
    await mkdir(join(dir, ARCHIVE_FILE_NAME));
    await mkdir(join(dir, STATE_FILE_NAME));
    await expect(LowdbBriefingArchive.open(dir)).rejects.toThrow(`${join(dir, ARCHIVE_FILE_NAME)}: is a directory, not a file`);
    await expect(StateStore.open(dir)).rejects.toThrow(`${join(dir, STATE_FILE_NAME)}: is a directory, not a file`);
    await expect(readArchiveCatalog(dir)).rejects.toThrow(StoreFileError);
  });
});
