/**
 * What the bot posts on its own (issue 7): a new briefing in a subscribed channel, the daily
 * digest, and the preview a member confirms before `/publish` stores a file.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { briefingCardEmbed, renderBriefingCard } from './briefing-card.js';
import { encodeCustomId } from '../interaction-ids/custom-ids.js';
import { actionButton, buttonRows, STYLE } from './components.js';
import { MESSAGE_LIMITS as L } from './discord-limits.js';
import { embedCharacters } from './embed-layout.js';
import { DIGEST_COLOR, type ApiEmbed, type ApiEmbedField, type MessagePayload } from './message-payload.js';
import { escapeMarkdown, inlineMarkdown, paragraphs, plainText } from './safe-text.js';
import { truncateText } from './truncate-text.js';

/** The window a digest covers, and the zone its times are shown in. */
export interface DigestWindow {
  since: Date | string;
  until: Date | string;
  /** An IANA zone, e.g. Europe/Berlin; an unknown one falls back to UTC. */
  timezone: string;
}

/**
 * The title every digest message starts with (first part and continuations). Delivery tells a
 * digest from a card in the channel by it, so it is written once, here.
 */
export const DIGEST_TITLE = '🗞️ Daily digest';

const DIGEST_SUMMARY_MAX = 400;
const DIGEST_TITLE_MAX = 200;
/** Buttons per message: five rows of five. */
const MAX_ENTRIES_PER_MESSAGE = 25;
const THREAD_NAME_MAX = 100;

/**
 * A new briefing in a channel: the card, with "📰 New briefing" and, if given, the role to ping.
 * `delivery` (the delivery intent's id) goes into the Full briefing button's custom_id, so that
 * after an interruption delivery recognises this very post, not a `/brief` card of the same
 * briefing in the same channel.
 */
export function renderNewBriefingPost(briefing: Briefing, options: { roleId?: string; delivery?: string } = {}): MessagePayload {
  const mention = options.roleId && /^\d{1,20}$/.test(options.roleId) ? `<@&${options.roleId}> ` : '';
  const card = renderBriefingCard(briefing);
  if (options.delivery !== undefined) {
    const full = encodeCustomId({ kind: 'view', slug: briefing.slug, view: 'full' });
    const marked = encodeCustomId({ kind: 'view', slug: briefing.slug, view: 'full', delivery: options.delivery });
    for (const row of card.components ?? []) for (const c of row.components) if (c.custom_id === full) c.custom_id = marked;
  }
  return { ...card, content: `${mention}📰 **New briefing**` };
}

/** A name for the follow-up thread (or forum post) under a new briefing: the title, ≤ 100 characters. */
export function briefingThreadName(briefing: Briefing): string {
  return truncateText(plainText(briefing.title), THREAD_NAME_MAX) || briefing.slug;
}

/**
 * The digest: each briefing numbered with its title and the start of its summary, an "Open n"
 * button for each, split over as many messages as needed (each message has the buttons for the
 * briefings it lists). Briefings are listed in the order given. `delivery` (the delivery intent's
 * id) is carried by every Open button, so delivery counts the parts of this digest only. The
 * window is when briefings were added to the archive (an old briefing imported today is in
 * today's digest), so the heading says "added", and each entry shows the briefing's own date as
 * "dated".
 */
export function renderDigest(briefings: readonly Briefing[], window: DigestWindow, options: { delivery?: string } = {}): MessagePayload[] {
  const period = `${formatInZone(window.since, window.timezone)} to ${formatInZone(window.until, window.timezone)}`;
  if (briefings.length === 0) {
    const embed = { title: DIGEST_TITLE, description: `No briefings added to the archive from ${period}.`, color: DIGEST_COLOR };
    return [{ embeds: [embed], components: [] }];
  }
  const count = `${briefings.length} new ${briefings.length === 1 ? 'briefing' : 'briefings'}`;
  const messages: MessagePayload[] = [];
  let embed: ApiEmbed = { title: `${DIGEST_TITLE}: ${count}`, description: `Added to the archive from ${period}.`, color: DIGEST_COLOR };
  let entries: { field: ApiEmbedField; briefing: Briefing; number: number }[] = [];
  const flush = (): void => {
    embed.fields = entries.map((e) => e.field);
    const buttons = entries.map((e) => actionButton(`Open ${e.number}`, { kind: 'open', slug: e.briefing.slug, delivery: options.delivery }, STYLE.primary));
    messages.push({ embeds: [embed], components: buttonRows(buttons) });
  };
  briefings.forEach((briefing, i) => {
    const field = digestField(briefing, i + 1);
    const used = embedCharacters({ ...embed, fields: entries.map((e) => e.field) });
    const slugTaken = entries.some((e) => e.briefing.slug === briefing.slug);
    if (entries.length === MAX_ENTRIES_PER_MESSAGE || used + field.name.length + field.value.length > L.total || slugTaken) {
      flush();
      embed = { title: `${DIGEST_TITLE} (continued)`, color: DIGEST_COLOR };
      entries = [];
    }
    entries.push({ field, briefing, number: i + 1 });
  });
  flush();
  return messages;
}

/**
 * The preview `/publish` shows before storing a file: the card, the parser's warnings, and
 * Confirm / Cancel buttons carrying `token` (which names the pending upload).
 */
export function renderPublishPreview(briefing: Briefing, token: string): MessagePayload {
  const card = briefingCardEmbed(briefing);
  const embeds: ApiEmbed[] = [card];
  if (briefing.warnings.length > 0) {
    const title = `⚠️ ${briefing.warnings.length} ${briefing.warnings.length === 1 ? 'warning' : 'warnings'}`;
    const lines = briefing.warnings.map((w) => `**Line ${w.line}:** ${inlineMarkdown(w.message)}`).join('\n');
    const room = Math.min(L.description, L.total - embedCharacters(card) - title.length);
    embeds.push({ title, description: truncateText(lines, room), color: card.color ?? DIGEST_COLOR });
  }
  const confirm = actionButton('Confirm and publish', { kind: 'publish', decision: 'confirm', token }, STYLE.success);
  const cancel = actionButton('Cancel', { kind: 'publish', decision: 'cancel', token }, STYLE.danger);
  return {
    content: 'Preview: this is how the briefing will look. Nothing is stored until you confirm.',
    embeds,
    components: [{ type: 1, components: [confirm, cancel] }],
  };
}

function digestField(briefing: Briefing, number: number): ApiEmbedField {
  const summary = truncateText(escapeMarkdown(paragraphs(briefing.summary)).replace(/\n+/g, ' '), DIGEST_SUMMARY_MAX);
  return {
    name: `${number}. ${truncateText(inlineMarkdown(briefing.title), DIGEST_TITLE_MAX) || briefing.slug}`,
    value: `${summary || '*No summary.*'}\n\`${briefing.slug}\` · dated ${briefing.publishedAt.slice(0, 10)}`,
  };
}

/** "Mon 23 Nov 2026, 08:00 (Europe/Berlin)"; an unknown zone is shown in UTC. */
export function formatInZone(when: Date | string, timezone: string): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  // Assembled from parts, so the wording does not change with the ICU version.
  const format = (timeZone: string): string => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
  };
  try {
    return `${format(timezone)} (${escapeMarkdown(timezone)})`;
  } catch {
    return `${format('UTC')} (UTC)`;
  }
}
