import { MESSAGE_FLAGS } from '../payload-limits.js';
import type { SnowflakeGenerator } from '../snowflake.js';
import type { AllowedMentions, MessagePayload } from '../validation/message-schema.js';
import { apiMember } from './api-objects.js';
import type { GuildState } from './guild-state.js';
import type { ApiAttachment, ApiMessage } from './stored-message.js';

/** Mention types parsed when a body has no allowed_mentions. */
export type MentionType = 'users' | 'roles' | 'everyone';

/** Default parsing for channel messages: everything (DOCS MSG "Allowed Mentions Object"). */
export const CHANNEL_DEFAULT_PARSE: readonly MentionType[] = ['users', 'roles', 'everyone'];
/** Interaction responses and webhooks parse only users by default (docs/discord-facts.md §7). */
export const WEBHOOK_DEFAULT_PARSE: readonly MentionType[] = ['users'];

/** Flags a bot may set on a message it sends (DOCS RR "Interaction Callback Data Structure"). */
const SETTABLE_FLAGS =
  MESSAGE_FLAGS.suppressEmbeds | MESSAGE_FLAGS.ephemeral | MESSAGE_FLAGS.suppressNotifications | MESSAGE_FLAGS.isVoiceMessage | MESSAGE_FLAGS.isComponentsV2;

/** What a route knows when it creates a message. */
export interface NewMessage {
  channelId: string;
  payload: MessagePayload;
  /** Files uploaded with this request, in `files[n]` order. */
  uploads?: ApiAttachment[];
  author: Record<string, unknown>;
  type?: number;
  /** Flags added on top of the body's (e.g. LOADING for a deferred reply). */
  forcedFlags?: number;
  /** Fixed id, e.g. a forum post's starter message shares the thread's id. */
  id?: string;
  /** Extra fields: webhook_id, application_id, interaction_metadata, message_reference… */
  extra?: Record<string, unknown>;
  defaultParse: readonly MentionType[];
}

/** Builds and edits message objects the way Discord fills them in. */
export class MessageFactory {
  readonly #guild: GuildState;
  readonly #ids: SnowflakeGenerator;
  readonly #now: () => number;

  constructor(guild: GuildState, ids: SnowflakeGenerator, now: () => number) {
    this.#guild = guild;
    this.#ids = ids;
    this.#now = now;
  }

