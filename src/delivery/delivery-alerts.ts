/**
 * What delivery tells admins (issue 16): the permission pre-check before each post, and the
 * alert a failure deserves (paused, removed, failing again and again, a lost permission).
 */
import { describeSubscription } from '../render/subscription-messages.js';
import type { DeliveryOutcome, Subscription } from '../domain/subscription.schema.js';
import type { Alert } from './alerts.js';
import { MissingPermissionsFailure, type Poster } from './poster.js';
import { subscriptionView } from './subscription-rules.js';

/** Retries in a row after which an admin is told (once per run of failures). */
export const FAILING_ALERT_AFTER = 3;

/** Throws a MissingPermissionsFailure when the cached permissions lack what the post needs. */
export function checkPermissionsBeforePosting(poster: Poster, sub: Subscription): void {
  const missing = poster.missingPermissions(sub.channelId, { kind: sub.pending?.kind ?? sub.mode, mentionEveryone: sub.mentionEveryone !== undefined });
  if (missing.length > 0) throw new MissingPermissionsFailure(missing);
}

/**
 * The alert for a failed delivery, or undefined when it needs nobody yet. `before` is the
 * subscription as it was, `after` as the failure left it (undefined once removed).
 */
export function alertForFailure(before: Subscription, after: Subscription | undefined, error: unknown, outcome: DeliveryOutcome, reason: string, at: string): Alert | undefined {
  const what = describeSubscription(subscriptionView(before));
  const guildId = before.guildId;
  if (error instanceof MissingPermissionsFailure) {
    return {
      key: `permission:${before.id}:${at}`,
      kind: 'permission-lost',
      guildId,
      text: `The bot is missing **${error.missing.join(', ')}** in <#${before.channelId}>, so ${what} is paused. Grant ${error.missing.length === 1 ? 'it' : 'them'} there, then run \`/subscribe\` again to resume: nothing is lost, what was missed is delivered.`,
    };
  }
  if (outcome.startsWith('paused')) {
    return { key: `paused:${before.id}:${at}`, kind: 'paused', guildId, text: `Paused ${what}: ${reason}. Fix the bot's permissions in <#${before.channelId}>, then run \`/subscribe\` again.` };
  }
  if (outcome === 'removed-unknown-channel') return { key: `removed:${before.id}`, kind: 'removed', guildId, text: `Removed ${what}: ${reason}.` };
  const attempts = after?.retry?.attempts ?? 0;
  if (outcome === 'retrying' && attempts === FAILING_ALERT_AFTER) {
    return {
      key: `failing:${before.id}:${at}`,
      kind: 'failing',
      guildId,
      text: `${what} has failed ${attempts} times in a row (${reason}). The bot keeps retrying, up to once an hour; nothing is lost.`,
    };
  }
  if (outcome === 'failed') return { key: `failed:${before.id}:${at}`, kind: 'failing', guildId, text: `Discord refused a post of ${what}: ${reason}. That post was skipped; later ones are still delivered.` };
  return undefined;
}
