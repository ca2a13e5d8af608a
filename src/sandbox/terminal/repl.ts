/**
 * The interactive sandbox: a prompt where a person types as if in a Discord channel, and sees
 * the bot's replies and scheduled posts as they happen.
 */
import { createInterface } from 'node:readline';
import type { Sandbox } from '../sandbox.js';
import type { StoredMessage } from '../emulator/state/stored-message.js';
import { readScriptLine } from './script-line.js';
import { SandboxSession } from './sandbox-session.js';
import { sandboxHelp } from './sandbox-help.js';
import { describeMessage, type Output } from './transcript.js';

export async function runRepl(sandbox: Sandbox, input: NodeJS.ReadableStream, out: Output): Promise<void> {
  const session = new SandboxSession(sandbox);
  const color = process.stdout.isTTY === true;
  const show = (message: StoredMessage, edited = false): void => {
    // Read at each message: the terminal may have been resized. Not a terminal: lines stay whole.
    const width = process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : undefined;
    out.write(`\n${describeMessage(sandbox, message, { color, edited, width })}`);
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
