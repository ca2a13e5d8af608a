import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';

describe('Scheduler.lastTickAt (the readiness check of the HTTP port)', () => {
  it('given no job run yet, then it is undefined; after simulated minutes, it is the last minute a job started', async () => {
    const clock = new ManualClock('2026-11-25T08:00:30.000Z');
    const scheduler = new Scheduler([{ name: 'deliver', pattern: '* * * * *', run: async () => undefined }], clock, silentLogger());
    expect(scheduler.lastTickAt).toBeUndefined();
    await scheduler.advance(clock, 3 * 60_000);
    expect(scheduler.lastTickAt?.toISOString()).toBe('2026-11-25T08:03:00.000Z');
    await scheduler.stop();
  });
});
