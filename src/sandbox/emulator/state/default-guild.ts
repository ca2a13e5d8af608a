import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { GuildState } from './guild-state.js';
import { CHANNEL_TYPE } from './records.js';

/**
 * Seeds the sandbox guild "Lumen Sandbox": roles Admin (Administrator) and Analysts; users `admin`
 * (owner, Admin), `member` (no management permissions) and `analyst` (Analysts); text channels
 * `general`, `briefings`, `analysts` (hidden from @everyone, open to Analysts and the bot) and the
 * forum `forum`.
 */
export function seedDefaultGuild(guild: GuildState): void {
  guild.addRole({ name: 'Admin', permissions: PermissionFlagsBits.Administrator, color: 0xe74c3c, hoist: true });
  const analysts = guild.addRole({ name: 'Analysts', color: 0x3498db });
  const admin = guild.addUser({ username: 'admin', globalName: 'Sandbox Admin', roles: ['Admin'] });
  guild.ownerId = admin.id;
  guild.addUser({ username: 'member', globalName: 'Sandbox Member' });
  guild.addUser({ username: 'analyst', globalName: 'Sandbox Analyst', roles: ['Analysts'] });
  guild.addChannel({ name: 'general', topic: 'General chat' });
  guild.addChannel({ name: 'briefings', topic: 'Daily briefings' });
  const view = PermissionFlagsBits.ViewChannel;
  guild.addChannel({
    name: 'analysts',
    topic: 'Analysts only',
    overwrites: [
      { id: guild.id, type: 0, allow: 0n, deny: view },
      { id: analysts.id, type: 0, allow: view, deny: 0n },
      { id: guild.botUserId, type: 1, allow: view, deny: 0n },
    ],
  });
  guild.addChannel({ name: 'forum', type: CHANNEL_TYPE.forum, topic: 'Briefing discussions' });
}
