/** The sandbox's help: its first screen and what @help prints, in the REPL and in scripts. */
import type { Sandbox } from '../sandbox.js';

/**
 * What the sandbox prints first and on @help: how to type, and every channel and user of the
 * emulated guild (read from it, so a channel added to the guild shows up here too).
 */
export function sandboxHelp(sandbox: Sandbox): string {
  const guild = sandbox.discord.guild;
  const channels = guild
    .channels()
    .filter((c) => c.type !== CATEGORY_CHANNEL)
    .map((c) => (c.type === FORUM_CHANNEL ? `${c.name} (a forum: type in its posts)` : c.name));
  const users = guild.users().filter((u) => !u.bot).map((u) => u.username);
  return `Type as you would in a Discord channel (the first option's value may follow the name directly):
  /brief japan-tariffs                   /brief japan-tariffs section:full
  /search chip export controls           /ask question:Will Washington revisit car tariffs?
  /position japan-tariffs actor:us       /publish file:examples/new-briefing.md       /help
Sandbox directives:
  @as <user>       who is typing: ${users.join(', ')}
  @in <channel>    which channel: ${channels.join(', ')}
  @click Trends    press a button on the bot's last message     @select 2    pick a menu option
  @reply TEXT      reply to the bot's last message, e.g. @reply will japan retaliate?
  @import FILE     drop a briefing into the inbox               @advance 3h  let simulated time pass
  @restart         restart the bot on the same data              Ctrl+D       quit`;
}

const CATEGORY_CHANNEL = 4;
const FORUM_CHANNEL = 15;
