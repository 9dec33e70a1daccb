import { JobsOptions } from 'bullmq';

/** The one job of the servicing queue: a pass over every disbursed loan. */
export const SERVICING_JOB = 'LoanServicingJob';

/** One scheduler, whichever replica starts it: upserting it again only updates its interval. */
export const SERVICING_SCHEDULER_ID = 'loan-servicing.daily';

export const SERVICING_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 90 * 24 * 3600 },
};
