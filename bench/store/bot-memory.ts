/**
 * The bot's memory at N briefings on each store (issue 17): `scripts/with-test-postgres.sh node
 * --import tsx bench/store/bot-memory.ts [N=20000]`. The archive is filled first (generated
 * briefings, bench/generate-briefings.ts), then a fresh process opens the bot on it (stores,
 * search index from its snapshot, discord.js connected to the local Discord) and reports its
 * resident set size once ready, with the heap after a full collection. Prints one JSON line per store.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LumenApp } from '../../src/app/lumen-app.js';
import { systemClock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/log.js';
import { LocalDiscord } from '../../src/sandbox/emulator/local-discord.js';
import type { IncomingBriefing } from '../../src/store/briefing-archive.js';
import { openStores, type StoreOptions } from '../../src/store/open-stores.js';
import { dropSchema } from '../../src/store/postgres/postgres-connection.js';
import { generateBriefings } from '../generate-briefings.js';

const DATABASE_URL = process.env['LUMEN_TEST_DATABASE_URL'] ?? process.env['LUMEN_DATABASE_URL'];
const SELF = fileURLToPath(import.meta.url);

async function fill(options: StoreOptions, n: number): Promise<void> {
  const stores = await openStores(options);
  const now = new Date('2026-11-25T00:00:00.000Z');
  const all = generateBriefings(n);
  for (let i = 0; i < all.length; i += 2_000) {
    const batch: IncomingBriefing[] = all.slice(i, i + 2_000).map((briefing) => ({
      briefing,
      dateFromFile: true,
      contentHash: createHash('sha256').update(JSON.stringify(briefing)).digest('hex'),
      source: `bench:${briefing.slug}`,
    }));
    await stores.archive.save(batch, now);
  }
  await stores.close();
}

/** In the measuring child: the bot opened and connected, then its memory. */
async function measureHere(options: StoreOptions): Promise<void> {
  const discord = await LocalDiscord.start();
  const app = await LumenApp.open({ ...options, clock: systemClock, logger: silentLogger() });
  await app.startBot({ token: discord.token, restApi: discord.apiBase });
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  process.stdout.write(JSON.stringify({ briefings: app.archive.size, rssMb: Math.round(rssMb), heapAfterGcMb: Math.round(heapMb), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  await app.stop();
  await discord.close();
}

async function measureInChild(options: StoreOptions): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--measure', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(out) as Record<string, number>;
}

if (process.argv[2] === '--measure') {
  await measureHere(JSON.parse(process.argv[3] ?? '{}') as StoreOptions);
  process.exit(0);
}

const n = Number(process.argv[2] ?? 20_000);
const dataDir = await mkdtemp(join(tmpdir(), 'lumen-bot-memory-'));
const pgDir = await mkdtemp(join(tmpdir(), 'lumen-bot-memory-pg-'));
const schema = `lumen_bench_${randomBytes(5).toString('hex')}`;
try {
  await fill({ dataDir }, n);
  console.log(JSON.stringify({ store: 'lowdb', ...(await measureInChild({ dataDir })) }));
  if (DATABASE_URL) {
    const options = { dataDir: pgDir, database: { url: DATABASE_URL, schema } };
    await fill(options, n);
    console.log(JSON.stringify({ store: 'postgres', ...(await measureInChild(options)) }));
  } else console.error('no LUMEN_TEST_DATABASE_URL: PostgreSQL not measured (scripts/with-test-postgres.sh sets it)');
} finally {
  if (DATABASE_URL) await dropSchema(DATABASE_URL, schema).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
  await rm(pgDir, { recursive: true, force: true });
}
process.exit(0);
