import { randomBytes } from 'node:crypto';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { RateLimitOptions } from './rest/rate-limiter.js';
import type { ChannelSpec } from './state/guild-state.js';
import { PRIVILEGED_INTENTS } from './gateway/gateway-intents.js';
import { DISCORD_LIMITS } from './payload-limits.js';

/** How to start a LocalDiscord. Everything is optional. */
export interface LocalDiscordOptions {
  /** The bot token the emulator accepts; a realistic random one by default. */
  token?: string;
  /**
   * The emulator's clock in ms since epoch (default `Date.now`): interaction deadlines, token expiry,
   * timestamps and snowflakes read it. Rate limits stay on wall-clock time, as discord.js's do.
   */
  now?: () => number;
  /** Default "Lumen Sandbox". */
  guildName?: string;
  /** Default "Lumen Briefings". */
  botUsername?: string;
  /** Seed the sandbox guild's roles, users and channels (default true). */
  seedDefaultGuild?: boolean;
  /** Extra channels to create before the bot connects. */
  channels?: ChannelSpec[];
  rateLimits?: RateLimitOptions;
  /** HELLO heartbeat interval; Discord's is 41250 ms. */
  heartbeatIntervalMs?: number;
  /** Privileged intents enabled in the "developer portal" (default: all three). */
  privilegedIntents?: number;
  /** Port to listen on (default: a free one). */
  port?: number;
  /**
   * The time the bot has for an interaction's initial response, in real (monotonic) milliseconds whatever
   * `now` says, as on Discord: default 3000. Tests of the deadline set a shorter one instead of sleeping 3 s.
   */
  interactionDeadlineMs?: number;
  /**
   * Close a gateway connection that sends no heartbeat for this long (real ms), with 4009 Session timed out
   * (DOCS OP "Gateway Close Event Codes"). Default: 1.5 heartbeat intervals, as Discord allows some slack.
   */
  heartbeatTimeoutMs?: number;
  /**
   * Check every exchange against Discord's OpenAPI description (vendor/discord-api-spec): `enforce` makes
   * `close()` throw on any mismatch outside the spec's known quirks. Default: `enforce` under vitest, `off` elsewhere.
   */
  specCheck?: 'enforce' | 'off';
}

/** Options with defaults filled in. */
export type ResolvedOptions = Required<Omit<LocalDiscordOptions, 'token' | 'channels' | 'rateLimits' | 'heartbeatTimeoutMs'>> &
  Pick<LocalDiscordOptions, 'token' | 'channels' | 'rateLimits' | 'heartbeatTimeoutMs'>;

/** Fills in defaults. */
export function resolveOptions(options: LocalDiscordOptions): ResolvedOptions {
  return {
    ...options,
    now: options.now ?? Date.now,
    guildName: options.guildName ?? 'Lumen Sandbox',
    botUsername: options.botUsername ?? 'Lumen Briefings',
    seedDefaultGuild: options.seedDefaultGuild ?? true,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DISCORD_LIMITS.gateway.heartbeatIntervalMs,
    privilegedIntents: options.privilegedIntents ?? PRIVILEGED_INTENTS,
    port: options.port ?? 0,
    interactionDeadlineMs: options.interactionDeadlineMs ?? DISCORD_LIMITS.interaction.initialResponseMs,
    // VITEST is set by the test runner in every worker; the sandbox and benchmarks run unchecked.
    // LUMEN_SPEC_CHECK=off turns it off for a run (to measure its cost).
    specCheck: options.specCheck ?? (process.env.VITEST && process.env.LUMEN_SPEC_CHECK !== 'off' ? 'enforce' : 'off'),
  };
}

/** A token shaped like Discord's: base64 of the bot id, a timestamp part and an HMAC part. */
export function makeToken(botUserId: string): string {
  return `${Buffer.from(botUserId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
}

/** Per-channel permissions to give or take from the bot; `undefined` leaves a permission to its roles. */
export interface BotChannelPermissions {
  view?: boolean;
  send?: boolean;
  /** Public and private threads. */
  createThreads?: boolean;
  sendInThreads?: boolean;
  readHistory?: boolean;
  embedLinks?: boolean;
  attachFiles?: boolean;
}

const BITS: Record<keyof BotChannelPermissions, bigint> = {
  view: PermissionFlagsBits.ViewChannel,
  send: PermissionFlagsBits.SendMessages,
  createThreads: PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.CreatePrivateThreads,
  sendInThreads: PermissionFlagsBits.SendMessagesInThreads,
  readHistory: PermissionFlagsBits.ReadMessageHistory,
  embedLinks: PermissionFlagsBits.EmbedLinks,
  attachFiles: PermissionFlagsBits.AttachFiles,
};

/** The member overwrite that expresses `permissions`. */
export function overwriteFor(permissions: BotChannelPermissions): { allow: bigint; deny: bigint } {
  let allow = 0n;
  let deny = 0n;
  for (const [key, value] of Object.entries(permissions) as Array<[keyof BotChannelPermissions, boolean | undefined]>) {
    if (value === true) allow |= BITS[key];
    if (value === false) deny |= BITS[key];
  }
  return { allow, deny };
}
