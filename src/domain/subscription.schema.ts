/**
 * Subscriptions, deliveries and what a channel was shown: the records every store keeps (the
 * lowdb state file, src/store/state.schema.ts, and PostgreSQL, src/store/postgres/), and what
 * scheduling and delivery reason about. One zod schema per record is the source of its type.
 */
import { z } from 'zod';
import { SNOWFLAKE_PATTERN } from './snowflake.js';
import { isValidTimeZone } from './time-zone.js';

export const Snowflake = z.string().regex(SNOWFLAKE_PATTERN, { error: (issue) => `"${String(issue.input)}" is not a Discord id (15 to 21 digits)` });
export const IsoTime = z.iso.datetime();

/** An IANA zone the runtime knows, by the same test the scheduler uses (time-zone.ts). */
const TimeZone = z.string().refine(isValidTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not a time zone (an IANA name such as Europe/Berlin or UTC)`,
});

/** Every way a delivery attempt can end; shown in /subscriptions and `lumen deliveries`. */
export const DELIVERY_OUTCOMES = [
  'posted',
  'skipped-filtered',
  'skipped-empty',
  'retrying',
  'failed',
  'paused-missing-access',
  'paused-missing-permissions',
  'removed-unknown-channel',
] as const;
export const DeliveryOutcomeSchema = z.enum(DELIVERY_OUTCOMES);
export type DeliveryOutcome = z.infer<typeof DeliveryOutcomeSchema>;

/**
 * A delivery recorded before anything is sent. After a crash it tells the next start that a post
 * may or may not have gone out, so it looks in the channel before sending again.
 */
export const PendingDeliverySchema = z.strictObject({
  /** Also sent as the message nonce, so Discord itself drops a quick duplicate. */
  id: z.string().regex(/^\d{1,25}$/),
  kind: z.enum(['new', 'digest']),
  /** The briefings it carries (archive positions). */
  seqs: z.array(z.number().int().positive()),
  /** The cursor once it is delivered. */
  upToSeq: z.number().int().nonnegative(),
  /** Digest: the daily slot it answers. */
  slotAt: IsoTime.optional(),
  startedAt: IsoTime,
  /** Digest messages already confirmed sent, when it needs several. */
  partsSent: z.number().int().nonnegative(),
});
export type PendingDelivery = z.infer<typeof PendingDeliverySchema>;

/**
 * Issue 16: what an admin tunes on one subscription besides mode and topic (all optional, so
 * state files written before stay valid). Several subscriptions may share a channel.
 */
export const SubscriptionTuning = z.strictObject({
  /** Briefings the topic search finds for these words are left out. */
  excludeTopic: z.string().max(200).optional(),
  /** Pinged only because the admin chose it explicitly and the bot had Mention Everyone there. */
  mentionEveryone: z.enum(['everyone', 'here']).optional(),
  /** How a new briefing is posted (default card). */
  format: z.enum(['card', 'compact', 'full']).optional(),
});

export const SubscriptionSchema = z.strictObject({
  id: z.string().min(1),
  guildId: Snowflake,
  channelId: Snowflake,
  /** Where /subscribe was typed: pause and removal notices go there. */
  createdInChannelId: Snowflake,
  createdBy: Snowflake,
  mode: z.enum(['new', 'digest']),
  /** Digest: local time of day, HH:MM. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => `"${String(issue.input)}" is not a time of day HH:MM (00:00 to 23:59)` }),
  timezone: TimeZone,
  topic: z.string().max(200).optional(),
  mentionRoleId: Snowflake.optional(),
  createdAt: IsoTime,
  status: z.enum(['active', 'paused']),
  statusReason: z.string().optional(),
  /** Every briefing up to this archive position has been delivered or deliberately skipped. */
  cursorSeq: z.number().int().nonnegative(),
  /** Digest: the last daily slot handled; the next digest is due at the slot after it. */
  lastSlotAt: IsoTime.optional(),
  pending: PendingDeliverySchema.optional(),
  retry: z.strictObject({ attempts: z.number().int().positive(), nextAttemptAt: IsoTime, reason: z.string() }).optional(),
  lastDelivery: z.strictObject({ at: IsoTime, outcome: DeliveryOutcomeSchema, reason: z.string().optional() }).optional(),
  ...SubscriptionTuning.shape,
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const DeliveryRecordSchema = z.strictObject({
  at: IsoTime,
  subscriptionId: z.string(),
  guildId: Snowflake,
  channelId: Snowflake,
  kind: z.enum(['new', 'digest']),
  slugs: z.array(z.string()),
  outcome: DeliveryOutcomeSchema,
  reason: z.string().optional(),
  messageId: Snowflake.optional(),
  /** A test post an admin asked for: shown in history, never moving the cursor. */
  test: z.literal(true).optional(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>;

/** Where a server's alerts go (/alerts), and the keys of those already sent (each alert once). */
export const AlertSettingsSchema = z.strictObject({
  channelId: Snowflake,
  setBy: Snowflake,
  sent: z.array(z.string()),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
/**
 * A briefing shown in a channel (a /brief, a card's button, an answer): what a follow-up asked
 * there soon after is probably about. `userId` absent: shown to the whole channel.
 */
export const ChannelContextSchema = z.strictObject({
  channelId: Snowflake,
  userId: Snowflake.optional(),
  slug: z.string().min(1),
  at: IsoTime,
});
export type ChannelContext = z.infer<typeof ChannelContextSchema>;

