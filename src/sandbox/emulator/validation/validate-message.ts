import { ApiError } from '../api-error.js';
import { MESSAGE_FLAGS } from '../payload-limits.js';
import { FormErrors, type FormPath } from './form-errors.js';
import { checkMessageRules } from './message-rules.js';
import { MessagePayloadSchema, type MessagePayload } from './message-schema.js';

/** How a message body is checked. */
export interface MessageValidationOptions {
  /** Where the message sits in the request body: `['data']` for callbacks, `['message']` for forum posts. */
  prefix?: FormPath;
  /** `create` requires something to show (else 50006); `edit` accepts partial bodies. */
  mode: 'create' | 'edit';
  /** Files uploaded alongside (multipart `files[n]`), which count as content. */
  fileCount?: number;
  /**
   * Whether the sender has Embed Links in the channel (default true). Without it Discord drops the embeds
   * silently, so an embed-only message becomes empty and is refused with 50006.
   */
  embedLinks?: boolean;
}

/**
 * Validates a message body the way Discord does: 400/50035 with every field error nested by JSON path,
 * then 400/50006 for a create with nothing to show. Returns the parsed payload.
 */
export function validateMessage(body: unknown, options: MessageValidationOptions): MessagePayload {
  const prefix = options.prefix ?? [];
  const errors = new FormErrors();
  const parsed = MessagePayloadSchema.safeParse(body ?? {}, { reportInput: true });
  if (!parsed.success) {
    errors.addZodIssues(parsed.error.issues, prefix);
    errors.throwIfAny();
  }
  const validated = parsed.data as MessagePayload;
  checkMessageRules(validated, errors, prefix);
  errors.throwIfAny();
  const payload = options.embedLinks === false ? withoutEmbeds(validated) : validated;
  if (options.mode === 'create' && isEmpty(payload, options.fileCount ?? 0)) throw new ApiError(50006);
  return payload;
}

/** The payload as Discord keeps it without Embed Links: embeds gone (an edit's new embeds become none). */
function withoutEmbeds(payload: MessagePayload): MessagePayload {
  if (payload.embeds === undefined || payload.embeds === null) return payload;
  return { ...payload, embeds: [] };
}

/** True when a message would render nothing (DOCS MSG Create Message: one of content/embeds/… is required). */
export function isEmpty(payload: MessagePayload, fileCount = 0): boolean {
  const hasContent = typeof payload.content === 'string' && payload.content.trim().length > 0;
  const hasEmbeds = (payload.embeds?.length ?? 0) > 0;
  const hasComponents = (payload.components?.length ?? 0) > 0;
  const hasStickers = (payload.sticker_ids?.length ?? 0) > 0;
  const hasAttachments = fileCount > 0 || (payload.attachments?.length ?? 0) > 0;
  return !(hasContent || hasEmbeds || hasComponents || hasStickers || hasAttachments || payload.poll);
}

/** Whether the EPHEMERAL flag (64) is set. */
export function isEphemeral(payload: { flags?: number | null } | undefined): boolean {
  return ((payload?.flags ?? 0) & MESSAGE_FLAGS.ephemeral) !== 0;
}
