/**
 * The state tables' rows (migrations/002_state.sql) to and from the domain's records: every row
 * read is validated with the record's zod schema (the same the lowdb state file uses), so a
 * hand-edited row that no longer validates is refused naming its table and key, never served;
 * and every record is validated before it is written, so the stores never write a row they
 * would refuse to read.
 */
import type { z } from 'zod';
import { LumenError } from '../../domain/errors.js';
import {
  AlertSettingsSchema,
  ChannelContextSchema,
  DeliveryRecordSchema,
  Snowflake,
  SubscriptionSchema,
  type AlertSettings,
  type ChannelContext,
  type DeliveryRecord,
  type Subscription,
} from '../../domain/subscription.schema.js';

/** A row of a state table that cannot be trusted; the store refuses it rather than serve it. */
export class StateRowCorruptError extends LumenError {
  constructor(schema: string, table: string, key: string, problem: string) {
    super('store.corrupt', `PostgreSQL table ${schema}.${table}, row ${key}: ${problem}. The row was left untouched; fix it or restore it from a backup.`);
  }
}

/** A record the program was about to write that its schema refuses (a bug in the caller, said plainly). */
export class InvalidStateRecordError extends LumenError {
  constructor(what: string, problem: string) {
    super('store.invalid-record', `refused to store ${what}: ${problem}`);
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`;
}

function parseRow<T>(schema: z.ZodType<T>, value: unknown, fail: (problem: string) => never): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) fail(firstIssue(parsed.error));
  return parsed.data as T;
}

/** Validates a record before writing it; returns it unchanged. */
export function checkRecord<T>(schema: z.ZodType<T>, what: string, value: T): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidStateRecordError(what, firstIssue(parsed.error));
  return value;
}

export interface SubscriptionRow {
  id: string;
  subscription: unknown;
}

export function subscriptionFromRow(schema: string, row: SubscriptionRow): Subscription {
  const fail = (problem: string): never => {
    throw new StateRowCorruptError(schema, 'subscriptions', `"${row.id}"`, problem);
  };
  const sub = parseRow(SubscriptionSchema, row.subscription, fail);
  if (sub.id !== row.id) fail(`the subscription inside says its id is "${sub.id}"`);
  return sub;
}

/** The columns of `subscriptions` that copy fields of the record, in the order of SUBSCRIPTION_VALUES. */
export function subscriptionColumns(sub: Subscription): [string, string, string, string, boolean, string] {
  const checked = checkRecord(SubscriptionSchema, `subscription "${sub.id}"`, sub);
  return [checked.id, checked.guildId, checked.channelId, checked.status, checked.pending !== undefined, JSON.stringify(checked)];
}

export interface DeliveryRow {
  id: string;
  record: unknown;
}

export function deliveryFromRow(schema: string, row: DeliveryRow): DeliveryRecord {
  return parseRow(DeliveryRecordSchema, row.record, (problem) => {
    throw new StateRowCorruptError(schema, 'deliveries', `id ${row.id}`, problem);
  });
}

export interface ChannelContextRow {
  channel_id: string;
  user_id: string;
  slug: string;
  shown_at: Date;
}

export function channelContextFromRow(schema: string, row: ChannelContextRow): ChannelContext {
  const value = { channelId: row.channel_id, ...(row.user_id === '' ? {} : { userId: row.user_id }), slug: row.slug, at: row.shown_at.toISOString() };
  return parseRow(ChannelContextSchema, value, (problem) => {
    throw new StateRowCorruptError(schema, 'channel_context', `(${row.channel_id}, '${row.user_id}')`, problem);
  });
}

export function alertSettingsFromRow(schema: string, guildId: string, row: { channel_id: string; set_by: string }, sent: string[]): AlertSettings {
  return parseRow(AlertSettingsSchema, { channelId: row.channel_id, setBy: row.set_by, sent }, (problem) => {
    throw new StateRowCorruptError(schema, 'alert_settings', `"${guildId}"`, problem);
  });
}

export function slugFromThreadRow(schema: string, row: { thread_id: string; slug: string }): string {
  parseRow(Snowflake, row.thread_id, (problem) => {
    throw new StateRowCorruptError(schema, 'threads', `"${row.thread_id}"`, `thread_id: ${problem}`);
  });
  return row.slug;
}
