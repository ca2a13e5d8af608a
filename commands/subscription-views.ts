/** Subscriptions as the subscription commands show them: with their short id and next run. */
import type { SubscriptionService } from '../src/delivery/subscription-service.js';
import { subscriptionView } from '../src/delivery/subscription-rules.js';
import { UserFacingError } from '../src/discord/command-module.js';
import type { SubscriptionView } from '../src/render/subscription-messages.js';
import type { Subscription } from '../src/domain/subscription.schema.js';

export const viewOf = (sub: Subscription, nextRunAt?: Date): SubscriptionView => subscriptionView(sub, nextRunAt);

/** The guild's views, in the order they were made. */
export async function guildViews(service: SubscriptionService, guildId: string): Promise<SubscriptionView[]> {
  return (await service.list(guildId)).map(({ subscription, nextRunAt }) => viewOf(subscription, nextRunAt));
}

/** The subscription an `id:` option names, or a user-facing error saying how to find ids. */
export async function requireSubscription(service: SubscriptionService, guildId: string, shortId: string): Promise<Subscription> {
  const found = await service.find(guildId, shortId);
  if (!found.ok) throw new UserFacingError(found.problem);
  return found.subscription;
}
