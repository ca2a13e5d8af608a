/**
 * `/help`: what the bot does and how to call each command.
 */
import { layoutBlocks } from './embed-layout.js';
import type { MessagePayload } from './message-payload.js';
import { escapeMarkdown, neutraliseMentions, plainText } from './safe-text.js';
import { truncateText } from './truncate-text.js';

/** A command as `/help` lists it; `usage` is shown as code, e.g. `/brief briefing:<slug> [section:…]`. */
export interface CommandHelp {
  name: string;
  description: string;
  usage: string;
}

/** Longer usage would be split across fields, and a code span with it. */
const USAGE_MAX = 300;

const INTRO =
  'Lumen Briefings posts structured geopolitical briefings: a summary, the incident, motivations, ' +
  'the actors’ positions, key variables and trend predictions. Start with `/brief`, or `/search` the archive.';

/** The commands as fields, one per command, split over messages only if there are very many. */
export function renderHelp(commands: readonly CommandHelp[]): MessagePayload[] {
  const fields = commands.map((c) => ({
    name: `/${plainText(c.name).replace(/^\//, '')}`,
    value: `${neutraliseMentions(c.description)}\n${usageText(c.usage)}`,
  }));
  return layoutBlocks([{ kind: 'fields', title: '📚 Lumen Briefings: help', intro: INTRO, fields }]);
}

/** Usage as inline code, unless it holds a backtick, which code spans cannot show. */
function usageText(usage: string): string {
  const line = truncateText(usage.replace(/\s+/g, ' '), USAGE_MAX);
  if (!line) return '';
  return line.includes('`') ? escapeMarkdown(line) : `\`${neutraliseMentions(line)}\``;
}
