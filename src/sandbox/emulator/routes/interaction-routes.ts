import { z } from 'zod';
import { ApiError } from '../api-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { DISCORD_LIMITS, MESSAGE_FLAGS } from '../payload-limits.js';
import { interactionRoute, noContent, ok, type RestRequest, type RestResponse, type RouteDefinition } from '../rest/route.js';
import type { InteractionRecord } from '../state/interaction-record.js';
import { WEBHOOK_DEFAULT_PARSE } from '../state/message-factory.js';
import { StoredMessage } from '../state/stored-message.js';
import { integer, list, text } from '../validation/discord-zod.js';
import { formError, FormErrors } from '../validation/form-errors.js';
import { validateMessage } from '../validation/validate-message.js';
import { interactionMessageFields, originalMessageType } from './interaction-messages.js';
import { botAuthor, recordMessage, reviseMessage, storeUploads } from './route-helpers.js';

/** Callback types each interaction type accepts (DOCS RR "Interaction Callback Type"). */
const ALLOWED_CALLBACKS: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

const CallbackSchema = z.looseObject({ type: z.number().int(), data: z.unknown().optional() });

const A = DISCORD_LIMITS.autocomplete;
const ChoicesSchema = z.looseObject({
  choices: list(z.looseObject({ name: text(A.choiceName, 1), value: z.union([text(A.choiceValue), z.number()]) }), A.choices),
});

const TextInputSchema = z.looseObject({
  type: z.literal(4),
  custom_id: text(DISCORD_LIMITS.components.customId, 1),
  style: z.literal([1, 2]),
  label: text(DISCORD_LIMITS.components.textInputLabel, 1).nullish(),
  min_length: integer(0, DISCORD_LIMITS.components.textInputValue).nullish(),
  max_length: integer(1, DISCORD_LIMITS.components.textInputValue).nullish(),
  required: z.boolean().nullish(),
  value: text(DISCORD_LIMITS.components.textInputValue).nullish(),
  placeholder: text(DISCORD_LIMITS.components.textInputPlaceholder).nullish(),
});

const ModalChildSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal(1), components: list(TextInputSchema, 1, 1) }),
  z.looseObject({ type: z.literal(18), label: text(DISCORD_LIMITS.components.textInputLabel, 1), component: z.looseObject({ type: z.number().int() }) }),
  z.looseObject({ type: z.literal(10), content: text(DISCORD_LIMITS.message.content * 2, 1) }),
]);

/** Flags a deferred reply (type 5) may carry: only EPHEMERAL (docs/discord-facts.md §3). */
const DeferSchema = z.looseObject({ flags: z.number().int().refine((f) => (f & ~MESSAGE_FLAGS.ephemeral) === 0, { params: { discord: formError.choices([0, MESSAGE_FLAGS.ephemeral]) } }).nullish() });

const ModalSchema = z.looseObject({
  custom_id: text(DISCORD_LIMITS.components.customId, 1),
  title: text(DISCORD_LIMITS.components.modalTitle, 1),
  // Action rows holding one text input, labels, or text displays (DOCS CMP; the spec's modal request types).
  components: list(ModalChildSchema, DISCORD_LIMITS.components.modalComponents, 1),
});

/**
 * POST /interactions/{id}/{token}/callback: the 3 s deadline (10062), one initial response only
 * (40060), per-type validation, and 204 or, with `?with_response=true`, 200 and the callback object.
 */
export function interactionRoutes(ctx: EmulatorContext): RouteDefinition[] {
  return [interactionRoute('POST', '/interactions/:interaction_id/:token/callback', (request) => callback(ctx, request))];
}

