import type { GatewaySession } from './gateway-session.js';

/** Paths the gateway listens on: the first from GET /gateway/bot, the second as `resume_gateway_url`. */
export const GATEWAY_PATH = '/gateway';
/** Where discord.js resumes (`resume_gateway_url`), so tests can tell a resume connection from a fresh one. */
export const RESUME_PATH = '/gateway-resume';

/** Something that happened on the gateway, kept in `history` and emitted as `event`. */
export interface GatewayEvent {
  type: 'open' | 'identify' | 'ready' | 'resume' | 'resumed' | 'heartbeat' | 'reconnect-sent' | 'invalid-session-sent' | 'server-close' | 'close';
  at: number;
  path?: string;
  sessionId?: string;
  seq?: number;
  replayed?: number;
  code?: number;
  resumable?: boolean;
}

/** What the gateway needs from the rest of the emulator. */
export interface GatewayDeps {
  /** Whether an IDENTIFY/RESUME token is the bot's current token. */
  checkToken: (token: unknown) => boolean;
  /** READY `d` for a new session (docs/discord-facts.md §12: user, guilds, application, session_id, resume_gateway_url). */
  ready: (session: GatewaySession) => Record<string, unknown>;
  /** GUILD_CREATE `d` for each guild of the session. */
  guildCreates: (session: GatewaySession) => Array<Record<string, unknown>>;
  heartbeatIntervalMs: number;
  /** A connection silent (no op 1) for this long is closed with 4009; default 1.5 intervals. */
  heartbeatTimeoutMs?: number;
  /** The bot's user id: its own messages, and those mentioning it, keep their content without the Message Content intent. */
  appUserId: string;
  /** Privileged intents enabled for the application; others close 4014. */
  privilegedIntents: number;
}
