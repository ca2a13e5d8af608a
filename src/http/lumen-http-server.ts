/**
 * The bot's HTTP port (`LUMEN_HTTP_PORT`, off by default, loopback by default):
 *   GET  /healthz    200 while the process is up
 *   GET  /readyz     200 when every readiness probe passes, else 503, with each check's reason
 *   GET  /metrics    Prometheus text format (lumen-metrics.ts)
 *   POST /briefings  a briefing pushed with `Authorization: Bearer <LUMEN_INGEST_TOKEN>`; at most
 *                    1 MiB (the parser's limit); `?file=name.md` names it as an inbox file would (.md, .markdown, .txt)
 * Everything answers JSON except /metrics. Without an ingest token configured, POST /briefings
 * refuses every request: it is never open.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BRIEFING_BYTES } from '../domain/decode-briefing-bytes.js';
import type { Logger } from '../log.js';
import { bearerTokenMatches } from './bearer-token.js';
import { isIngestFileName, rejectedAnswer, type IngestAnswer } from './ingest-briefing.js';
import type { LumenMetrics } from './lumen-metrics.js';
import { readLimitedBody } from './read-limited-body.js';
import { checkReadiness, type ReadinessProbe } from './readiness.js';

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  logger: Logger;
  metrics: LumenMetrics;
  probes: Readonly<Record<string, ReadinessProbe>>;
  /** How long /readyz waits for a probe (default 2 s). */
  probeTimeoutMs?: number;
  /** Undefined: POST /briefings answers 403 to everyone. */
  ingestToken: string | undefined;
  /** Parses and stores a pushed briefing (ingestBriefing over the bot's archive, then a delivery request). */
  ingest(bytes: Buffer, fileName: string | undefined): Promise<IngestAnswer>;
}

type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export class LumenHttpServer {
  readonly #server: Server;
  readonly #options: HttpServerOptions;
  readonly #routes: Record<string, Partial<Record<string, Route>>>;

  private constructor(options: HttpServerOptions) {
    this.#options = options;
    this.#routes = {
      '/healthz': { GET: async (_q, s) => json(s, 200, { status: 'ok' }) },
      '/readyz': { GET: (q, s) => this.#readyz(s) },
      '/metrics': { GET: (q, s) => this.#metrics(s) },
      '/briefings': { POST: (q, s, url) => this.#ingest(q, s, url) },
    };
    this.#server = createServer((request, response) => void this.#handle(request, response));
    this.#server.requestTimeout = 30_000;
    this.#server.headersTimeout = 10_000;
  }

  /** Listens; rejects (e.g. EADDRINUSE) if the port cannot be had. */
  static async start(options: HttpServerOptions): Promise<LumenHttpServer> {
    const server = new LumenHttpServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen(options.port, options.host, () => {
        server.#server.off('error', reject);
        resolve();
      });
    });
    options.logger.info({ host: options.host, port: server.port, ingest: options.ingestToken !== undefined }, 'http port listening');
    return server;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Stops listening and waits for the requests in flight (an ingest finishing its save). */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    await closed;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://lumen.invalid');
    const methods = this.#routes[url.pathname];
    try {
      if (!methods) return json(response, 404, { error: `no such path: ${url.pathname}` });
      const method = request.method === 'HEAD' && methods['GET'] ? 'GET' : (request.method ?? '');
      const route = methods[method];
      if (!route) {
        response.setHeader('Allow', Object.keys(methods).join(', '));
        return json(response, 405, { error: `${request.method} is not allowed on ${url.pathname}` });
      }
      await route(request, response, url);
    } catch (error) {
      this.#options.logger.error({ err: error, path: url.pathname }, 'http request failed');
      if (!response.headersSent) json(response, 500, { error: 'internal error; see the log' });
      else response.destroy();
    }
  }

  async #readyz(response: ServerResponse): Promise<void> {
    const readiness = await checkReadiness(this.#options.probes, this.#options.probeTimeoutMs);
    json(response, readiness.ready ? 200 : 503, readiness);
  }

  async #metrics(response: ServerResponse): Promise<void> {
    const { contentType, body } = await this.#options.metrics.expose();
    response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    response.end(body);
  }

  async #ingest(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const token = this.#options.ingestToken;
    if (token === undefined) {
      request.resume();
      return json(response, 403, { error: 'POST /briefings is off: set LUMEN_INGEST_TOKEN to turn it on' }, { close: true });
    }
    if (!bearerTokenMatches(request.headers.authorization, token)) {
      request.resume();
      this.#options.logger.warn({ remote: request.socket.remoteAddress }, 'POST /briefings refused: missing or wrong bearer token');
      response.setHeader('WWW-Authenticate', 'Bearer realm="lumen"');
      return json(response, 401, { error: 'a valid "Authorization: Bearer <token>" header is required' }, { close: true });
    }
    const fileName = url.searchParams.get('file') ?? undefined;
    if (fileName !== undefined && !isIngestFileName(fileName)) {
      request.resume();
      return json(response, 400, { error: `file=${JSON.stringify(fileName)}: give a plain file name ending in .md, .markdown or .txt (letters, digits, ".", "_", "-")` }, { close: true });
    }
    const body = await readLimitedBody(request, MAX_BRIEFING_BYTES);
    if (!body.ok) {
      const answer = rejectedAnswer(413, `http:${fileName ?? 'POST /briefings'}`, [{ line: 1, code: 'file.too-large', message: 'the body is larger than 1 MiB; a briefing may be at most 1 MiB' }]);
      return json(response, answer.status, answer.body, { close: true });
    }
    const answer = await this.#options.ingest(body.bytes, fileName);
    this.#options.logger.info({ outcome: answer.body.outcome, source: answer.body.source, ...('slug' in answer.body ? { slug: answer.body.slug } : {}) }, 'briefing pushed over http');
    json(response, answer.status, answer.body);
  }
}

function json(response: ServerResponse, status: number, body: unknown, options: { close?: boolean } = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(options.close ? { Connection: 'close' } : {}),
  });
  response.end(text);
}
