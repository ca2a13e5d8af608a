/**
 * Issue 11 item 6: two bots on one data directory would each deliver everything. The second
 * refuses to start, naming the directory and the PID that holds it; a holder killed with
 * SIGKILL does not block the next start; a stopped bot lets the next one in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE, LumenApp } from '../../src/app/lumen-app.js';
import { systemClock } from '../../src/domain/clock.js';
import { createLogger } from '../../src/log.js';
import { LocalDiscord } from '../../src/sandbox/emulator/local-discord.js';
import { newDataDir } from './support/delivery-harness.js';

const CHILD = fileURLToPath(new URL('./support/bot-child.js', import.meta.url));

let discord: LocalDiscord | undefined;
let child: ChildProcess | undefined;
const apps: LumenApp[] = [];
afterEach(async () => {
  child?.kill('SIGKILL');
  for (const app of apps.splice(0)) await app.stop();
  await discord?.close();
  child = discord = undefined;
});

async function openApp(dataDir: string): Promise<LumenApp> {
  const app = await LumenApp.open({ dataDir, clock: systemClock, logger: createLogger({ level: 'silent' }) });
  apps.push(app);
  return app;
}

describe('given a bot running on a data directory in another process', () => {
  it('then a second bot on it refuses to start, naming the directory and the PID; once the first is killed, it starts', async () => {
    const d = (discord = await LocalDiscord.start());
    const dataDir = await newDataDir();
    const proc = (child = spawn(process.execPath, [CHILD, dataDir, d.apiBase, d.token], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      proc.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      proc.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready`)));
    });

    const second = await openApp(dataDir);
    await expect(second.startBot({ token: d.token, restApi: d.apiBase })).rejects.toThrow(
      `the data directory ${dataDir} is in use: held by process ${proc.pid} on ${hostname()} since`,
    );
    expect(second.bot).toBeUndefined();

    // kill -9: the lock stays behind with a dead PID, and must not block the next start.
    proc.kill('SIGKILL');
    await exited;
    expect(JSON.parse(await readFile(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8'))).toMatchObject({ pid: proc.pid });
    const third = await openApp(dataDir);
    await third.startBot({ token: d.token, restApi: d.apiBase });
    expect(third.bot).toBeDefined();
    expect(JSON.parse(await readFile(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  });
});

describe('given a bot stopped cleanly', () => {
  it('then its lock is gone and the next bot on the directory starts', async () => {
    const d = (discord = await LocalDiscord.start());
    const dataDir = await newDataDir();
    const first = await openApp(dataDir);
    await first.startBot({ token: d.token, restApi: d.apiBase });
    const rival = await openApp(dataDir);
    await expect(rival.startBot({ token: d.token, restApi: d.apiBase })).rejects.toThrow(`held by process ${process.pid}`);
    await first.stop();
    await expect(readFile(join(dataDir, DATA_DIR_LOCK_FILE))).rejects.toThrow(/ENOENT/);
    await rival.startBot({ token: d.token, restApi: d.apiBase });
    expect(rival.bot).toBeDefined();
  });
});
