/**
 * How a sandbox session is shown: JSON lines for machines (`--json`), or the conversation as a
 * person would read it in a channel.
 */
import type { Sandbox } from '../sandbox.js';
import type { StoredMessage } from '../emulator/state/stored-message.js';
import { renderMessageText, type MessageView } from './render-message.js';
import type { StepReport } from './sandbox-session.js';

export interface Output {
  write(text: string): unknown;
}

/** The first JSON line: ids a script's reader needs to make sense of the requests. */
export function sandboxDescription(sandbox: Sandbox): { sandbox: { guildId: string; channels: Record<string, string>; users: Record<string, string> } } {
  const discord = sandbox.discord;
  const channels = Object.fromEntries(discord.guild.channels().map((c) => [c.name, c.id]));
  const users = Object.fromEntries(discord.guild.users().filter((u) => !u.bot).map((u) => [u.username, u.id]));
  return { sandbox: { guildId: discord.guildId, channels, users } };
}

export function writeJsonStep(out: Output, line: string, report: StepReport): void {
  out.write(`${JSON.stringify(report.notes.length > 0 ? { step: line, notes: report.notes } : { step: line })}\n`);
  for (const r of report.requests) out.write(`${JSON.stringify({ method: r.method, path: r.path, body: r.body ?? null, status: r.status })}\n`);
}

/**
 * A message as the sandbox shows it, headed by where it went and who can see it; `width` (the
 * terminal's columns) wraps its long lines, undefined leaves them whole.
 */
export function describeMessage(sandbox: Sandbox, message: StoredMessage, options: { color?: boolean; edited?: boolean; width?: number } = {}): string {
  const discord = sandbox.discord;
  const channel = discord.guild.channel(message.channelId);
  // A reply to a member's message (type 19) answers that message's author.
  const repliedTo = (message.data.referenced_message as { author?: { id?: string } } | undefined)?.author?.id;
  const owner = message.interactionId ? discord.interactions.get(message.interactionId)?.userId : repliedTo;
  const ownerName = owner ? discord.guild.users().find((u) => u.id === owner)?.username : undefined;
  const where = `#${channel?.name ?? message.channelId}`;
  const how = [
    (message.origin === 'channel' && !repliedTo) || message.origin === 'forum-starter' ? 'post' : ownerName ? `reply to ${ownerName}` : 'reply',
    message.ephemeral ? 'only they can see it' : undefined,
    options.edited ? 'edited' : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const head = `── Lumen Briefings in ${where} (${how})`;
  const body = message.loading ? 'Lumen Briefings is thinking…' : renderMessageText(message.data as MessageView, {
        color: options.color,
        width: options.width,
        readable: (text) => readableMentions(sandbox, text),
      });
  return `${options.color === false ? head : `\u001b[36m${head}\u001b[39m`}\n${body}\n`;
}

/** Channel, role and user mentions by name, and Discord timestamps as dates, as the client shows them. */
function readableMentions(sandbox: Sandbox, text: string): string {
  const guild = sandbox.discord.guild;
  return text
    .replace(/<#(\d+)>/g, (all, id: string) => (guild.channel(id) ? `#${guild.channel(id)?.name}` : all))
    .replace(/<@&(\d+)>/g, (all, id: string) => {
      const role = guild.roles().find((r) => r.id === id);
      return role ? `@${role.name}` : all;
    })
    .replace(/<@!?(\d+)>/g, (all, id: string) => {
      const user = guild.users().find((u) => u.id === id);
      return user ? `@${user.username}` : all;
    })
    .replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_all, seconds: string) => `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}

export function writeHumanStep(out: Output, sandbox: Sandbox, line: string, report: StepReport): void {
  out.write(`\n> ${line}\n`);
  for (const note of report.notes) out.write(`  · ${note}\n`);
  for (const message of report.messages) out.write(describeMessage(sandbox, message, { color: false, edited: message.revisions.length > 0 }));
}
