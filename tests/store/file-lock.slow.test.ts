/**
 * Issue 11 item 5: a lock left by a killed process (same host, PID gone) is taken over at once;
 * a lock really held says whose it is. The holders are real processes killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireProcessLock, parseOwner, withFileLock } from '../../src/store/file-lock.js';
import { ARCHIVE_FILE_NAME, LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { getIncoming } from '../support/briefing-factory.js';

const HOLDER = fileURLToPath(new URL('./support/hold-lock.js', import.meta.url));
const T1 = new Date('2026-11-25T08:00:00.000Z');

let holder: ChildProcess | undefined;
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = undefined;
});

/** A process holding `lockFile` (a write lock or a process lock) until it is killed. */
async function holdLock(lockFile: string, mode: 'write' | 'process'): Promise<{ pid: number; kill(): Promise<void> }> {
  const proc = (holder = spawn(process.execPath, [HOLDER, lockFile, mode], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    proc.once('exit', (code) => reject(new Error(`the holder exited (${code}) before it held the lock`)));
  });
  return {
    pid: proc.pid as number,
    kill: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

const newDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'lumen-lock-'));

describe('given archive.json.lock left behind by an import killed with SIGKILL', () => {
  it('then the next save takes it over at once instead of waiting for it to age', async () => {
    const dir = await newDir();
    const lockFile = join(dir, `${ARCHIVE_FILE_NAME}.lock`);
    const killed = await holdLock(lockFile, 'write');
    await killed.kill();
    expect(parseOwner(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: killed.pid, host: hostname() });

    const archive = await LowdbBriefingArchive.open(dir);
    const started = performance.now();
    const results = await archive.save([getIncoming({ slug: 'after-the-kill' })], T1);
    const tookMs = performance.now() - started;
    expect(results.map((r) => r.outcome)).toEqual(['imported']);
    // Before: it waited for the 60 s staleness and failed at the 15 s timeout.
    expect(tookMs).toBeLessThan(2_000);
    await expect(readFile(lockFile)).rejects.toThrow(/ENOENT/);
  });

  it('then a lock in the old format (just a PID) of a dead process is taken over too', async () => {
    const dir = await newDir();
    const lockFile = join(dir, 'x.lock');
    const killed = await holdLock(join(dir, 'other.lock'), 'write');
    await killed.kill();
    await writeFile(lockFile, `${killed.pid}\n`);
    await expect(withFileLock(lockFile, async () => 'done', { timeoutMs: 500 })).resolves.toBe('done');
  });
});

describe('given a lock really held by a live process', () => {
  it('then a writer waits, and when it gives up the message says whose lock it is', async () => {
    const dir = await newDir();
    const lockFile = join(dir, `${ARCHIVE_FILE_NAME}.lock`);
    const live = await holdLock(lockFile, 'write');
    const failure = withFileLock(lockFile, async () => 'never', { timeoutMs: 300 });
    await expect(failure).rejects.toThrow(new RegExp(`${lockFile}: held by process ${live.pid} on ${hostname()} since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\(\\d+ s ago\\); try again once it is done`));
    // And the lock is still the holder's: nothing took it from a live process.
    expect(parseOwner(await readFile(lockFile, 'utf8'))?.pid).toBe(live.pid);
  });

  it('then a process lock is refused naming the holder, and taken once the holder is killed', async () => {
    const dir = await newDir();
    const lockFile = join(dir, 'lumen.lock');
    const live = await holdLock(lockFile, 'process');
    await expect(acquireProcessLock(lockFile, `the data directory ${dir}`)).rejects.toThrow(`the data directory ${dir} is in use: held by process ${live.pid} on ${hostname()}`);
    await live.kill();
    const mine = await acquireProcessLock(lockFile, `the data directory ${dir}`);
    expect(parseOwner(await readFile(lockFile, 'utf8'))?.pid).toBe(process.pid);
    await mine.release();
    await expect(readFile(lockFile)).rejects.toThrow(/ENOENT/);
  });
});
