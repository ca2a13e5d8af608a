import { z } from 'zod';
import { DISCORD_LIMITS, MAX_INT32 } from '../payload-limits.js';
import { integer, list, snowflake, text } from './discord-zod.js';
import { EmbedSchema } from './embed-schema.js';

const L = DISCORD_LIMITS.message;

/** The mention types `allowed_mentions.parse` accepts (DOCS MSG "Allowed Mention Types"). */
export const MENTION_TYPES = ['roles', 'users', 'everyone'] as const;

/** `allowed_mentions` (DOCS MSG "Allowed Mentions Object"). Exclusivity is checked in message-rules. */
export const AllowedMentionsSchema = z.looseObject({
  parse: z.array(z.enum(MENTION_TYPES)).nullish(),
  roles: list(snowflake, L.allowedMentionIds).nullish(),
  users: list(snowflake, L.allowedMentionIds).nullish(),
  replied_user: z.boolean().nullish(),
});

/** A partial attachment in a message body: `{id, filename?, description?}` pointing at `files[id]` or a kept attachment. */
export const AttachmentRefSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  filename: text(L.attachmentFilename, 1).nullish(),
  description: text(L.attachmentDescription).nullish(),
  title: text(L.attachmentTitle).nullish(),
  duration_secs: integer(0, MAX_INT32).nullish(),
  waveform: text(L.attachmentWaveform).nullish(),
});

/**
 * The message fields a bot sends to create or edit a message, to a channel, an interaction callback,
 * a follow-up or a forum post. Top-level components are typed loosely here and row by row in message-rules,
 * because components-v2 layouts and legacy rows have different rules.
 */
export const MessagePayloadSchema = z.looseObject({
  content: text(L.content).nullish(),
  tts: z.boolean().nullish(),
  nonce: z.union([text(L.nonce), z.number().int()]).nullish(),
  enforce_nonce: z.boolean().nullish(),
  embeds: list(EmbedSchema, L.embeds).nullish(),
  allowed_mentions: AllowedMentionsSchema.nullish(),
  components: z.array(z.looseObject({ type: z.number() })).nullish(),
  flags: z.number().int().nonnegative().nullish(),
  attachments: list(AttachmentRefSchema, L.attachments).nullish(),
  sticker_ids: list(snowflake, L.stickers).nullish(),
  // A reply names its message; type 0 (DEFAULT) is the only one a bot may send (the spec's MessageReferenceRequest).
  message_reference: z.looseObject({ message_id: snowflake, channel_id: snowflake.nullish(), type: z.literal(0).nullish() }).nullish(),
  poll: z.looseObject({}).nullish(),
});

/** A message body after validation. */
export type MessagePayload = z.infer<typeof MessagePayloadSchema>;
/** `allowed_mentions` after validation. */
export type AllowedMentions = z.infer<typeof AllowedMentionsSchema>;
