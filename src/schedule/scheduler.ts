/**
 * Runs the periodic jobs (polling the inbox, delivering what is due) on node-cron in real time,
 * or step by step through simulated time for the sandbox's `@advance` and for tests: each
 * simulated minute runs exactly the jobs whose cron pattern matches it, as node-cron would have.
 * Each run is isolated: an error is logged and the next run goes ahead.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { AdvanceableClock, Clock } from '../domain/clock.js';
import type { Logger } from '../log.js';

export interface Job {
  name: string;
  /** A node-cron pattern (with seconds when it has six fields). */
  pattern: string;
  /** May be called again before an earlier call has finished: the job guards its own work. */
  run(now: Date): Promise<unknown>;
}

const MINUTE = 60_000;

/** A cron pattern for "every N seconds" (N from 1 to 3600). */
export function everySeconds(seconds: number): string {
  if (seconds < 60) return `*/${seconds} * * * * *`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes >= 60 ? '0 * * * *' : `*/${minutes} * * * *`;
}

export class Scheduler {
  readonly #jobs: { job: Job; matcher: ScheduledTask }[];
  readonly #clock: Clock;
  readonly #logger: Logger;
  #live: ScheduledTask[] = [];
  readonly #running = new Set<Promise<void>>();
  #lastTickAt: Date | undefined;

  constructor(jobs: Job[], clock: Clock, logger: Logger) {
    this.#clock = clock;
    this.#logger = logger;
    // Tasks created but never started: used only to ask whether a pattern matches a moment.
    this.#jobs = jobs.map((job) => ({ job, matcher: cron.createTask(job.pattern, () => undefined, { name: `${job.name}-matcher` }) }));
  }

  /** Starts the real-time schedule. */
  start(): void {
    // No noOverlap: it would skip every run while one is still busy, so a single post hanging on a
    // slow channel would hold up delivery everywhere. The jobs guard their own work instead (the
    // inbox shares a poll in progress; delivery skips subscriptions already being delivered).
    this.#live = this.#jobs.map(({ job }) => cron.schedule(job.pattern, () => this.runJob(job), { name: job.name }));
  }

  /** Runs every job once now (at start-up: what was missed while the bot was down). */
  async runAll(): Promise<void> {
    for (const { job } of this.#jobs) await this.runJob(job);
  }

  /** When a job last started (the HTTP port's readiness check: is the schedule alive?). */
  get lastTickAt(): Date | undefined {
    return this.#lastTickAt;
  }

  /** Runs one job, logging rather than throwing. */
  runJob(job: Job): Promise<void> {
    this.#lastTickAt = this.#clock.now();
    const work = job
      .run(this.#lastTickAt)
      .then(() => undefined)
      .catch((error: unknown) => this.#logger.error({ err: error, job: job.name }, 'scheduled job failed'))
      .finally(() => this.#running.delete(work));
    this.#running.add(work);
    return work;
  }

  /**
   * Simulated time: moves `clock` forward by `ms`, minute by minute, running at each minute the
   * jobs whose pattern matches it.
   */
  async advance(clock: AdvanceableClock, ms: number): Promise<void> {
    const end = clock.now().getTime() + ms;
    let next = Math.floor(clock.now().getTime() / MINUTE) * MINUTE + MINUTE;
    while (next <= end) {
      clock.advance(next - clock.now().getTime());
      const at = new Date(next);
      for (const { job, matcher } of this.#jobs) if (matcher.match(at)) await this.runJob(job);
      next += MINUTE;
    }
    clock.advance(Math.max(0, end - clock.now().getTime()));
  }

  /** Resolves once no job is running. */
  async whenIdle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async stop(): Promise<void> {
    for (const task of this.#live) await task.destroy();
    for (const { matcher } of this.#jobs) await matcher.destroy();
    this.#live = [];
    await this.whenIdle();
  }
}
