import type { SnowflakeGenerator } from '../snowflake.js';
import type { ApiAttachment } from './stored-message.js';

/** A file to upload into the emulator (a user's command attachment, or seeded content). */
export interface FileSpec {
  filename: string;
  data: Buffer | Uint8Array | string;
  contentType?: string;
  description?: string;
}

interface StoredFile {
  attachment: ApiAttachment;
  bytes: Buffer;
}

/**
 * Attachment bytes, served back by the emulator's own HTTP server under `/attachments/{id}/{filename}`
 * (url) and `/media/attachments/...` (proxy_url), so a bot can download what a user attached.
 */
export class AttachmentStore {
  readonly #files = new Map<string, StoredFile>();
  readonly #ids: SnowflakeGenerator;
  readonly #baseUrl: () => string;

  constructor(ids: SnowflakeGenerator, baseUrl: () => string) {
    this.#ids = ids;
    this.#baseUrl = baseUrl;
  }

  put(file: FileSpec, options: { ephemeral?: boolean; id?: string } = {}): ApiAttachment {
    const id = options.id ?? this.#ids.next();
    const bytes = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data);
    const name = encodeURIComponent(file.filename);
    const attachment: ApiAttachment = {
      id,
      filename: file.filename,
      size: bytes.length,
      url: `${this.#baseUrl()}/attachments/${id}/${name}`,
      proxy_url: `${this.#baseUrl()}/media/attachments/${id}/${name}`,
      content_type: file.contentType ?? guessContentType(file.filename),
      ...(file.description ? { description: file.description } : {}),
      ...(options.ephemeral ? { ephemeral: true } : {}),
    };
    this.#files.set(id, { attachment, bytes });
    return attachment;
  }

  /** The bytes and content type for a served path's id. */
  read(id: string): { bytes: Buffer; contentType: string } | undefined {
    const file = this.#files.get(id);
    return file ? { bytes: file.bytes, contentType: file.attachment.content_type ?? 'application/octet-stream' } : undefined;
  }

  get(id: string): ApiAttachment | undefined {
    return this.#files.get(id)?.attachment;
  }
}

function guessContentType(filename: string): string {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    txt: 'text/plain; charset=utf-8',
    md: 'text/markdown; charset=utf-8',
    json: 'application/json; charset=utf-8',
    yaml: 'application/yaml',
    yml: 'application/yaml',
    csv: 'text/csv; charset=utf-8',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    pdf: 'application/pdf',
  };
  return types[ext] ?? 'application/octet-stream';
}
