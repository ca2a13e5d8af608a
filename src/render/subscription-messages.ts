/**
 * Messages about subscriptions: the /subscribe confirmation, the /subscriptions list, and the
 * notices posted when a subscription is paused or removed.
 */
import { BRAND_COLOR, ERROR_COLOR, type MessagePayload } from './message-payload.js';
import { formatInZone } from './delivery-messages.js';
import { escapeMarkdown, oneLine } from './safe-text.js';
import { truncateText } from './truncate-text.js';
import { layoutBlocks } from './embed-layout.js';

/** A subscription as these messages describe it. */
export interface SubscriptionView {
  channelId: string;
  mode: 'new' | 'digest';
  time: string;
  timezone: string;
  topic?: string;
  mentionRoleId?: string;
  status: 'active' | 'paused';
  statusReason?: string;
  nextRunAt?: Date;
  lastDelivery?: { at: string; outcome: string; reason?: string };
}

function what(sub: SubscriptionView): string {
  const base = sub.mode === 'new' ? `new briefings in <#${sub.channelId}>` : `a daily digest in <#${sub.channelId}> at ${sub.time} (${sub.timezone})`;
  const topic = sub.topic ? ` about “${truncateText(escapeMarkdown(oneLine(sub.topic)), 100)}”` : '';
  const mention = sub.mentionRoleId ? `, pinging <@&${sub.mentionRoleId}>` : '';
  return `${base}${topic}${mention}`;
}

/** The /subscribe answer: what was set up, from when, and when it first runs. */
export function renderSubscribed(sub: SubscriptionView, options: { resumed: boolean; since: Date; owed?: number }): MessagePayload {
  const lines = [
    `✅ ${options.resumed ? 'Resumed' : 'Subscribed'}: ${what(sub)}.`,
    options.resumed && options.owed
      ? `${options.owed} ${options.owed === 1 ? 'briefing' : 'briefings'} published while it was paused will be posted.`
      : `It starts now (${formatInZone(options.since, sub.timezone)}): briefings already in the archive are not re-posted.`,
    sub.mode === 'digest' && sub.nextRunAt
      ? `First digest: ${formatInZone(sub.nextRunAt, sub.timezone)} (<t:${Math.floor(sub.nextRunAt.getTime() / 1000)}:R>).`
      : 'Each new briefing is posted as it arrives, with a thread for follow-up questions.',
  ];
  return { embeds: [{ description: lines.join('\n'), color: BRAND_COLOR }], components: [] };
}

export function renderUnsubscribed(removed: SubscriptionView[], channelId: string): MessagePayload {
  const text =
    removed.length === 0
      ? `There was no subscription for <#${channelId}> to remove.`
      : `Removed: ${removed.map((s) => what(s)).join('; ')}.`;
  return { embeds: [{ description: text, color: BRAND_COLOR }], components: [] };
}

/** /subscriptions: each subscription with its next run and its last delivery or error. */
export function renderSubscriptionList(subs: SubscriptionView[]): MessagePayload[] {
  if (subs.length === 0) {
    return [{ embeds: [{ title: '📬 Subscriptions', description: 'This server has no subscriptions. Add one with `/subscribe`.', color: BRAND_COLOR }], components: [] }];
  }
  const fields = subs.map((sub, i) => {
    const state = sub.status === 'paused' ? `⏸️ Paused: ${escapeMarkdown(sub.statusReason ?? 'unknown reason')} (run /subscribe again to resume)` : '▶️ Active';
    const next = sub.nextRunAt ? `Next run: <t:${Math.floor(sub.nextRunAt.getTime() / 1000)}:f>` : sub.mode === 'new' ? 'Next run: when a briefing arrives' : '';
    const last = sub.lastDelivery
      ? `Last: ${sub.lastDelivery.outcome} <t:${Math.floor(new Date(sub.lastDelivery.at).getTime() / 1000)}:R>${sub.lastDelivery.reason ? `: ${escapeMarkdown(truncateText(sub.lastDelivery.reason, 200))}` : ''}`
      : 'Last: nothing delivered yet';
    return { name: `${i + 1}. ${sub.mode === 'new' ? 'New briefings' : 'Daily digest'}`, value: [what(sub), state, next, last].filter(Boolean).join('\n') };
  });
  return layoutBlocks([{ kind: 'fields', title: '📬 Subscriptions', fields }]);
}

/** Posted where a subscription was made when it stops working. */
export function renderSubscriptionNotice(sub: SubscriptionView, change: 'paused' | 'removed', reason: string): MessagePayload {
  const text =
    change === 'paused'
      ? `⏸️ Paused ${what(sub)}: ${reason}. Fix the bot's permissions in that channel, then run \`/subscribe\` again to resume.`
      : `🗑️ Removed ${what(sub)}: ${reason}.`;
  return { embeds: [{ description: text, color: ERROR_COLOR }], components: [] };
}
