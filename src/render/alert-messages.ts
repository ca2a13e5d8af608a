/**
 * Alerts for a server's admins, posted in the channel `/alerts` named: what needs someone to act
 * (a rejected file, a paused or removed subscription, deliveries failing again and again, a lost
 * permission). Each says what happened and what to do.
 */
import { ERROR_COLOR, BRAND_COLOR, type MessagePayload } from './message-payload.js';
import { escapeMarkdown } from './safe-text.js';
import { truncateText } from './truncate-text.js';
import { MESSAGE_LIMITS as L } from './discord-limits.js';

/** What an alert is about; the title says it at a glance. */
export type AlertKind = 'rejected-file' | 'publish-failed' | 'paused' | 'removed' | 'failing' | 'permission-lost';

const TITLES: Record<AlertKind, string> = {
  'rejected-file': '⚠️ A briefing file was rejected',
  'publish-failed': '⚠️ A /publish upload was refused',
  paused: '⏸️ A subscription was paused',
  removed: '🗑️ A subscription was removed',
  failing: '🔁 Deliveries keep failing',
  'permission-lost': '🔒 The bot lost a permission',
};

/** An alert: its kind, its lines (`file:line: problem` lines are shown as code). */
export function renderAlert(kind: AlertKind, text: string, problemLines: readonly string[] = []): MessagePayload {
  const problems = problemLines.length > 0 ? `\n\`\`\`\n${problemLines.map((l) => l.replace(/```/g, "'''")).join('\n')}\n\`\`\`` : '';
  const description = truncateText(`${text}${problems}`, L.description);
  return { embeds: [{ title: TITLES[kind], description, color: ERROR_COLOR }], components: [] };
}

/** The /alerts answer. */
export function renderAlertsSet(channelId: string): MessagePayload {
  const text = `✅ Alerts for this server now go to <#${channelId}>: rejected briefing files and /publish uploads, subscriptions paused or removed, deliveries failing again and again, and lost permissions. Each alert is posted once.`;
  return { embeds: [{ description: text, color: BRAND_COLOR }], components: [] };
}

/** A file name as alert text shows it. */
export const fileName = (name: string): string => `\`${escapeMarkdown(name).replace(/`/g, "'")}\``;
