import type { EventEmitter } from 'node:events';
import type { EmulatorEventMap } from './emulator-events.js';
import type { AttachmentStore } from './state/attachment-store.js';
import type { CommandRegistry } from './state/command-registry.js';
import type { GuildState } from './state/guild-state.js';
import type { InteractionRegistry } from './state/interaction-registry.js';
import type { MessageFactory } from './state/message-factory.js';
import type { MessageStore } from './state/message-store.js';
import type { SnowflakeGenerator } from './snowflake.js';

/** The state and services route handlers and the interaction driver share. */
export interface EmulatorContext {
  readonly now: () => number;
  /** Real milliseconds for an interaction's initial response (option `interactionDeadlineMs`). */
  readonly interactionDeadlineMs: number;
  readonly ids: SnowflakeGenerator;
  readonly applicationId: string;
  readonly guild: GuildState;
  readonly messages: MessageStore;
  readonly factory: MessageFactory;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionRegistry;
  readonly attachments: AttachmentStore;
  readonly events: EventEmitter<EmulatorEventMap>;
  /** Sends a gateway dispatch to connected (or resumable) sessions. */
  dispatch(t: string, d: unknown): void;
  /** `ws://127.0.0.1:PORT/gateway`. */
  gatewayUrl(): string;
  /** The application object (GET /applications/@me, READY `application`). */
  application(): Record<string, unknown>;
}
