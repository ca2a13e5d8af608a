/**
 * The small, often-written state file (`state.json`): subscriptions with their delivery cursors,
 * deliveries in progress, the delivery log, and the threads opened under new-briefing posts.
 * Kept apart from the archive so that recording one delivery never rewrites every briefing.
 */
import { z } from 'zod';
import { AlertSettingsSchema, ChannelContextSchema, DeliveryRecordSchema, Snowflake, SubscriptionSchema } from '../domain/subscription.schema.js';

/** The state file; a subscription id appears once (commands and delivery find subscriptions by it). */
export const StateFileSchema = z
  .strictObject({
    version: z.literal(1),
    subscriptions: z.array(SubscriptionSchema),
    /** Newest last; capped (see MAX_DELIVERY_LOG) so the file stays small. */
    deliveries: z.array(DeliveryRecordSchema),
    /** Thread (or forum post) id -> the briefing it discusses: /ask there is scoped to it. */
    threads: z.record(Snowflake, z.string()),
    /** Issue 16: per server, where admin alerts go and which were already sent. */
    alerts: z.record(Snowflake, AlertSettingsSchema).optional(),
    /** Briefings recently shown, newest last, one entry per channel and per user in it; capped (MAX_CHANNEL_CONTEXT). */
    channelContext: z.array(ChannelContextSchema).optional(),
  })
  .superRefine((state, ctx) => {
    const ids = new Map<string, number>();
    state.subscriptions.forEach((sub, i) => {
      const first = ids.get(sub.id);
      if (first === undefined) ids.set(sub.id, i);
      else ctx.addIssue({ code: 'custom', path: ['subscriptions', i, 'id'], message: `the subscription id "${sub.id}" appears twice (also at subscriptions.${first})` });
    });
  });
export type StateFile = z.infer<typeof StateFileSchema>;

export const MAX_DELIVERY_LOG = 5000;
/** Threads remembered for /ask scoping; the oldest are forgotten (Discord archives them long before). */
export const MAX_THREADS = 5000;
/** Channel contexts remembered; the oldest are forgotten (they are only useful for half an hour). */
export const MAX_CHANNEL_CONTEXT = 2000;
/** Alert keys remembered per server; the oldest are forgotten (their conditions are long past). */
export const MAX_ALERT_KEYS = 2000;
export const emptyState = (): StateFile => ({ version: 1, subscriptions: [], deliveries: [], threads: {} });
