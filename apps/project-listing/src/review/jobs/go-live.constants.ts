import { JobsOptions } from 'bullmq';

/** The one job of the go-live queue: opening one approved project. */
export const GO_LIVE_JOB = 'GoLiveJob';

export interface GoLiveJobData {
  projectId: string;
}

/**
 * One job per project, whoever schedules it and however often: a second add while the
 * first is still in Redis is a no-op. (The conditional UPDATE is the real guard.)
 */
export function goLiveJobId(projectId: string): string {
  return `go-live.${projectId}`;
}

/** Retried when the database hiccups; kept a while after completion so re-scheduling stays a no-op. */
export const GO_LIVE_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export const GO_LIVE_CONCURRENCY = 4;
