/**
 * Messages about subscriptions: the /subscribe confirmation (with its test-post button), the
 * /unsubscribe answers, and the notices posted when a subscription is paused or removed. The
 * list and history pages are in subscription-list.ts.
 */
import { actionButton, STYLE } from './components.js';
import { BRAND_COLOR, ERROR_COLOR, type ApiActionRow, type MessagePayload } from './message-payload.js';
import { formatInZone } from './delivery-messages.js';
import { escapeMarkdown, oneLine } from './safe-text.js';
import { truncateText } from './truncate-text.js';

/** A subscription as these messages describe it. */
export interface SubscriptionView {
  /** The short id an admin types in `id:` options. */
  shortId: string;
  channelId: string;
  mode: 'new' | 'digest';
  time: string;
  timezone: string;
  topic?: string;
  excludeTopic?: string;
  mentionRoleId?: string;
  mentionEveryone?: 'everyone' | 'here';
  format?: 'card' | 'compact' | 'full';
  status: 'active' | 'paused';
  statusReason?: string;
  nextRunAt?: Date;
  lastDelivery?: { at: string; outcome: string; reason?: string };
}

const words = (text: string): string => truncateText(escapeMarkdown(oneLine(text)), 100);

/** "`a1b2c3` new briefings in #x about “chips”, not “taiwan”, pinging @Analysts, compact". */
export function describeSubscription(sub: SubscriptionView): string {
  const base = sub.mode === 'new' ? `new briefings in <#${sub.channelId}>` : `a daily digest in <#${sub.channelId}> at ${sub.time} (${sub.timezone})`;
  const topic = sub.topic ? ` about “${words(sub.topic)}”` : '';
  const exclude = sub.excludeTopic ? `${topic ? ',' : ''} not about “${words(sub.excludeTopic)}”` : '';
  const mention = sub.mentionEveryone ? `, pinging @${sub.mentionEveryone}` : sub.mentionRoleId ? `, pinging <@&${sub.mentionRoleId}>` : '';
  const format = sub.format && sub.format !== 'card' ? `, ${sub.format} posts` : '';
  return `\`${sub.shortId}\` ${base}${topic}${exclude}${mention}${format}`;
}

/** The button under a confirmation that posts a test of the subscription. */
export function testPostButton(shortId: string): ApiActionRow {
  return { type: 1, components: [actionButton('Send a test post', { kind: 'subscription-test', shortId }, STYLE.secondary)] };
}

/** The /subscribe answer: what was set up or updated, from when, and when it first runs. */
export function renderSubscribed(sub: SubscriptionView, options: { change: 'created' | 'updated' | 'resumed'; since: Date; owed?: number }): MessagePayload {
  const heading = { created: 'Subscribed', updated: 'Updated', resumed: 'Resumed' }[options.change];
  const from =
    options.change === 'resumed' && options.owed
      ? `${options.owed} ${options.owed === 1 ? 'briefing' : 'briefings'} published while it was paused will be posted.`
      : options.change === 'created'
        ? `It starts now (${formatInZone(options.since, sub.timezone)}): briefings already in the archive are not re-posted.`
        : 'It carries on from where it was: nothing already delivered is posted again.';
  const lines = [
    `✅ ${heading}: ${describeSubscription(sub)}.`,
    from,
    sub.mode === 'digest' && sub.nextRunAt
      ? `${options.change === 'created' ? 'First' : 'Next'} digest: ${formatInZone(sub.nextRunAt, sub.timezone)} (<t:${Math.floor(sub.nextRunAt.getTime() / 1000)}:R>).`
      : 'Each new briefing is posted as it arrives, with a thread for follow-up questions.',
    `Press **Send a test post** (or run \`/subscriptions test id:${sub.shortId}\`) to see what it will post.`,
  ];
  return { embeds: [{ description: lines.join('\n'), color: BRAND_COLOR }], components: [testPostButton(sub.shortId)] };
}

/** What `/unsubscribe channel:` would remove, with Confirm and Cancel. */
export function renderUnsubscribeConfirmation(subs: SubscriptionView[], channelId: string, mode: 'new' | 'digest' | 'all'): MessagePayload {
  if (subs.length === 0) return renderUnsubscribed([], channelId);
  const shown = subs.slice(0, 20).map((s) => `• ${describeSubscription(s)}`);
  if (subs.length > shown.length) shown.push(`…and ${subs.length - shown.length} more.`);
  const text = `Remove ${subs.length === 1 ? 'this subscription' : `these ${subs.length} subscriptions`} of <#${channelId}>?\n${shown.join('\n')}`;
  const confirm = actionButton('Remove', { kind: 'unsubscribe', decision: 'confirm', channelId, mode }, STYLE.danger);
  const cancel = actionButton('Keep', { kind: 'unsubscribe', decision: 'cancel', channelId, mode }, STYLE.secondary);
  return { embeds: [{ description: truncateText(text, 4000), color: BRAND_COLOR }], components: [{ type: 1, components: [confirm, cancel] }] };
}

export function renderUnsubscribed(removed: SubscriptionView[], channelId?: string): MessagePayload {
  const text =
    removed.length === 0
      ? channelId
        ? `There was no subscription for <#${channelId}> to remove.`
        : 'There was no subscription to remove.'
      : `Removed: ${removed.map((s) => describeSubscription(s)).join('; ')}.`;
  return { embeds: [{ description: truncateText(text, 4000), color: BRAND_COLOR }], components: [] };
}

/** Posted where a subscription was made when it stops working. */
export function renderSubscriptionNotice(sub: SubscriptionView, change: 'paused' | 'removed', reason: string): MessagePayload {
  const text =
    change === 'paused'
      ? `⏸️ Paused ${describeSubscription(sub)}: ${reason}. Fix the bot's permissions in that channel, then run \`/subscribe\` again to resume.`
      : `🗑️ Removed ${describeSubscription(sub)}: ${reason}.`;
  return { embeds: [{ description: text, color: ERROR_COLOR }], components: [] };
}
