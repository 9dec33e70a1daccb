import { Injectable } from '@nestjs/common';
import { contractOf, deliveryBatchJobId, Event, ServiceName } from '@crowdlink/contracts';
import { BullMqConnections } from '../bullmq-connections';
import { EVENT_BATCH_JOB_NAME, EventBatch } from '../inbox/inbox-job';
import { INBOX_JOB_OPTIONS } from '../messaging.constants';

/**
 * Puts events into the inbox queue of every service that consumes them: one job per consumer
 * carrying all of its events, so a pass of the relay costs Redis and each consumer one job, not
 * one per event (a job's own bookkeeping costs more than the event it carries).
 */
@Injectable()
export class OutboxDelivery {
  constructor(private readonly connections: BullMqConnections) {}

  async deliver(events: Event[]): Promise<void> {
    const eventsByConsumer = new Map<ServiceName, Event[]>();
    for (const event of events) {
      for (const consumer of contractOf(event.type).consumers) {
        const batch = eventsByConsumer.get(consumer) ?? [];
        batch.push(event);
        eventsByConsumer.set(consumer, batch);
      }
    }
    await Promise.all(
      [...eventsByConsumer].map(([consumer, batch]) =>
        this.connections.inboxOf(consumer).add(EVENT_BATCH_JOB_NAME, { events: batch } satisfies EventBatch, {
          ...INBOX_JOB_OPTIONS,
          jobId: deliveryBatchJobId(
            batch.map((event) => event.id),
            consumer,
          ),
        }),
      ),
    );
  }
}
