import { JobsOptions } from 'bullmq';

/*
 * The settlement's three queues (names in @crowdlink/contracts): a repeatable sweep on
 * CAMPAIGN_CLOSE_QUEUE, the rate-limited charges, and the ends of fix windows. Every job id
 * is chosen here, and every job is safe to run twice: the database's conditional updates
 * are the real guards (BullMQ forgets ids once jobs are removed).
 */

/** The one repeatable job: closes campaigns due and moves every unfinished settlement on. */
export const SETTLEMENT_SWEEP_JOB = 'SettlementSweepJob';
export const SETTLEMENT_SWEEP_SCHEDULER_ID = 'settlement-sweep';
/** How late a campaign may close after its deadline, and how soon a crashed settlement resumes. */
export const SETTLEMENT_SWEEP_EVERY_MS = 2_000;

export const SETTLEMENT_SWEEP_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
};

export const CHARGE_JOB = 'SettlementChargeJob';

export interface ChargeJobData {
  projectId: string;
  pledgeId: string;
  attempt: number;
}

/** One job per charge attempt of a pledge, however often the close or the sweep asks for it. */
export function chargeJobId({ pledgeId, attempt }: Pick<ChargeJobData, 'pledgeId' | 'attempt'>): string {
  return `charge.${pledgeId}.${attempt}`;
}

/**
 * A network error leaves the outcome unknown: the job is retried with the same idempotency
 * key, so the provider answers what it did the first time. 12 tries over about two hours.
 */
export const CHARGE_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** A charge whose retries ran out is tried again by the sweep this long after it failed. */
export const EXHAUSTED_CHARGE_REVIVAL_MS = 15 * 60_000;

export const CHARGE_CONCURRENCY = 8;

/**
 * A worker killed mid-charge leaves its job active; another worker takes it over once the
 * lock lapses. Rerunning a charge is harmless (same key), so it may stall several times.
 */
export const CHARGE_LOCK_DURATION_MS = 10_000;
export const CHARGE_STALLED_INTERVAL_MS = 5_000;
export const CHARGE_MAX_STALLED_COUNT = 10;

export const FIX_WINDOW_END_JOB = 'PaymentFixWindowEndJob';

export interface FixWindowEndJobData {
  projectId: string;
  pledgeId: string;
}

export function fixWindowEndJobId(pledgeId: string): string {
  return `fix-window.${pledgeId}`;
}

export const FIX_WINDOW_END_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
