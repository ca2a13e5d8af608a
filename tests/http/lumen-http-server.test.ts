import { readFile } from 'node:fs/promises';
import { Memory } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { ingestBriefing } from '../../src/http/ingest-briefing.js';
import { LumenHttpServer, type HttpServerOptions } from '../../src/http/lumen-http-server.js';
import { LumenMetrics } from '../../src/http/lumen-metrics.js';
import { silentLogger } from '../../src/log.js';
import type { ArchiveFile } from '../../src/store/archive.schema.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';

const TOKEN = 'a'.repeat(40);
const NOW = new Date('2026-11-25T08:00:00.000Z');
const SAMPLE = new URL('../../data/samples/japan-tariffs.md', import.meta.url);

describe('given the HTTP port on 127.0.0.1', () => {
  let server: LumenHttpServer;
  let archive: LowdbBriefingArchive;
  let base: string;
  const start = async (overrides: Partial<HttpServerOptions> = {}) => {
    archive = await LowdbBriefingArchive.fromAdapter(new Memory<ArchiveFile>());
    const metrics = new LumenMetrics({ processMetrics: false });
    metrics.readOnScrape({ archiveSize: () => archive.size });
    server = await LumenHttpServer.start({
      host: '127.0.0.1',
      port: 0,
      logger: silentLogger(),
      metrics,
      probes: { store: () => ({ ok: true }) },
      ingestToken: TOKEN,
      ingest: (bytes, fileName) => ingestBriefing(archive, bytes, fileName, NOW),
      ...overrides,
    });
    base = `http://127.0.0.1:${server.port}`;
    return metrics;
  };
  const push = (body: string | Uint8Array, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }, query = '?file=japan-tariffs.md') =>
    fetch(`${base}/briefings${query}`, { method: 'POST', body, headers });
  afterEach(async () => {
    await server.stop();
  });

  describe('with the default probes', () => {
    beforeEach(async () => {
      await start();
    });

    it('then /healthz answers 200 and an unknown path 404, a wrong method 405 with Allow', async () => {
      const health = await fetch(`${base}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
      const wrong = await fetch(`${base}/healthz`, { method: 'DELETE' });
      expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET']);
    });

    it('then a briefing pushed with the token is imported, then unchanged, through the inbox path', async () => {
      const text = await readFile(SAMPLE);
      const first = await push(text);
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ outcome: 'imported', slug: 'japan-tariffs', revision: 1, source: 'http:japan-tariffs.md' });
      expect(archive.get('japan-tariffs')?.source).toBe('http:japan-tariffs.md');
      expect(await (await push(text)).json()).toMatchObject({ outcome: 'unchanged', revision: 1 });
    });

    it('then without a file name the slug comes from the title, as for a file without one', async () => {
      const text = await readFile(SAMPLE, 'utf8');
      const parsed = parseBriefing(text, { now: NOW });
      const fromTitle = parsed.ok ? parsed.value.slug : 'parse failed';
      expect(fromTitle).not.toBe('japan-tariffs');
      const answer = await push(text, undefined, '');
      expect(await answer.json()).toMatchObject({ outcome: 'imported', slug: fromTitle, source: 'http:POST /briefings' });
    });

    it('then a push without the token, or with a wrong one, is refused and stores nothing', async () => {
      const text = await readFile(SAMPLE);
      const none = await push(text, {});
      expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="lumen"']);
      expect((await push(text, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
      expect((await push(text, { Authorization: `Basic ${TOKEN}` })).status).toBe(401);
      expect((await push(text, { Authorization: 'Bearer ' })).status).toBe(401);
      expect(archive.size).toBe(0);
    });

    it('then a file the parser rejects answers 422 with the same file:line issues as the inbox', async () => {
      const answer = await push('no title and no sections here\n');
      expect(answer.status).toBe(422);
      const body = (await answer.json()) as { outcome: string; issues: { code: string }[]; error: string };
      expect(body.outcome).toBe('rejected');
      expect(body.error).toMatch(/^http:japan-tariffs\.md:\d+: /);
      expect(archive.size).toBe(0);
    });

    it('then a body over 1 MiB answers 413 whether or not it declares its length', async () => {
      const big = new Uint8Array(1024 * 1024 + 1).fill(0x61);
      const declared = await push(big);
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ outcome: 'rejected', issues: [{ code: 'file.too-large' }] });
      const chunked = new ReadableStream({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      });
      const streamed = await fetch(`${base}/briefings`, { method: 'POST', body: chunked, headers: { Authorization: `Bearer ${TOKEN}` }, duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(archive.size).toBe(0);
    });

    it('then exactly 1 MiB is read and goes to the parser (its limit, not a smaller one)', async () => {
      const body = new Uint8Array(1024 * 1024).fill(0x61);
      const answer = await push(body);
      expect(answer.status).toBe(422); // one long line of "a": no title; but not "too large"
      expect(JSON.stringify(await answer.json())).not.toContain('file.too-large');
    });

    it('then a file name that is not a plain .md name is refused', async () => {
      expect((await push('x', undefined, '?file=../../etc/passwd')).status).toBe(400);
      expect((await push('x', undefined, '?file=notes.pdf')).status).toBe(400);
      expect((await push('x', undefined, '?file=README.md')).status).toBe(400);
      expect((await push('x', undefined, '?file=.hidden.md')).status).toBe(400);
    });

    it('then /metrics is the Prometheus text format with every Lumen metric, the archive size current', async () => {
      await push(await readFile(SAMPLE));
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await metrics.text();
      for (const name of ['lumen_deliveries_total', 'lumen_delivery_lag_seconds', 'lumen_pending_intents', 'lumen_discord_rate_limited_total', 'lumen_interaction_duration_seconds', 'lumen_shard_ping_seconds']) {
        expect(text).toContain(`# TYPE ${name} `);
      }
      expect(text).toMatch(/^lumen_archive_briefings 1$/m);
    });
  });

  it('given no ingest token configured, then POST /briefings refuses everyone, whatever they send', async () => {
    await start({ ingestToken: undefined });
    const answer = await push(await readFile(SAMPLE), { Authorization: 'Bearer undefined' });
    expect(answer.status).toBe(403);
    expect(archive.size).toBe(0);
  });

  it('given a failing or a hanging probe, then /readyz answers 503 naming it, the others still reported', async () => {
    await start({
      probes: {
        store: () => ({ ok: true, detail: 'fine' }),
        gateway: () => {
          throw new Error('not connected to the Discord gateway');
        },
        scheduler: () => new Promise(() => undefined),
      },
      probeTimeoutMs: 50,
    });
    const answer = await fetch(`${base}/readyz`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({
      ready: false,
      checks: {
        store: { ok: true, detail: 'fine' },
        gateway: { ok: false, detail: 'not connected to the Discord gateway' },
        scheduler: { ok: false, detail: 'no answer within 50 ms' },
      },
    });
  });

  it('given every probe passing, then /readyz answers 200', async () => {
    await start();
    const answer = await fetch(`${base}/readyz`);
    expect([answer.status, await answer.json()]).toEqual([200, { ready: true, checks: { store: { ok: true } } }]);
  });
});
