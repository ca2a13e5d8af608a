/**
 * The interactive sandbox: a prompt where a person types as if in a Discord channel, and sees
 * the bot's replies and scheduled posts as they happen.
 */
import { createInterface } from 'node:readline';
import type { Sandbox } from '../sandbox.js';
import type { StoredMessage } from '../emulator/state/stored-message.js';
import { readScriptLine } from './script-line.js';
import { SandboxSession } from './sandbox-session.js';
import { describeMessage, type Output } from './transcript.js';

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
  @import FILE     drop a briefing into the inbox               @advance 3h  let simulated time pass
  @restart         restart the bot on the same data              Ctrl+D       quit`;
}

const CATEGORY_CHANNEL = 4;
const FORUM_CHANNEL = 15;

export async function runRepl(sandbox: Sandbox, input: NodeJS.ReadableStream, out: Output): Promise<void> {
  const session = new SandboxSession(sandbox);
  const color = process.stdout.isTTY === true;
  const show = (message: StoredMessage, edited = false): void => {
    out.write(`\n${describeMessage(sandbox, message, { color, edited })}`);
  };
  const onMessage = (message: StoredMessage): void => show(message);
  const onUpdate = (message: StoredMessage): void => show(message, true);
  sandbox.discord.on('message', onMessage);
  sandbox.discord.on('messageUpdate', onUpdate);

  const rl = createInterface({ input, output: process.stdout, terminal: process.stdin.isTTY === true });
  // Ctrl+C (or a SIGTERM) ends the session like Ctrl+D: the sandbox then stops cleanly.
  rl.on('SIGINT', () => rl.close());
  const onTerm = (): void => rl.close();
  process.once('SIGTERM', onTerm);
  const prompt = (): void => {
    rl.setPrompt(`#${session.channel} as ${session.user} › `);
    rl.prompt();
  };
  out.write(`${sandboxHelp(sandbox)}\n`);
  prompt();
  try {
    for await (const line of rl) {
      const read = readScriptLine(line);
      if (!read.ok) out.write(`  ${read.error}\n`);
      else if (read.step.kind === 'help') out.write(`${sandboxHelp(sandbox)}\n`);
      else if (read.step.kind !== 'comment') {
        const report = await session.run(read.step);
        for (const note of report.notes) out.write(`  · ${note}\n`);
      }
      prompt();
    }
  } finally {
    process.off('SIGTERM', onTerm);
    sandbox.discord.off('message', onMessage);
    sandbox.discord.off('messageUpdate', onUpdate);
    rl.close();
  }
}
