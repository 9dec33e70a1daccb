import { Injectable } from '@nestjs/common';
import { contractOf, deliveryJobId, Event, ServiceName } from '@crowdlink/contracts';
import { BullMqConnections } from '../bullmq-connections';
import { INBOX_JOB_OPTIONS } from '../messaging.constants';

/** Puts events into the inbox queue of every service that consumes them. */
@Injectable()
export class OutboxDelivery {
  constructor(private readonly connections: BullMqConnections) {}

  async deliver(events: Event[]): Promise<void> {
    const jobsByConsumer = new Map<ServiceName, { name: string; data: Event; opts: typeof INBOX_JOB_OPTIONS }[]>();
    for (const event of events) {
      for (const consumer of contractOf(event.type).consumers) {
        const jobs = jobsByConsumer.get(consumer) ?? [];
        jobs.push({
          name: event.type,
          data: event,
          opts: { ...INBOX_JOB_OPTIONS, jobId: deliveryJobId(event.id, consumer) },
        });
        jobsByConsumer.set(consumer, jobs);
      }
    }
    await Promise.all([...jobsByConsumer].map(([consumer, jobs]) => this.connections.inboxOf(consumer).addBulk(jobs)));
  }
}
