/**
 * The local Discord emulator: REST + gateway for an unmodified discord.js Client.
 * Start one with {@link LocalDiscord.start}; see tests/sandbox for usage.
 */
export { LocalDiscord } from './local-discord.js';
export type { LocalDiscordOptions, BotChannelPermissions } from './local-discord-options.js';
export type { EmulatorEventMap } from './emulator-events.js';
export { DISCORD_LIMITS, MESSAGE_FLAGS } from './payload-limits.js';
export { DISCORD_ERRORS } from './error-codes.js';
export { SnowflakeGenerator, DISCORD_EPOCH } from './snowflake.js';
export type { FaultSpec, InjectedFault } from './rest/fault-injector.js';
export type { BucketRule, RateLimitOptions } from './rest/rate-limiter.js';
export type { RecordedRequest } from './rest/request-log.js';
export { peakRequestsPerSecond } from './rest/request-stats.js';
export type { GatewayEvent } from './gateway/gateway-server.js';
export type { InteractionHandle, InitialResponse } from './interactions/interaction-handle.js';
export type { SlashCommandInput, AutocompleteInput, AutocompleteChoice, InvokeAs } from './interactions/interaction-driver.js';
export type { OptionValue } from './interactions/option-resolver.js';
export type { StoredMessage, ApiMessage, ApiAttachment } from './state/stored-message.js';
export type { InteractionRecord, InteractionEvent } from './state/interaction-record.js';
export type { ChannelRecord } from './state/records.js';
export type { ChannelSpec, UserSpec } from './state/guild-state.js';
export type { FileSpec } from './state/attachment-store.js';
