/**
 * The command loader: every slash command the bot registers and answers, in /help order.
 * Adding a command is adding its module here.
 */
import type { CommandModule } from '../src/discord/command-module.js';
import { ask } from './ask.js';
import { brief } from './brief.js';
import { helpCommand } from './help.js';
import { position } from './position.js';
import { search } from './search.js';
import { trend } from './trend.js';
import { variable } from './variable.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';
import { subscriptions } from './subscriptions.js';
import { publish } from './publish.js';
import { alerts } from './alerts.js';

export function loadCommands(): CommandModule[] {
  const commands: CommandModule[] = [brief, variable, trend, position, search, ask, subscribe, unsubscribe, subscriptions, alerts, publish];
  commands.push(helpCommand(() => commands));
  return commands;
}
