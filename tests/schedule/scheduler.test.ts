import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { createLogger } from '../../src/log.js';
import { everySeconds, Scheduler, type Job } from '../../src/schedule/scheduler.js';

/** A job that records the simulated minute (HH:MM) of each run. */
function recordingJob(name: string, pattern: string, runs: string[], work?: (now: Date) => Promise<void>): Job {
  return {
    name,
    pattern,
    run: async (now) => {
      runs.push(`${name}@${now.toISOString().slice(11, 16)}`);
      await work?.(now);
    },
  };
}

function memoryLogger(): { logger: ReturnType<typeof createLogger>; records: () => { msg: string; job?: string }[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as { msg: string; job?: string }) };
}

describe('given jobs on cron patterns and a simulated clock', () => {
  it('then advancing runs each job at exactly the minutes its pattern matches, in order', async () => {
    const clock = new ManualClock('2026-11-25T08:58:30.000Z');
    const runs: string[] = [];
    const scheduler = new Scheduler([recordingJob('every', '* * * * *', runs), recordingJob('five', '*/5 * * * *', runs)], clock, memoryLogger().logger);
    await scheduler.advance(clock, 7 * 60_000);
    expect(runs).toEqual(['every@08:59', 'every@09:00', 'five@09:00', 'every@09:01', 'every@09:02', 'every@09:03', 'every@09:04', 'every@09:05', 'five@09:05']);
    // The clock ends where it was asked to, not on a whole minute.
    expect(clock.now().toISOString()).toBe('2026-11-25T09:05:30.000Z');
    await scheduler.stop();
  });

  it('then advancing less than to the next minute runs nothing', async () => {
    const clock = new ManualClock('2026-11-25T09:00:00.000Z');
    const runs: string[] = [];
    const scheduler = new Scheduler([recordingJob('every', '* * * * *', runs)], clock, memoryLogger().logger);
    await scheduler.advance(clock, 59_999);
    expect(runs).toEqual([]);
    await scheduler.advance(clock, 1);
    expect(runs).toEqual(['every@09:01']);
    await scheduler.stop();
  });

  it('then a failing run is logged with its job name and the other jobs and later runs go ahead', async () => {
    const clock = new ManualClock('2026-11-25T09:00:00.000Z');
    const runs: string[] = [];
    const { logger, records } = memoryLogger();
    const failing = recordingJob('broken', '* * * * *', runs, () => Promise.reject(new Error('disk full')));
    const scheduler = new Scheduler([failing, recordingJob('fine', '* * * * *', runs)], clock, logger);
    await scheduler.advance(clock, 2 * 60_000);
    expect(runs).toEqual(['broken@09:01', 'fine@09:01', 'broken@09:02', 'fine@09:02']);
    expect(records().filter((r) => r.msg === 'scheduled job failed').map((r) => r.job)).toEqual(['broken', 'broken']);
    await scheduler.stop();
  });

  it('then runAll runs every job once at the current time, whatever its pattern', async () => {
    const clock = new ManualClock('2026-11-25T09:07:00.000Z');
    const runs: string[] = [];
    const scheduler = new Scheduler([recordingJob('every', '* * * * *', runs), recordingJob('hourly', '0 * * * *', runs)], clock, memoryLogger().logger);
    await scheduler.runAll();
    expect(runs).toEqual(['every@09:07', 'hourly@09:07']);
    await scheduler.stop();
  });

  it('then whenIdle waits for a run still in flight', async () => {
    const clock = new ManualClock('2026-11-25T09:00:00.000Z');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const slow: Job = { name: 'slow', pattern: '* * * * *', run: () => gate.then(() => (finished = true)) };
    const scheduler = new Scheduler([slow], clock, memoryLogger().logger);
    void scheduler.runJob(slow);
    let idle = false;
    const waiting = scheduler.whenIdle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(finished).toBe(true);
    await scheduler.stop();
  });
});

describe('given an interval in seconds for the inbox', () => {
  it('then it becomes a cron pattern: seconds under a minute, whole minutes above, hourly at most', () => {
    expect(everySeconds(30)).toBe('*/30 * * * * *');
    expect(everySeconds(60)).toBe('*/1 * * * *');
    expect(everySeconds(150)).toBe('*/3 * * * *');
    expect(everySeconds(3600)).toBe('0 * * * *');
  });
});