function callback(ctx: EmulatorContext, request: RestRequest): RestResponse {
  const record = ctx.interactions.get(request.params.interaction_id ?? '');
  if (!record || record.token !== request.params.token) throw new ApiError(10062);
  const now = ctx.now();
  if (record.tokenExpired(now)) throw new ApiError(10062);
  if (record.acknowledged) throw new ApiError(40060);
  if (record.initialDeadlinePassed()) throw new ApiError(10062);
  const parsed = CallbackSchema.safeParse(request.body ?? {}, { reportInput: true });
  const errors = new FormErrors();
  if (!parsed.success) errors.addZodIssues(parsed.error.issues);
  errors.throwIfAny();
  const { type, data } = parsed.data as { type: number; data?: unknown };
  const allowed = ALLOWED_CALLBACKS[record.type] ?? [];
  if (!allowed.includes(type)) throw new ApiError(50035, { type: { _errors: [formError.choices(allowed)] } });
  const message = respond(ctx, record, type, data, request);
  record.callbackType = type;
  record.callbackData = data;
  const event = { kind: 'callback' as const, at: now, callbackType: type, body: request.body, ...(message ? { messageId: message.id } : {}) };
  record.events.push(event);
  ctx.events.emit('interactionResponse', record, event);
  ctx.interactions.touch(record);
  if (request.query.get('with_response') !== 'true') return noContent();
  return ok({
    interaction: {
      id: record.id,
      type: record.type,
      ...(message ? { response_message_id: message.id, response_message_loading: message.loading, response_message_ephemeral: message.ephemeral } : {}),
    },
    // The spec's InteractionCallbackResponse has a `resource` only for a message reply (4) or update (7).
    ...(message && (type === 4 || type === 7) ? { resource: { type, message: message.data } } : {}),
  });
}

/** Applies one callback; returns the message it created or updated, if any. */
function respond(ctx: EmulatorContext, record: InteractionRecord, type: number, data: unknown, request: RestRequest): StoredMessage | undefined {
  switch (type) {
    case 4: {
      const payload = validateMessage(data, { mode: 'create', prefix: ['data'], fileCount: request.files.length });
      return createOriginal(ctx, record, payload, storeUploads(ctx, request.files), 0);
    }
    case 5: {
      check(DeferSchema, data);
      const flags = ((data as { flags?: number } | undefined)?.flags ?? 0) & MESSAGE_FLAGS.ephemeral;
      const message = createOriginal(ctx, record, { flags }, [], MESSAGE_FLAGS.loading);
      record.awaitingDeferredEdit = true;
      return message;
    }
    case 6:
      record.originalMessageId = record.sourceMessageId;
      return undefined;
    case 7: {
      const source = record.sourceMessageId ? ctx.messages.get(record.sourceMessageId) : undefined;
      if (!source) throw new ApiError(10008);
      const payload = validateMessage(data, { mode: 'edit', prefix: ['data'] });
      record.originalMessageId = source.id;
      return reviseMessage(ctx, source, ctx.factory.edit(source.data, payload, storeUploads(ctx, request.files), WEBHOOK_DEFAULT_PARSE));
    }
    case 8:
      check(ChoicesSchema, data);
      return undefined;
    case 9:
      check(ModalSchema, data);
      return undefined;
    default:
      return undefined;
  }
}

function createOriginal(ctx: EmulatorContext, record: InteractionRecord, payload: Parameters<EmulatorContext['factory']['create']>[0]['payload'], uploads: StoredMessage['attachments'], forcedFlags: number): StoredMessage {
  const data = ctx.factory.create({
    channelId: record.channelId,
    payload,
    uploads,
    author: botAuthor(ctx),
    type: originalMessageType(record),
    forcedFlags,
    extra: interactionMessageFields(ctx, record, 'original'),
    defaultParse: WEBHOOK_DEFAULT_PARSE,
  });
  record.originalMessageId = data.id;
  return recordMessage(ctx, new StoredMessage(data, 'interaction-reply', payload.allowed_mentions ?? null, record.id));
}

function check(schema: z.ZodType, data: unknown): void {
  const parsed = schema.safeParse(data ?? {}, { reportInput: true });
  if (parsed.success) return;
  const errors = new FormErrors();
  errors.addZodIssues(parsed.error.issues, ['data']);
  errors.throwIfAny();
}
