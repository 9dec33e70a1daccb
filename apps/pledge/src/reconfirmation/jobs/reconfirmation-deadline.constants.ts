import { JobsOptions } from 'bullmq';

/** The one repeatable job of RECONFIRMATION_DEADLINE_QUEUE: cancels the pledges not reconfirmed in time. */
export const RECONFIRMATION_SWEEP_JOB = 'ReconfirmationSweepJob';
export const RECONFIRMATION_SWEEP_SCHEDULER_ID = 'reconfirmation-sweep';

/** How late after its deadline an unreconfirmed pledge may still count; the sweep is one indexed query when idle. */
export const RECONFIRMATION_SWEEP_EVERY_MS = 5_000;

export const RECONFIRMATION_SWEEP_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
};
