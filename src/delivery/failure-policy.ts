/**
 * Which outcome a failed post is logged as. What that outcome then does to the subscription
 * (retry, give up, pause, remove) is the domain's afterFailure (src/domain/delivery-progress.ts),
 * which every store applies inside its own write.
 */
import type { DeliveryOutcome } from '../domain/subscription.schema.js';
import { PostFailure } from './poster.js';

/** The outcome a failure is logged as; anything not classified is treated as passing (retried). */
export function outcomeOf(error: unknown): DeliveryOutcome {
  const kind = error instanceof PostFailure ? error.kind : 'transient';
  switch (kind) {
    case 'missing-access':
      return 'paused-missing-access';
    case 'missing-permissions':
      return 'paused-missing-permissions';
    case 'unknown-channel':
      return 'removed-unknown-channel';
    case 'transient':
      return 'retrying';
    case 'rejected':
      return 'failed';
  }
}
