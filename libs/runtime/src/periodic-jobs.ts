import type { Logger } from '@kasa/log';

/** Work a service does on its own, every so often (reconciling with a provider, say). */
export interface PeriodicJob {
  name: string;
  /** The pause between the end of one run and the start of the next, in milliseconds. */
  everyMs: number;
  run(): Promise<void>;
}

export interface RunningJobs {
  /** No new run starts; resolves once the runs under way have ended. */
  stop(): Promise<void>;
}

/**
 * Runs each job after `everyMs`, then again `everyMs` after each run ends, so a slow run never
 * overlaps the next. A failed run is logged and the job goes on. Several instances of a
 * service each run their jobs: a job must be safe to run twice at once.
 */
export function startJobs(jobs: readonly PeriodicJob[], logger: Logger): RunningJobs {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const schedule = (job: PeriodicJob) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = job
        .run()
        .catch((error: unknown) => logger.error({ err: error, job: job.name }, 'periodic job failed'))
        .finally(() => {
          running.delete(run);
          schedule(job);
        });
      running.add(run);
    }, job.everyMs);
    timers.add(timer);
  };
  for (const job of jobs) schedule(job);
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
