/**
 * Issue 17's /metrics: a delivery through the local Discord is counted by outcome, with its lag
 * from import to post, and an intent not yet confirmed shows as pending.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startAppHttp, type AppHttp } from '../../src/http/start-app-http.js';
import { silentLogger } from '../../src/log.js';
import { briefingText, dropInInbox, MINUTE, startWorld, subscribe, type DeliveryWorld } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
let http: AppHttp | undefined;
afterEach(async () => {
  await http?.server.stop();
  await world?.sandbox.stop();
  world = undefined;
  http = undefined;
});

async function scrape(): Promise<string> {
  return (await fetch(`http://127.0.0.1:${http?.server.port}/metrics`)).text();
}

describe('given the HTTP port on a bot that delivers', () => {
  it('then each delivery outcome is counted, a post’s lag from its import and each interaction’s latency are observed', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    const loaded = loadConfig({ LUMEN_DATA_DIR: w.dataDir, LUMEN_HTTP_PORT: '1' });
    if (!loaded.ok) throw new Error(loaded.message);
    http = await startAppHttp(w.sandbox.app, { ...loaded.config, httpPort: 0 }, silentLogger());
    expect(await scrape()).not.toMatch(/lumen_deliveries_total\{outcome="posted"\}/);

    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'analysts', mode: 'new', topic: 'narwhal' });
    await dropInInbox(w.dataDir, 'baltic-cable-cuts.md', await briefingText({ slug: 'baltic-cable-cuts' }));
    await w.sandbox.advance(2 * MINUTE);

    const metrics = await scrape();
    expect(metrics).toMatch(/^lumen_deliveries_total\{outcome="posted"\} 1$/m);
    expect(metrics).toMatch(/^lumen_deliveries_total\{outcome="skipped-filtered"\} 1$/m);
    expect(metrics).toMatch(/^lumen_delivery_lag_seconds_count 1$/m);
    // Imported at the inbox poll, posted in the same simulated minute or the next: under two minutes.
    expect(metrics).toMatch(/^lumen_delivery_lag_seconds_bucket\{le="120"\} 1$/m);
    expect(metrics).toMatch(/^lumen_pending_intents 0$/m);
    // The two /subscribe interactions, answered well inside Discord's 3 s.
    expect(metrics).toMatch(/^lumen_interaction_duration_seconds_count\{command="subscribe",outcome="ok"\} 2$/m);
    expect(metrics).toMatch(/^lumen_interaction_duration_seconds_bucket\{le="2.5",command="subscribe",outcome="ok"\} 2$/m);
  });
});
