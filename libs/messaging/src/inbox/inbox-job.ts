import { Event } from '@crowdlink/contracts';
import { Job } from 'bullmq';

/**
 * The name of a job that carries a batch of events: what the relay sends each consuming
 * service per pass. (A job named by an event type carries that one event: an event retried
 * on its own.) Event types all hold a dot, so the two never meet.
 */
export const EVENT_BATCH_JOB_NAME = 'events';

export interface EventBatch {
  events: Event[];
}

/** The events an inbox job carries, unchecked: the consumer validates each. */
export function eventsOf(job: Job): unknown[] {
  return eventsCarried(job.name, job.data);
}

/** The events under a job's name and data (a job's, or a dead letter's copy of them), unchecked. */
export function eventsCarried(name: string, data: unknown): unknown[] {
  const events = (data as Partial<EventBatch> | null | undefined)?.events;
  return name === EVENT_BATCH_JOB_NAME && Array.isArray(events) ? events : [data];
}

/** An event's type as it says it, before validation: `unknown` when it names none. */
export function rawEventType(raw: unknown): string {
  const type = (raw as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' ? type : 'unknown';
}
