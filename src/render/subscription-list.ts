/**
 * /subscriptions list and /subscriptions history: each subscription with its next run and its
 * last outcome in words, paged with Previous/Next inside one message (500 subscriptions are
 * 50-odd pages of one message, never 20 messages); and one subscription's last deliveries.
 */
import { actionButton, STYLE } from './components.js';
import { MESSAGE_LIMITS as L } from './discord-limits.js';
import { embedCharacters } from './embed-layout.js';
import { BRAND_COLOR, type ApiEmbedField, type MessagePayload } from './message-payload.js';
import { escapeMarkdown } from './safe-text.js';
import { describeSubscription, type SubscriptionView } from './subscription-messages.js';
import { truncateText } from './truncate-text.js';

/** Subscriptions per page at most; fewer when their text would not fit one embed. */
export const SUBSCRIPTIONS_PER_PAGE = 10;
/** Room kept for the title, the footer and the page line. */
const PAGE_BUDGET = L.total - 400;
const REASON_MAX = 200;

const stamp = (at: string | Date, style: 'R' | 'f' = 'R'): string => `<t:${Math.floor(new Date(at).getTime() / 1000)}:${style}>`;

/** The subscription's last outcome, as an admin would say it. */
export function lastOutcomeInWords(sub: SubscriptionView): string {
  const last = sub.lastDelivery;
  if (sub.status === 'paused') {
    const since = last && last.outcome.startsWith('paused') ? ` since ${stamp(last.at, 'f')}` : '';
    const why = sub.statusReason ? ` (${escapeMarkdown(truncateText(sub.statusReason, REASON_MAX))})` : '';
    return `paused: the bot cannot post in <#${sub.channelId}>${since}${why}. Fix its permissions there, then run /subscribe again`;
  }
  if (!last) return 'nothing delivered yet';
  const reason = last.reason ? escapeMarkdown(truncateText(last.reason, REASON_MAX)) : '';
  const when = stamp(last.at);
  switch (last.outcome) {
    case 'posted':
      return `posted ${when}${reason ? ` (${reason})` : ''}`;
    case 'skipped-empty':
      return `no new briefings since yesterday: nothing posted (${when})`;
    case 'skipped-filtered':
      return sub.mode === 'digest'
        ? `no new briefings on its topic since yesterday: nothing posted (${when})`
        : `the latest briefings were not on its topic: nothing posted (${when})`;
    case 'retrying':
      return `Discord did not take the last post (${reason}); trying again${sub.nextRunAt ? ` ${stamp(sub.nextRunAt)}` : ''}`;
    case 'failed':
      return `Discord refused a post ${when} (${reason}); later briefings are still delivered`;
    default:
      return `${last.outcome.replace(/-/g, ' ')} ${when}${reason ? `: ${reason}` : ''}`;
  }
}

function nextRunInWords(sub: SubscriptionView): string {
  if (sub.status === 'paused') return 'Next run: none while paused';
  if (sub.nextRunAt) return `Next run: ${stamp(sub.nextRunAt, 'f')}`;
  return 'Next run: when a briefing arrives';
}

function subscriptionField(sub: SubscriptionView, number: number): ApiEmbedField {
  const state = sub.status === 'paused' ? '⏸️' : '▶️';
  const value = [describeSubscription(sub), nextRunInWords(sub), `Last: ${lastOutcomeInWords(sub)}`].join('\n');
  return { name: `${number}. ${state} ${sub.mode === 'new' ? 'New briefings' : 'Daily digest'}`, value: truncateText(value, L.fieldValue) };
}

/** The fields split into pages: at most {@link SUBSCRIPTIONS_PER_PAGE}, and within one embed. */
export function subscriptionPages(subs: readonly SubscriptionView[]): ApiEmbedField[][] {
  const pages: ApiEmbedField[][] = [];
  let page: ApiEmbedField[] = [];
  let used = 0;
  subs.forEach((sub, i) => {
    const field = subscriptionField(sub, i + 1);
    const size = field.name.length + field.value.length;
    if (page.length === SUBSCRIPTIONS_PER_PAGE || (page.length > 0 && used + size > PAGE_BUDGET)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(field);
    used += size;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Page `page` (1-based, clamped) of /subscriptions list, with Previous/Next when there are several. */
export function renderSubscriptionList(subs: readonly SubscriptionView[], page = 1): MessagePayload {
  if (subs.length === 0) {
    return { embeds: [{ title: '📬 Subscriptions', description: 'This server has no subscriptions. Add one with `/subscribe`.', color: BRAND_COLOR }], components: [] };
  }
  const pages = subscriptionPages(subs);
  const current = Math.min(Math.max(1, page), pages.length);
  const fields = pages[current - 1] ?? [];
  const paused = subs.filter((s) => s.status === 'paused').length;
  const embed = {
    title: `📬 Subscriptions: ${subs.length}${paused > 0 ? ` (${paused} paused)` : ''}`,
    description: 'Each has a short id: `/subscriptions test id:…`, `/subscriptions history id:…`, `/unsubscribe id:…`.',
    fields,
    color: BRAND_COLOR,
    ...(pages.length > 1 ? { footer: { text: `Page ${current} of ${pages.length}` } } : {}),
  };
  if (embedCharacters(embed) > L.total) throw new RangeError('renderSubscriptionList: a page overflowed');
  if (pages.length === 1) return { embeds: [embed], components: [] };
  // Ids stay unique when both are disabled: pages p−1 (or 1) and p+1.
  const previous = actionButton('◀ Previous', { kind: 'subscription-page', page: Math.max(current - 1, 1) }, STYLE.secondary, current <= 1);
  const next = actionButton('Next ▶', { kind: 'subscription-page', page: current + 1 }, STYLE.secondary, current >= pages.length);
  return { embeds: [embed], components: [{ type: 1, components: [previous, next] }] };
}

/** One delivery of a subscription, as /subscriptions history shows it. */
export interface HistoryEntry {
  at: string;
  outcome: string;
  reason?: string;
  slugs: string[];
  /** A link to the message posted, when one was. */
  messageUrl?: string;
  test?: boolean;
}

function historyLine(entry: HistoryEntry): string {
  const what = entry.slugs.length === 0 ? '' : entry.slugs.length === 1 ? ` \`${entry.slugs[0]}\`` : ` ${entry.slugs.length} briefings`;
  const outcome =
    entry.outcome === 'posted'
      ? `${entry.test ? '🧪 test post' : 'posted'}${what}`
      : entry.outcome === 'skipped-empty'
        ? 'no new briefings: nothing posted'
        : entry.outcome === 'skipped-filtered'
          ? `${entry.slugs.length} off its topic: nothing posted`
          : `${entry.outcome.replace(/-/g, ' ')}${what}`;
  const reason = entry.reason ? `: ${escapeMarkdown(truncateText(entry.reason, REASON_MAX))}` : '';
  const link = entry.messageUrl ? ` · [message](${entry.messageUrl})` : '';
  return `${stamp(entry.at, 'f')} · ${outcome}${reason}${link}`;
}

/** /subscriptions history: the subscription and its last deliveries, newest first. */
export function renderSubscriptionHistory(sub: SubscriptionView, entries: readonly HistoryEntry[]): MessagePayload {
  const lines = entries.length === 0 ? ['Nothing delivered yet.'] : entries.map(historyLine);
  const description = truncateText([describeSubscription(sub), `Now: ${lastOutcomeInWords(sub)}`, '', ...lines].join('\n'), L.description);
  return { embeds: [{ title: `🧾 Deliveries of \`${sub.shortId}\``, description, color: BRAND_COLOR }], components: [] };
}
