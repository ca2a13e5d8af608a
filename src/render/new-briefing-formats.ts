/**
 * A new briefing as a subscription posts it, in the format its admin chose:
 * - card (default): the card `/brief` shows;
 * - compact: title, summary and key variables only;
 * - full: the whole briefing, in as few messages as the limits allow; the first is the post,
 *   the rest go into its follow-up thread.
 * Every first message keeps the card's buttons; with `delivery` its Full briefing button carries
 * the delivery intent's id, which is how delivery recognises its own post after a crash
 * (earlier-posts.ts). A test post carries no mark, so it is never taken for a delivery.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { briefingFooter, sectionButtons, sectionTitle } from './briefing-parts.js';
import { renderBriefingCard, CARD_SUMMARY_MAX, listPreview } from './briefing-card.js';
import { renderFullBriefing } from './briefing-message.js';
import { encodeCustomId } from '../interaction-ids/custom-ids.js';
import { buttonRows } from './components.js';
import { MESSAGE_LIMITS as L } from './discord-limits.js';
import { NOTHING } from './embed-layout.js';
import { BRAND_COLOR, type ApiEmbed, type MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, paragraphs } from './safe-text.js';
import { truncateText } from './truncate-text.js';

export type NewPostFormat = 'card' | 'compact' | 'full';

export interface NewPostOptions {
  format?: NewPostFormat;
  /** A role to ping (its mention leads the content). */
  roleId?: string;
  /** @everyone or @here, chosen explicitly by the admin. */
  everyone?: 'everyone' | 'here';
  /** A test post: says so, and pings nobody (the mention is described, not written). */
  test?: { shortId: string };
  /** The delivery intent's id, marked on the Full briefing button. */
  delivery?: string;
}

/** The messages of a new-briefing post: the first goes in the channel, any others into its thread. */
export function renderNewBriefingMessages(briefing: Briefing, options: NewPostOptions = {}): MessagePayload[] {
  const messages = bodyOf(briefing, options.format ?? 'card');
  const first = messages[0] as MessagePayload;
  if (options.delivery !== undefined) markFullButton(first, briefing.slug, options.delivery);
  messages[0] = { ...first, content: leadLine(options) };
  return messages;
}

function markFullButton(message: MessagePayload, slug: string, delivery: string): void {
  const full = encodeCustomId({ kind: 'view', slug, view: 'full' });
  const marked = encodeCustomId({ kind: 'view', slug, view: 'full', delivery });
  for (const row of message.components ?? []) for (const c of row.components) if (c.custom_id === full) c.custom_id = marked;
}

function leadLine(options: NewPostOptions): string {
  const role = options.roleId && /^\d{1,20}$/.test(options.roleId) ? options.roleId : undefined;
  if (options.test) {
    const would = options.everyone ? ` It would ping @${options.everyone}.` : role ? ' It would ping the subscription’s role.' : '';
    return `🧪 **Test post** for subscription \`${options.test.shortId}\`: this is how new briefings will look.${would} Nothing was delivered.`;
  }
  const mention = options.everyone ? `@${options.everyone} ` : role ? `<@&${role}> ` : '';
  return `${mention}📰 **New briefing**`;
}

function bodyOf(briefing: Briefing, format: NewPostFormat): MessagePayload[] {
  if (format === 'card') return [renderBriefingCard(briefing)];
  if (format === 'compact') return [{ embeds: [compactEmbed(briefing)], components: buttonRows(sectionButtons(briefing), 1) }];
  const parts = renderFullBriefing(briefing);
  const first = parts[0] as MessagePayload;
  parts[0] = { ...first, components: buttonRows(sectionButtons(briefing), 1) };
  return parts;
}

/** Title, summary and key variables: the question a reader scans for, nothing more. */
function compactEmbed(briefing: Briefing): ApiEmbed {
  const embed: ApiEmbed = {
    title: truncateText(inlineMarkdown(briefing.title), L.title) || NOTHING,
    description: truncateText(escapeMarkdown(paragraphs(briefing.summary)), CARD_SUMMARY_MAX) || '*No summary.*',
    color: BRAND_COLOR,
    footer: { text: truncateText(briefingFooter(briefing), 200) },
  };
  if (briefing.keyVariables.length > 0) embed.fields = [{ name: sectionTitle(briefing, 'variables'), value: listPreview(briefing.keyVariables, 'Key variables') }];
  return embed;
}
