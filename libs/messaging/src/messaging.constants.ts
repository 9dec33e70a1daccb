import { JobsOptions } from 'bullmq';

/** The first retry of an event whose handler threw waits this long; each next one twice as long. */
export const INBOX_RETRY_DELAY_MS = 1000;

/** How an inbox job is retried when its handler throws (a database hiccup, a deadlock). */
export const INBOX_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: INBOX_RETRY_DELAY_MS },
  // completed jobs stay a day so a re-publish within it is dropped by BullMQ's job id
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Dead letters are kept until someone looks at them. */
export const DEAD_LETTER_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: false,
  removeOnFail: false,
};

/**
 * How soon a relay that just sent a partial batch looks again: events are flowing, so more
 * are likely, and waiting the idle OUTBOX_POLL_INTERVAL_MS would add to every event's lag.
 * Not sooner: a pass costs a transaction and a job per consumer whatever it carries, and one
 * that finds nothing costs its transaction all the same. At 20 ms rather than 5, a pass
 * carries what the commits of the last 20 ms wrote (bench:pledge: ~40 % fewer BullMQ jobs,
 * 5–19 % more pledges/s), for ~15 ms more lag (bench:events (c): p50 12 → 28 ms, p99 47 →
 * 70 ms, against a target of 250).
 */
export const OUTBOX_FLOWING_POLL_MS = 20;

/** Outbox rows that Redis refused are retried after min(60 s, 0.5 s × 2^attempts). */
export const OUTBOX_RETRY_BASE_SECONDS = 0.5;
export const OUTBOX_RETRY_MAX_SECONDS = 60;

/** Sent outbox rows and handled inbox ids are swept after these many days, once an hour. */
export const OUTBOX_RETENTION_DAYS = 7;
export const INBOX_RETENTION_DAYS = 30;
export const JANITOR_INTERVAL_MS = 3600_000;

/**
 * Group commit in the inbox: at most this many events share a transaction, and at most this
 * many such transactions run at once per worker. Handlers are database work in the given
 * transaction only (no network calls), so a group finishes quickly.
 */
export const INBOX_MAX_GROUP_SIZE = 64;
export const INBOX_TRANSACTIONS_IN_FLIGHT = 2;
