import { ApiError } from '../api-error.js';
import type { UploadedFile } from '../rest/route.js';

/** A request body after decoding. */
export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

/**
 * Decodes a JSON or multipart body the way Discord reads them: multipart carries the message in
 * `payload_json` and files as `files[n]` (DOCS REF "Uploading Files"). Bad JSON is 400/50109.
 */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, contentType ?? '');
  if (type.startsWith('application/json') || type === '') return { body: parseJson(raw.toString('utf8')), files: [] };
  return { body: raw.toString('utf8'), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(50109);
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = { ...body, ...(parseJson(value) as Record<string, unknown>) };
      else body[field] = value;
      continue;
    }
    files.push({ field, filename: value.name, contentType: value.type || 'application/octet-stream', data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, files };
}
