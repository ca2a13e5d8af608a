import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LumenApp } from '../../src/app/lumen-app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { startAppHttp, type AppHttp } from '../../src/http/start-app-http.js';
import { silentLogger } from '../../src/log.js';

const TOKEN = 'z'.repeat(32);

describe('given a LumenApp with its HTTP port (before the bot has connected)', () => {
  let dataDir: string;
  let app: LumenApp;
  let http: AppHttp | undefined;
  let config: Config;
  const clock = new ManualClock(new Date('2026-11-25T08:00:00.000Z'));
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lumen-app-http-'));
    const loaded = loadConfig({ LUMEN_DATA_DIR: dataDir, LUMEN_HTTP_PORT: '1', LUMEN_INGEST_TOKEN: TOKEN });
    if (!loaded.ok) throw new Error(loaded.message);
    config = { ...loaded.config, httpPort: 0 };
    app = await LumenApp.open({ dataDir, clock, logger: silentLogger() });
  });
  afterEach(async () => {
    await http?.server.stop();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given no LUMEN_HTTP_PORT, then no server is started', async () => {
    expect(await startAppHttp(app, { ...config, httpPort: undefined }, silentLogger())).toBeUndefined();
  });

  it('then /readyz is 503 until the gateway is up, the store and a recent tick passing', async () => {
    http = await startAppHttp(app, config, silentLogger(), { lastScheduleTick: () => new Date(clock.now().getTime() - 30_000) });
    const answer = await fetch(`http://127.0.0.1:${http?.server.port}/readyz`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({
      ready: false,
      checks: { gateway: { ok: false, detail: 'not connected to the Discord gateway' }, store: { ok: true, detail: '0 briefings' }, scheduler: { ok: true, detail: 'last tick 30 s ago' } },
    });
  });

  it('then a stale scheduler tick is reported as not ready', async () => {
    http = await startAppHttp(app, config, silentLogger(), { lastScheduleTick: () => new Date(clock.now().getTime() - 600_000) });
    const body = (await (await fetch(`http://127.0.0.1:${http?.server.port}/readyz`)).json()) as { checks: Record<string, unknown> };
    expect(body.checks['scheduler']).toEqual({ ok: false, detail: 'last tick 600 s ago (more than 180 s)' });
  });

  it("then a pushed briefing lands in the app's archive and the archive size metric follows it", async () => {
    http = await startAppHttp(app, config, silentLogger());
    const base = `http://127.0.0.1:${http?.server.port}`;
    const text = await readFile(new URL('../../data/samples/japan-tariffs.md', import.meta.url));
    const pushed = await fetch(`${base}/briefings?file=japan-tariffs.md`, { method: 'POST', body: text, headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(await pushed.json()).toMatchObject({ outcome: 'imported', slug: 'japan-tariffs' });
    expect(app.archive.get('japan-tariffs')?.source).toBe('http:japan-tariffs.md');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^lumen_archive_briefings 1$/m);
    expect(metrics).toMatch(/^lumen_pending_intents 0$/m);
  });
});
