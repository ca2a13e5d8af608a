import { ApiError } from '../api-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { botRoute, ok, type RouteDefinition } from '../rest/route.js';
import { apiChannel, apiMember, apiRole, apiUser } from '../state/api-objects.js';
import { apiGuild } from '../state/guild-payloads.js';
import { queryLimit } from './route-helpers.js';

/** The guild, its channels, members and roles, users, the application, and gateway discovery. */
export function guildRoutes(ctx: EmulatorContext): RouteDefinition[] {
  const requireGuild = (id: string | undefined): void => {
    if (id !== ctx.guild.id) throw new ApiError(10004);
  };
  return [
    botRoute('GET', '/gateway', () => ok({ url: ctx.gatewayUrl() })),

    // discord.js calls this once at login; a 401 here rejects login() with TokenInvalid (docs/discord-facts.md §9, §12).
    botRoute('GET', '/gateway/bot', () =>
      ok({ url: ctx.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }),
    ),

    botRoute('GET', '/users/@me', () => ok({ ...ctx.guild.apiUser(ctx.guild.botUserId), verified: true, mfa_enabled: false, locale: 'en-US', email: null })),

    botRoute('GET', '/users/:user_id', ({ params }) => {
      const user = ctx.guild.user(params.user_id ?? '');
      if (!user) throw new ApiError(10013);
      return ok(apiUser(user));
    }),

    botRoute('GET', '/applications/@me', () => ok(ctx.application())),
    botRoute('GET', '/oauth2/applications/@me', () => ok(ctx.application())),

    botRoute('GET', '/guilds/:guild_id', ({ params, query }) => {
      requireGuild(params.guild_id);
      const counts = query.get('with_counts') === 'true' ? { approximate_member_count: ctx.guild.members().length, approximate_presence_count: 0 } : {};
      return ok({ ...apiGuild(ctx.guild), ...counts });
    }),

    botRoute('GET', '/guilds/:guild_id/channels', ({ params }) => {
      requireGuild(params.guild_id);
      return ok(ctx.guild.channels().map((c) => apiChannel(c)));
    }),

    botRoute('GET', '/guilds/:guild_id/threads/active', ({ params }) => {
      requireGuild(params.guild_id);
      return ok({ threads: ctx.guild.threads().filter((t) => !t.thread?.archived).map((t) => apiChannel(t)), members: [], has_more: false });
    }),

    botRoute('GET', '/guilds/:guild_id/roles', ({ params }) => {
      requireGuild(params.guild_id);
      return ok(ctx.guild.roles().map(apiRole));
    }),

    botRoute('GET', '/guilds/:guild_id/members', ({ params, query }) => {
      requireGuild(params.guild_id);
      const limit = queryLimit(query, 1, 1000);
      const after = query.get('after');
      const members = ctx.guild.members().filter((m) => !after || BigInt(m.userId) > BigInt(after));
      return ok(members.slice(0, limit).map((m) => apiMember(m, ctx.guild.user(m.userId))));
    }),

    botRoute('GET', '/guilds/:guild_id/members/:user_id', ({ params }) => {
      requireGuild(params.guild_id);
      const member = ctx.guild.member(params.user_id ?? '');
      if (!member) throw new ApiError(10007);
      return ok(apiMember(member, ctx.guild.user(member.userId)));
    }),
  ];
}
