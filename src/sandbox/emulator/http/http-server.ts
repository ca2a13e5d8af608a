import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../api-error.js';
import type { RecordedRequest, RequestLog } from '../rest/request-log.js';
import type { RestRouter, RouterResult } from '../rest/rest-router.js';
import type { AttachmentStore } from '../state/attachment-store.js';
import { parseBody } from './body-parser.js';

const API_PREFIX = /^\/api\/v(?:9|10)(\/.*)$/;
const ATTACHMENT_PATH = /^\/(?:media\/)?attachments\/(\d+)\/[^/]+$/;

/**
 * The emulator's HTTP side on 127.0.0.1: Discord's REST API under `/api/v10`, attachment bytes
 * under `/attachments`, and (via the gateway server) WebSocket upgrades. Every answered request is logged.
 */
export class HttpServer {
  readonly server: Server;
  readonly #router: RestRouter;
  readonly #attachments: AttachmentStore;
  readonly #log: RequestLog;
  readonly #now: () => number;
  readonly #onRecorded: (request: RecordedRequest) => void;

  constructor(deps: { router: RestRouter; attachments: AttachmentStore; log: RequestLog; now: () => number; onRecorded: (request: RecordedRequest) => void }) {
    this.#router = deps.router;
    this.#attachments = deps.attachments;
    this.#log = deps.log;
    this.#now = deps.now;
    this.#onRecorded = deps.onRecorded;
    // A client that hangs up mid-request must not take the process down with an unhandled rejection.
    this.server = createServer((req, res) => void this.#serve(req, res).catch(() => res.destroy()));
  }

  /** Listens on a free port (or `port`) and returns it. */
  async listen(port = 0, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops listening and cuts keep-alive connections so no handle stays open. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const clockAt = this.#now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readAll(req);
    const attachment = ATTACHMENT_PATH.exec(url.pathname);
    if (attachment) return this.#serveAttachment(res, attachment[1] ?? '');
    const api = API_PREFIX.exec(url.pathname);
    const path = decodePath(api?.[1] ?? url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    const pathWithQuery = url.search ? `${path}${safeDecode(url.search)}` : path;
    let body: unknown;
    let files: Array<{ field: string; filename: string; contentType: string; data: Buffer }> = [];
    let result: RouterResult;
    try {
      if (!api) throw ApiError.notFound();
      ({ body, files } = await parseBody(raw, req.headers['content-type']));
      result = await this.#router.handle({ method, path, query: url.searchParams, body, files, headers: req.headers });
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : ApiError.notFound();
      result = { kind: 'respond', status: apiError.status, body: apiError.toBody(), headers: {}, route: undefined, answeredBy: 'not-found' };
    }
    const record: RecordedRequest = {
      seq: this.#log.nextSeq(),
      method,
      path: pathWithQuery,
      route: result.route,
      body,
      files: files.map((f) => ({ field: f.field, filename: f.filename, contentType: f.contentType, size: f.data.length })),
      status: result.kind === 'respond' ? result.status : 0,
      responseBody: result.kind === 'respond' ? result.body : undefined,
      at,
      clockAt,
      authorized: req.headers.authorization !== undefined,
      answeredBy: result.kind === 'respond' ? result.answeredBy : 'fault',
    };
    if (result.kind === 'drop') {
      if (result.mode === 'reset') req.socket.resetAndDestroy();
      else req.socket.destroy();
    } else {
      writeJson(res, result.status, result.body, result.headers);
    }
    this.#log.add(record);
    this.#onRecorded(record);
  }

  #serveAttachment(res: ServerResponse, id: string): void {
    const file = this.#attachments.read(id);
    if (!file) return writeJson(res, 404, { message: '404: Not Found', code: 0 }, {});
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.bytes.length) });
    res.end(file.bytes);
  }
}

/** Every JSON answer carries `Content-Type: application/json`, or discord.js reads raw bytes (docs/discord-facts.md §12). */
function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** discord.js encodes `@original` as `%40original`; routes see decoded segments. */
function decodePath(path: string): string {
  return path.split('/').map(safeDecode).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
