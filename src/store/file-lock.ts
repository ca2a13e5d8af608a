/**
 * Lock files that say who holds them: `{ pid, host, since }`, created with O_EXCL.
 *
 * - {@link withFileLock}: beside a data file for the length of one write, so two processes (the
 *   running bot and `lumen import`) never write the archive from different snapshots.
 * - {@link acquireProcessLock}: for the life of a process, so two bots never run on one data
 *   directory (each would deliver everything once).
 *
 * A lock whose owner is gone (same host, its PID no longer alive: a `kill -9`) is taken over at
 * once. One held by a live process is waited for (or refused), and the message says whose it is.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LumenError } from '../domain/errors.js';

/** A lock file still empty after this long was left by a process killed as it created it. */
const HALF_WRITTEN_MS = 1_000;

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time it was taken. */
  since: string;
}

/** A lock held for the life of a process; `release` removes it (only if it is still ours). */
export interface ProcessLock {
  readonly file: string;
  release(): Promise<void>;
}

export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: { timeoutMs?: number; staleMs?: number } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  // For an owner that cannot be checked (another host, an unreadable file): no write takes a minute.
  const staleMs = options.staleMs ?? 60_000;
  const started = Date.now();
  const mine = newOwner();
  for (;;) {
    if (await tryCreate(lockFile, mine)) break;
    const held = await inspect(lockFile);
    if (held.gone || held.ageMs > staleMs) {
      await takeOver(lockFile, held.text);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new LumenError('store.locked', `${lockFile}: ${describeHolder(held)}; try again once it is done, or delete the file if no lumen process is running`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  try {
    return await work();
  } finally {
    await releaseIfMine(lockFile, mine);
  }
}

/**
 * Takes `lockFile` for as long as this process runs (until `release`). Throws a LumenError
 * `store.in-use` naming `what` and the holder when a live process holds it; a lock left by a
 * dead process is taken over.
 */
export async function acquireProcessLock(lockFile: string, what: string): Promise<ProcessLock> {
  const mine = newOwner();
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(lockFile, mine)) return { file: lockFile, release: () => releaseIfMine(lockFile, mine) };
    const held = await inspect(lockFile);
    if (!held.gone) {
      throw new LumenError('store.in-use', `${what} is in use: ${describeHolder(held)} (lock file ${lockFile}). Stop that process first, or give this one its own LUMEN_DATA_DIR`);
    }
    await takeOver(lockFile, held.text);
  }
  throw new LumenError('store.in-use', `${what}: could not take the lock ${lockFile} (other processes keep taking it)`);
}

function newOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString() };
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  // The first save into a new data directory creates it.
  await mkdir(dirname(lockFile), { recursive: true });
  try {
    const handle = await open(lockFile, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(owner)}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

interface HeldLock {
  /** The file's content, to check it is still the same lock when taking it over. */
  text: string | undefined;
  owner: LockOwner | undefined;
  ageMs: number;
  /** Its owner is known to be dead (or the file vanished meanwhile). */
  gone: boolean;
}

async function inspect(lockFile: string): Promise<HeldLock> {
  const text = await readFile(lockFile, 'utf8').catch(() => undefined);
  const ageMs = await stat(lockFile).then((s) => Date.now() - s.mtimeMs, () => 0);
  if (text === undefined) return { text, owner: undefined, ageMs, gone: true };
  const owner = parseOwner(text);
  // Only a PID on this host can be checked; a lock from another machine waits for staleMs. An
  // empty file a second old: its writer died between creating it and writing its name.
  const gone = owner === undefined ? ageMs > HALF_WRITTEN_MS : owner.host === hostname() && !isAlive(owner.pid);
  return { text, owner, ageMs, gone };
}

/** The owner a lock file names; older lumen versions wrote only the PID (on this host). */
export function parseOwner(text: string): LockOwner | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), host: hostname(), since: '' };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && typeof value.host === 'string') return { pid: value.pid as number, host: value.host, since: typeof value.since === 'string' ? value.since : '' };
  } catch {
    // An empty or half-written file: the writer died between create and write.
  }
  return undefined;
}

/** Whether a process with that PID exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeHolder(held: HeldLock): string {
  const owner = held.owner;
  const age = `${Math.round(held.ageMs / 1000)} s ago`;
  if (!owner) return `another process took this lock ${age} (the file does not say which)`;
  const since = owner.since ? `since ${owner.since} (${age})` : `for ${Math.round(held.ageMs / 1000)} s`;
  return `held by process ${owner.pid} on ${owner.host} ${since}`;
}

/** Removes a dead owner's lock, unless another process replaced it meanwhile. */
async function takeOver(lockFile: string, seen: string | undefined): Promise<void> {
  const now = await readFile(lockFile, 'utf8').catch(() => undefined);
  if (now === seen) await rm(lockFile, { force: true });
}

async function releaseIfMine(lockFile: string, mine: LockOwner): Promise<void> {
  const text = await readFile(lockFile, 'utf8').catch(() => undefined);
  const owner = text === undefined ? undefined : parseOwner(text);
  if (owner && owner.pid === mine.pid && owner.host === mine.host && owner.since === mine.since) await rm(lockFile, { force: true });
}
