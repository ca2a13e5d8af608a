import type { GatewayEvent } from './gateway/gateway-server.js';
import type { RecordedRequest } from './rest/request-log.js';
import type { InteractionEvent } from './state/interaction-record.js';
import type { InteractionRecord } from './state/interaction-record.js';
import type { ChannelRecord } from './state/records.js';
import type { StoredMessage } from './state/stored-message.js';

/**
 * Events LocalDiscord emits as things happen, so the terminal sandbox can render bot posts live
 * and tests can wait on them.
 */
export interface EmulatorEventMap {
  /** A REST request was answered (after the response was written). */
  request: [RecordedRequest];
  /** The bot created a message: channel post, interaction reply or follow-up, forum starter. */
  message: [StoredMessage];
  messageUpdate: [StoredMessage];
  messageDelete: [StoredMessage];
  threadCreate: [ChannelRecord];
  /** The bot answered an interaction (callback, follow-up, edit or delete). */
  interactionResponse: [InteractionRecord, InteractionEvent];
  gateway: [GatewayEvent];
}
