/** What a failed delivery alerts, and the pre-check's verdict: pure, with a Poster that only answers permissions. */
import { describe, expect, it } from 'vitest';
import { alertForFailure, checkPermissionsBeforePosting, FAILING_ALERT_AFTER } from '../../src/delivery/delivery-alerts.js';
import { MissingPermissionsFailure, PostFailure, type Poster } from '../../src/delivery/poster.js';
import type { Subscription } from '../../src/domain/subscription.schema.js';

const sub: Subscription = {
  id: 'abcdef12-0000-4000-8000-000000000000',
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  createdInChannelId: '100000000000000003',
  createdBy: '100000000000000004',
  mode: 'new',
  time: '08:00',
  timezone: 'UTC',
  createdAt: '2026-11-25T09:00:00.000Z',
  status: 'active',
  cursorSeq: 0,
};
const AT = '2026-11-25T10:00:00.000Z';

const posterMissing = (missing: string[]): Poster => ({ missingPermissions: () => missing }) as unknown as Poster;

describe('given the cached permissions', () => {
  it('then nothing missing lets the post go, and View Channel missing is Missing Access', () => {
    expect(() => checkPermissionsBeforePosting(posterMissing([]), sub)).not.toThrow();
    expect(() => checkPermissionsBeforePosting(posterMissing(['Embed Links']), sub)).toThrow(MissingPermissionsFailure);
    try {
      checkPermissionsBeforePosting(posterMissing(['View Channel']), sub);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'missing-access', missing: ['View Channel'] });
    }
  });
});

describe('given a failure', () => {
  it('then a lost permission names it, keyed by the moment, so it alerts once', () => {
    const alert = alertForFailure(sub, { ...sub, status: 'paused' }, new MissingPermissionsFailure(['Embed Links']), 'paused-missing-permissions', 'x', AT);
    expect(alert).toMatchObject({ kind: 'permission-lost', guildId: sub.guildId, key: `permission:${sub.id}:${AT}` });
    expect(alert?.text).toContain('missing **Embed Links** in <#100000000000000002>');
  });

  it('then retries alert only on the third in a row, and a plain retry not at all', () => {
    const error = new PostFailure('transient', 'Discord answered 500');
    const after = (attempts: number): Subscription => ({ ...sub, retry: { attempts, nextAttemptAt: AT, reason: 'x' } });
    expect([1, 2, 3, 4, 5].map((n) => alertForFailure(sub, after(n), error, 'retrying', 'x', AT)?.kind)).toEqual([undefined, undefined, 'failing', undefined, undefined]);
    expect(FAILING_ALERT_AFTER).toBe(3);
  });

  it('then a removal is keyed by the subscription alone', () => {
    expect(alertForFailure(sub, undefined, new PostFailure('unknown-channel', 'gone'), 'removed-unknown-channel', 'gone', AT)).toMatchObject({ kind: 'removed', key: `removed:${sub.id}` });
  });
});