  create(input: NewMessage): ApiMessage {
    const { payload } = input;
    const content = payload.content ?? '';
    return {
      id: input.id ?? this.#ids.next(),
      channel_id: input.channelId,
      type: input.type ?? 0,
      content,
      author: input.author,
      timestamp: new Date(this.#now()).toISOString(),
      edited_timestamp: null,
      tts: payload.tts ?? false,
      ...this.#mentions(content, payload.allowed_mentions, input.defaultParse),
      attachments: attachmentsFor(payload, [], input.uploads ?? []),
      embeds: (payload.embeds ?? []).map(normaliseEmbed),
      components: normaliseComponents(payload.components),
      pinned: false,
      flags: ((payload.flags ?? 0) & SETTABLE_FLAGS) | (input.forcedFlags ?? 0),
      ...(payload.nonce === undefined || payload.nonce === null ? {} : { nonce: payload.nonce }),
      ...(payload.message_reference ? { message_reference: { type: 0, ...payload.message_reference } } : {}),
      ...input.extra,
    };
  }

  /**
   * Applies a PATCH: fields present replace the old ones (null clears), the LOADING flag of a
   * deferred reply goes away, and `edited_timestamp` is set unless this completes a deferred reply.
   */
  edit(existing: ApiMessage, payload: MessagePayload, uploads: ApiAttachment[], defaultParse: readonly MentionType[]): ApiMessage {
    const wasLoading = (existing.flags & MESSAGE_FLAGS.loading) !== 0;
    const content = payload.content === undefined ? existing.content : (payload.content ?? '');
    const keptFlags = existing.flags & ~MESSAGE_FLAGS.loading & ~MESSAGE_FLAGS.suppressEmbeds & ~MESSAGE_FLAGS.isComponentsV2;
    const flags = payload.flags === undefined || payload.flags === null
      ? existing.flags & ~MESSAGE_FLAGS.loading
      : keptFlags | (payload.flags & (MESSAGE_FLAGS.suppressEmbeds | MESSAGE_FLAGS.isComponentsV2));
    return {
      ...existing,
      content,
      ...(payload.content !== undefined || payload.allowed_mentions !== undefined ? this.#mentions(content, payload.allowed_mentions, defaultParse) : {}),
      embeds: payload.embeds === undefined ? existing.embeds : (payload.embeds ?? []).map(normaliseEmbed),
      components: payload.components === undefined ? existing.components : normaliseComponents(payload.components),
      attachments: attachmentsFor(payload, existing.attachments, uploads),
      flags,
      edited_timestamp: wasLoading ? existing.edited_timestamp : new Date(this.#now()).toISOString(),
    };
  }

  /** Users, roles and @everyone that ping, after allowed_mentions (DOCS MSG "Allowed Mentions Object"). */
  #mentions(content: string, allowed: AllowedMentions | null | undefined, defaultParse: readonly MentionType[]) {
    const parse = allowed ? (allowed.parse ?? []) : defaultParse;
    const userIds = new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] ?? ''));
    const roleIds = new Set([...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] ?? ''));
    const userAllowed = (id: string): boolean => parse.includes('users') || (allowed?.users ?? []).includes(id);
    const roleAllowed = (id: string): boolean => parse.includes('roles') || (allowed?.roles ?? []).includes(id);
    const mentions = [...userIds]
      .filter((id) => this.#guild.user(id) && userAllowed(id))
      .map((id) => {
        const member = this.#guild.member(id);
        return { ...this.#guild.apiUser(id), ...(member ? { member: apiMember(member, undefined) } : {}) };
      });
    return {
      mentions,
      mention_roles: [...roleIds].filter((id) => this.#guild.role(id) && roleAllowed(id)),
      mention_everyone: parse.includes('everyone') && /@(everyone|here)\b/.test(content),
    };
  }
}

/** Discord marks bot embeds as `rich`, drops nulls, and answers every field with its `inline` (default false). */
function normaliseEmbed(embed: Record<string, unknown>): Record<string, unknown> {
  const clean = dropNulls(embed);
  if (Array.isArray(clean.fields)) clean.fields = clean.fields.map((f: Record<string, unknown>) => ({ ...dropNulls(f), inline: f.inline ?? false }));
  return { type: 'rich', ...clean };
}

function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

/**
 * Components as Discord answers them: each gets a numeric `id` (unique in the message, counted depth-first
 * from 1 unless the bot gave one), and selects their `min_values`/`max_values` (default 1), as the spec's
 * component response schemas require.
 */
export function normaliseComponents(components: ReadonlyArray<Record<string, unknown>> | null | undefined): Array<Record<string, unknown>> {
  if (!components) return [];
  const taken = new Set<number>();
  const collect = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'number') taken.add(record.id);
    for (const child of [...(Array.isArray(record.components) ? record.components : []), record.accessory]) collect(child);
  };
  components.forEach(collect);
  let next = 1;
  const nextId = (): number => {
    while (taken.has(next)) next += 1;
    taken.add(next);
    return next;
  };
  const visit = (node: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...dropNulls(node) };
    if (typeof out.id !== 'number') out.id = nextId();
    if (typeof out.type === 'number' && SELECT_TYPES.has(out.type)) {
      out.min_values ??= 1;
      out.max_values ??= 1;
    }
    if (Array.isArray(out.components)) out.components = out.components.map((c: Record<string, unknown>) => visit(c));
    if (out.accessory && typeof out.accessory === 'object') out.accessory = visit(out.accessory as Record<string, unknown>);
    return out;
  };
  return components.map(visit);
}

/**
 * Attachments after a create or edit: uploads are matched to `attachments[].id` (the `files[n]`
 * index) for their description; an edit keeps only the old attachments it lists, if it lists any.
 */
function attachmentsFor(payload: MessagePayload, existing: ApiAttachment[], uploads: ApiAttachment[]): ApiAttachment[] {
  const refs = payload.attachments;
  const described = uploads.map((upload, index) => {
    const ref = refs?.find((r) => r.id === String(index));
    return ref?.description ? { ...upload, description: ref.description } : upload;
  });
  const kept = refs === undefined || refs === null ? existing : existing.filter((a) => refs.some((r) => r.id === a.id));
  return [...kept, ...described];
}
