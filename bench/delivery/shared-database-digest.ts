/**
 * One digest to N channels delivered by P bot processes on one PostgreSQL database (issue 17),
 * against the floor of Discord's 50 requests/s per bot: `scripts/with-test-postgres.sh node
 * --import tsx bench/delivery/shared-database-digest.ts [channels=1000] [processes=1,2]`. Each
 * process is the child of tests/e2e/support/shared-database-bot.ts with 50/P requests/s; the
 * clock starts at the first tick and stops at the last digest post. Prints one JSON line per P.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LumenApp } from '../../src/app/lumen-app.js';
import { ManualClock } from '../../src/domain/clock.js';
import { parseBriefingBytes } from '../../src/import/import-briefing-files.js';
import { silentLogger } from '../../src/log.js';
import { LocalDiscord } from '../../src/sandbox/emulator/local-discord.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { SAMPLES_DIR } from '../../src/sandbox/sandbox.js';
import { dropSchema } from '../../src/store/postgres/postgres-connection.js';

const CHILD = fileURLToPath(new URL('../../tests/e2e/support/shared-database-bot.ts', import.meta.url));
const DATABASE_URL = process.env['LUMEN_TEST_DATABASE_URL'] ?? process.env['LUMEN_DATABASE_URL'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GLOBAL_PER_SECOND = 50;

async function measure(channels: number, processes: number): Promise<Record<string, number>> {
  const names = Array.from({ length: channels }, (_, i) => `fanout-${i}`);
  const discord = await LocalDiscord.start({ channels: names.map((name) => ({ name })) });
  const schema = `lumen_bench_${randomBytes(5).toString('hex')}`;
  const database = { url: DATABASE_URL as string, schema };
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const today = Math.floor(Date.now() / DAY) * DAY;
    const clock = new ManualClock(today - DAY + HOUR);
    const setupDir = await mkdtemp(join(tmpdir(), 'lumen-bench-setup-'));
    dirs.push(setupDir);
    const setup = await LumenApp.open({ dataDir: setupDir, database, clock, logger: silentLogger() });
    const admin = { guildId: discord.guildId, createdInChannelId: discord.channelId('general'), userId: discord.userId('admin') };
    for (const name of names) await setup.subscriptions.subscribe({ ...admin, channelId: discord.channelId(name), mode: 'digest', time: '00:00', timezone: 'UTC' });
    clock.advance(HOUR);
    const parsed = parseBriefingBytes(await readFile(join(SAMPLES_DIR, 'red-sea-shipping.md')), 'red-sea-shipping.md', clock.now());
    if (!parsed.ok) throw new Error('the sample does not parse');
    await setup.archive.save([parsed.incoming], clock.now());
    await setup.stop();

    let posted = 0;
    let lastPostAt = 0;
    let done: () => void = () => undefined;
    const allPosted = new Promise<void>((resolve) => (done = resolve));
    discord.on('message', (message: StoredMessage) => {
      if (message.data.author.id !== discord.botUserId || message.interactionId !== undefined) return;
      posted += 1;
      lastPostAt = performance.now();
      if (posted === channels) done();
    });
    for (let i = 0; i < processes; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), `lumen-bench-bot-${i}-`));
      dirs.push(dataDir);
      const args = { dataDir, restApi: discord.apiBase, token: discord.token, databaseUrl: database.url, schema, processId: `bench-${i}`, claimLeaseMs: 300_000, restRequestsPerSecond: Math.floor(GLOBAL_PER_SECOND / processes) };
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], { stdio: ['pipe', 'pipe', 'inherit'] });
      child.stdin.on('error', () => undefined);
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()).includes('ready\n') && resolve());
        child.once('exit', (code) => reject(new Error(`bot ${i} exited (${code})`)));
      });
    }
    const requestsBefore = discord.requests.length;
    const started = performance.now();
    const ticker = setInterval(() => children.forEach((c) => c.stdin?.write('deliver\n')), 250);
    for (const child of children) child.stdin?.write('deliver\n');
    await allPosted;
    clearInterval(ticker);
    const totalMs = lastPostAt - started;
    const requests = discord.requests.slice(requestsBefore);
    const floorMs = (requests.length / GLOBAL_PER_SECOND) * 1000;
    return {
      channels,
      processes,
      totalMs: Math.round(totalMs),
      floorMs: Math.round(floorMs),
      ratioToFloor: Math.round((totalMs / floorMs) * 100) / 100,
      requests: requests.length,
      rateLimited: requests.filter((r) => r.status === 429).length,
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await discord.close();
    await dropSchema(database.url, schema).catch(() => undefined);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

if (!DATABASE_URL) {
  console.error('set LUMEN_TEST_DATABASE_URL (scripts/with-test-postgres.sh does) or LUMEN_DATABASE_URL');
  process.exit(2);
}
const channels = Number(process.argv[2] ?? 1000);
const counts = (process.argv[3] ?? '1,2').split(',').map(Number);
for (const processes of counts) console.log(JSON.stringify(await measure(channels, processes)));
process.exit(0);
