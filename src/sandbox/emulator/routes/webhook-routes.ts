import { ApiError } from '../api-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { interactionRoute, noContent, ok, type RestRequest, type RouteDefinition } from '../rest/route.js';
import type { InteractionRecord } from '../state/interaction-record.js';
import { WEBHOOK_DEFAULT_PARSE } from '../state/message-factory.js';
import { StoredMessage } from '../state/stored-message.js';
import { validateMessage } from '../validation/validate-message.js';
import { interactionMessageFields } from './interaction-messages.js';
import { botAuthor, recordMessage, removeMessage, reviseMessage, storeUploads } from './route-helpers.js';

/**
 * Interaction webhooks: follow-ups and GET/PATCH/DELETE of `@original` and follow-up messages.
 * The token works for 15 minutes after an acknowledged interaction; after that (or if the 3 s
 * deadline passed unanswered) Discord answers 401/50027 Invalid Webhook Token.
 */
export function webhookRoutes(ctx: EmulatorContext): RouteDefinition[] {
  const base = '/webhooks/:application_id/:token';
  return [
    interactionRoute('POST', base, (request) => {
      const record = activeRecord(ctx, request);
      const payload = validateMessage(request.body, { mode: 'create', fileCount: request.files.length });
      const uploads = storeUploads(ctx, request.files);
      const original = record.originalMessageId ? ctx.messages.get(record.originalMessageId) : undefined;
      // After a type-5 defer, the first follow-up completes the placeholder instead (DOCS RR "Create Followup Message").
      if (record.awaitingDeferredEdit && original) {
        record.awaitingDeferredEdit = false;
        const next = ctx.factory.edit(original.data, { ...payload, flags: undefined }, uploads, WEBHOOK_DEFAULT_PARSE);
        note(ctx, record, 'edit', request.body, original.id);
        return ok(reviseMessage(ctx, original, next).data);
      }
      const data = ctx.factory.create({
        channelId: record.channelId,
        payload,
        uploads,
        author: botAuthor(ctx),
        extra: interactionMessageFields(ctx, record, 'followup'),
        defaultParse: WEBHOOK_DEFAULT_PARSE,
      });
      const message = recordMessage(ctx, new StoredMessage(data, 'interaction-followup', payload.allowed_mentions ?? null, record.id));
      record.followupIds.push(message.id);
      note(ctx, record, 'followup', request.body, message.id);
      return ok(message.data);
    }),

    interactionRoute('GET', `${base}/messages/:message_id`, (request) => {
      const record = activeRecord(ctx, request);
      return ok(ownedMessage(ctx, record, request.params.message_id ?? '').data);
    }),

    interactionRoute('PATCH', `${base}/messages/:message_id`, (request) => {
      const record = activeRecord(ctx, request);
      const message = ownedMessage(ctx, record, request.params.message_id ?? '');
      const payload = validateMessage(request.body, { mode: 'edit' });
      const next = ctx.factory.edit(message.data, payload, storeUploads(ctx, request.files), WEBHOOK_DEFAULT_PARSE);
      if (message.id === record.originalMessageId) record.awaitingDeferredEdit = false;
      if (payload.allowed_mentions !== undefined) message.allowedMentions = payload.allowed_mentions;
      reviseMessage(ctx, message, next);
      note(ctx, record, 'edit', request.body, message.id);
      return ok(message.data);
    }),

    interactionRoute('DELETE', `${base}/messages/:message_id`, (request) => {
      const record = activeRecord(ctx, request);
      const message = ownedMessage(ctx, record, request.params.message_id ?? '');
      removeMessage(ctx, message);
      note(ctx, record, 'delete', undefined, message.id);
      return noContent();
    }),
  ];
}

/** The interaction behind a token that can still be used, or the error Discord gives. */
function activeRecord(ctx: EmulatorContext, request: RestRequest): InteractionRecord {
  if (request.params.application_id !== ctx.applicationId) throw new ApiError(10015);
  const record = ctx.interactions.byToken(request.params.token ?? '');
  if (!record || record.tokenInvalid(ctx.now())) throw new ApiError(50027);
  if (!record.acknowledged) throw new ApiError(10015);
  return record;
}

/** `@original` or one of this interaction's follow-ups; anything else is 10008. */
function ownedMessage(ctx: EmulatorContext, record: InteractionRecord, messageId: string): StoredMessage {
  const id = messageId === '@original' ? record.originalMessageId : messageId;
  const owned = id !== undefined && (id === record.originalMessageId || record.followupIds.includes(id));
  const message = owned ? ctx.messages.get(id) : undefined;
  if (!message) throw new ApiError(10008);
  return message;
}

function note(ctx: EmulatorContext, record: InteractionRecord, kind: 'followup' | 'edit' | 'delete', body: unknown, messageId: string): void {
  const event = { kind, at: ctx.now(), body, messageId };
  record.events.push(event);
  ctx.events.emit('interactionResponse', record, event);
  ctx.interactions.touch(record);
}
