/**
 * Errors a user can act on: one short embed saying what went wrong and what to try instead.
 * The Discord glue sends them ephemeral; stack traces go to the log, never here.
 */
import { buttonRows, actionButton } from './components.js';
import { MESSAGE_LIMITS as L } from './discord-limits.js';
import { ERROR_COLOR, type MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, neutraliseMentions } from './safe-text.js';
import { truncateText } from './truncate-text.js';

/** A briefing offered as a way out of an error. */
export interface SuggestedBriefing {
  slug: string;
  title: string;
}

const HINTS_MAX = 1500;

/**
 * An error message. `message` is written by the bot and may use markdown (mentions are still
 * defused); put anything a user typed through `escapeMarkdown` first. `hints` become a list.
 */
export function renderUserError(message: string, hints: readonly string[] = []): MessagePayload {
  const hintText = truncateText(hints.map((hint) => `• ${neutraliseMentions(hint)}`).join('\n'), HINTS_MAX);
  const room = L.description - (hintText ? hintText.length + 2 : 0);
  const description = [truncateText(`⚠️ ${neutraliseMentions(message)}`, room), hintText].filter(Boolean).join('\n\n');
  return { embeds: [{ description, color: ERROR_COLOR }], components: [] };
}

/**
 * Whether a renderer answered with an error (an unknown actor, a key variable number the
 * briefing lacks…) rather than content, so the glue can send it ephemeral.
 */
export function isUserError(payload: MessagePayload): boolean {
  return payload.embeds.length > 0 && payload.embeds.every((embed) => embed.color === ERROR_COLOR);
}

/** "No briefing matches …", with the closest briefings as hints and buttons to open them. */
export function renderUnknownBriefing(query: string, suggestions: readonly SuggestedBriefing[]): MessagePayload {
  const shown = suggestions.slice(0, 5);
  const typed = truncateText(escapeMarkdown(query.replace(/\s+/g, ' ')), 200);
  const hints = shown.map((s) => `\`${s.slug}\`: ${truncateText(escapeMarkdown(s.title.replace(/\s+/g, ' ')), 200)}`);
  const message = shown.length > 0 ? `No briefing is called “${typed}”. Did you mean one of these?` : `No briefing is called “${typed}”. Try \`/search\` to find one.`;
  const payload = renderUserError(message, hints);
  const seen = new Set<string>();
  const buttons = shown
    .filter((s) => !seen.has(s.slug) && seen.add(s.slug))
    .map((s) => actionButton(`Open ${s.slug}`, { kind: 'open', slug: s.slug }));
  payload.components = buttonRows(buttons, 1);
  return payload;
}

/**
 * What a reader is told when the archive holds nothing yet, instead of "not found": how briefings
 * get in, for the member (who can ask an admin) and for whoever runs the bot.
 */
export const EMPTY_ARCHIVE_MESSAGE =
  'The archive is empty: no briefing has been published here yet. A member with Manage Server can upload one with `/publish`; ' +
  'whoever runs the bot can drop files into its inbox folder or run `npx lumen import <folder>` (`npx lumen import data/samples` to try it).';

/**
 * The one-line note above an answer whose typed name was not a slug but clearly meant one:
 * Discord subtext (`-#`), so it reads as an aside, not as part of the briefing.
 */
export function renderShowingNote(typed: string, slug: string): string {
  const shown = truncateText(inlineMarkdown(typed), 120);
  return `-# Showing \`${slug}\`, the closest match to “${shown}”.`;
}

/** `payloads` with `note` as the first message's first line (a message holds at most 2,000 characters of content). */
export function withNote(payloads: MessagePayload[], note: string | undefined): MessagePayload[] {
  if (!note) return payloads;
  const [first, ...rest] = payloads;
  if (!first) return [{ content: note, embeds: [], components: [] }];
  const content = first.content ? `${note}\n${first.content}` : note;
  return [{ ...first, content: truncateText(content, L.content) }, ...rest];
}
