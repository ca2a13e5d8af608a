import type { GatewaySession } from '../gateway/gateway-session.js';
import type { GuildState } from './guild-state.js';

/** The application object of GET /applications/@me (DOCS `resources/application`). */
export function applicationPayload(guild: GuildState, applicationId: string): Record<string, unknown> {
  return {
    id: applicationId,
    name: guild.user(guild.botUserId)?.username,
    icon: null,
    description: 'Local Discord emulator application',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    // The spec's PrivateApplicationResponse requires these (the 64-bit flags as a string, scan setting, counts).
    flags_new: '0',
    explicit_content_filter: 0,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    eligible_oauth2_scopes: [],
    role_connections_verification_url: null,
    owner: guild.apiUser(guild.ownerId || guild.botUserId),
    team: null,
    bot: guild.apiUser(guild.botUserId),
    approximate_guild_count: 1,
    integration_types_config: { '0': {} },
    tags: [],
    redirect_uris: [],
    rpc_origins: [],
    interactions_endpoint_url: null,
  };
}

/** READY `d`: what discord.js needs to build `client.user` and `client.application` (docs/discord-facts.md §8, §12). */
export function readyPayload(guild: GuildState, applicationId: string, session: GatewaySession, resumeUrl: string): Record<string, unknown> {
  return {
    v: 10,
    user: { ...guild.apiUser(guild.botUserId), verified: true, mfa_enabled: false, email: null },
    guilds: ownsGuild(session, guild.id) ? [{ id: guild.id, unavailable: true }] : [],
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    shard: session.shard,
    application: { id: applicationId, flags: 0 },
    user_settings: {},
    relationships: [],
    private_channels: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: ['local'],
    _trace: ['["lumen-local-discord",{"micros":0}]'],
  };
}

/** A guild belongs to shard `(guild_id >> 22) % num_shards` (docs/discord-facts.md §8). */
export function ownsGuild(session: GatewaySession, guildId: string): boolean {
  const [id, count] = session.shard;
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}
