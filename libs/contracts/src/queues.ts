import { createHash } from 'node:crypto';
import { ServiceName } from './services';

/*
 * Queue names are part of the data in Redis: renaming one strands the jobs already in it.
 * Never rename; add a new name and drain the old queue instead.
 */

/** Where every event a service consumes is delivered: one inbox queue per consuming service. */
export function inboxQueueName(service: ServiceName): string {
  return `${service}.inbox`;
}

/** Where a service parks the events it could not handle, each with its reason. */
export function deadLetterQueueName(service: ServiceName): string {
  return `${service}.dead-letter`;
}

/**
 * The deterministic BullMQ job id of one event for one consumer, so a re-publish of the
 * same outbox row is a no-op while the job is still in Redis. (The consumer's inbox table
 * is the real guard: BullMQ forgets ids once jobs are removed.)
 */
export function deliveryJobId(eventId: string, consumer: ServiceName): string {
  return `${consumer}.${eventId}`;
}

/**
 * The deterministic BullMQ job id of a batch of events for one consumer: a relay that sends
 * the same outbox rows again (it died before marking them sent) adds a job Redis already has.
 */
export function deliveryBatchJobId(eventIds: readonly string[], consumer: ServiceName): string {
  const digest = createHash('sha256').update(eventIds.join(',')).digest('base64url');
  return `${consumer}.batch.${digest}`;
}

/** project-listing's delayed jobs that open approved projects at their `opensAt`. */
export const PROJECT_GO_LIVE_QUEUE = 'project-listing.go-live';

/** pledge's repeatable settlement sweep: closes campaigns due at `closesAt`, resumes settlements. */
export const CAMPAIGN_CLOSE_QUEUE = 'pledge.campaign-close';

/** pledge's rate-limited off-session charges at a campaign's close (Stripe allows ~25/s). */
export const SETTLEMENT_CHARGE_QUEUE = 'pledge.settlement-charges';

/** pledge's delayed jobs that end a soft-declined pledge's fix window. */
export const PAYMENT_FIX_WINDOW_QUEUE = 'pledge.payment-fix-window';

/** pledge's delayed jobs that cancel pledges not reconfirmed after a material change. */
export const RECONFIRMATION_DEADLINE_QUEUE = 'pledge.reconfirmation-deadline';

/** loan-linkage's daily repeatable job: overdue instalments, defaults. */
export const LOAN_SERVICING_QUEUE = 'loan-linkage.servicing';
