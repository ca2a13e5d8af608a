import { apiChannel, apiMember, apiRole } from './api-objects.js';
import type { GuildState } from './guild-state.js';
import { CHANNEL_TYPE } from './records.js';

/** The guild object of GET /guilds/{id} (DOCS `resources/guild` "Guild Object"). */
export function apiGuild(guild: GuildState): Record<string, unknown> {
  const general = guild.channels().find((c) => c.type === CHANNEL_TYPE.text);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roles().map(apiRole),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: general?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/** The GUILD_CREATE dispatch discord.js needs before it turns ready (docs/discord-facts.md §12). */
export function guildCreatePayload(guild: GuildState): Record<string, unknown> {
  const members = guild.members();
  return {
    ...apiGuild(guild),
    joined_at: guild.member(guild.botUserId)?.joinedAt,
    large: false,
    unavailable: false,
    lazy: true,
    member_count: members.length,
    members: members.map((m) => apiMember(m, guild.user(m.userId))),
    channels: guild.channels().map((c) => apiChannel(c)),
    threads: guild.threads().map((t) => apiChannel(t)),
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
