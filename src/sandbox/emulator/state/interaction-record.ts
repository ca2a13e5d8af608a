import { DISCORD_LIMITS } from '../payload-limits.js';

/** One thing the bot did with an interaction's token, in order. */
export interface InteractionEvent {
  kind: 'callback' | 'followup' | 'edit' | 'delete';
  /** Emulator-clock time. */
  at: number;
  /** Callback type for `callback`. */
  callbackType?: number;
  messageId?: string;
  body: unknown;
}

/** The interaction kinds the emulator dispatches: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
export type InteractionKind = 2 | 3 | 4 | 5;

/**
 * An interaction the emulator dispatched, and everything the bot answered: the deadline
 * bookkeeping (3 s initial response, 15 min token) lives here.
 */
export class InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionKind;
  /** Emulator-clock time of dispatch (token lifetime, message timestamps). */
  readonly createdAt: number;
  /** Monotonic real time of dispatch (`performance.now()`): the initial-response deadline runs on it. */
  readonly dispatchedAtReal: number;
  /** Real milliseconds the bot has for its initial response (3000 on Discord). */
  readonly deadlineMs: number;
  readonly #realNow: () => number;
  readonly payload: Record<string, unknown>;
  readonly channelId: string;
  readonly userId: string;
  /** For components: the message the component sat on. */
  readonly sourceMessageId: string | undefined;
  /** Type of the accepted initial callback, once there is one. */
  callbackType: number | undefined;
  callbackData: unknown;
  /** The message `@original` refers to: the reply, the deferred placeholder, or the component's message. */
  originalMessageId: string | undefined;
  /** True after a type-5 defer until the placeholder is first edited. */
  awaitingDeferredEdit = false;
  readonly followupIds: string[] = [];
  readonly events: InteractionEvent[] = [];

  constructor(init: {
    id: string;
    token: string;
    type: InteractionKind;
    createdAt: number;
    /** Real (monotonic) clock in ms; default `performance.now`. */
    realNow?: () => number;
    deadlineMs?: number;
    payload: Record<string, unknown>;
    channelId: string;
    userId: string;
    sourceMessageId?: string;
  }) {
    this.id = init.id;
    this.token = init.token;
    this.type = init.type;
    this.createdAt = init.createdAt;
    this.#realNow = init.realNow ?? (() => performance.now());
    this.dispatchedAtReal = this.#realNow();
    this.deadlineMs = init.deadlineMs ?? DISCORD_LIMITS.interaction.initialResponseMs;
    this.payload = init.payload;
    this.channelId = init.channelId;
    this.userId = init.userId;
    this.sourceMessageId = init.sourceMessageId;
  }

  get acknowledged(): boolean {
    return this.callbackType !== undefined;
  }

  /**
   * Past the 3 s window for the initial response. Measured in real time whatever the injected clock says:
   * Discord's deadline runs on its own clock, so a bot slow in real time is late even in a simulation.
   */
  initialDeadlinePassed(): boolean {
    return this.#realNow() - this.dispatchedAtReal > this.deadlineMs;
  }

  /** Past the 15 min token lifetime. */
  tokenExpired(now: number): boolean {
    return now - this.createdAt > DISCORD_LIMITS.interaction.tokenLifetimeMs;
  }

  /** The token no longer works for webhooks: expired, or never acknowledged within 3 s. */
  tokenInvalid(now: number): boolean {
    return this.tokenExpired(now) || (!this.acknowledged && this.initialDeadlinePassed());
  }
}
