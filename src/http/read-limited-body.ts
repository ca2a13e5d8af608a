/** Reads a request body up to a limit, without ever holding more than the limit in memory. */
import type { IncomingMessage } from 'node:http';

export type LimitedBody = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

export function readLimitedBody(request: IncomingMessage, limit: number): Promise<LimitedBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      // Not read: the connection is closed after the answer rather than draining a large upload.
      request.resume();
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve({ ok: true, bytes: Buffer.concat(chunks) }));
    request.on('error', reject);
  });
}
