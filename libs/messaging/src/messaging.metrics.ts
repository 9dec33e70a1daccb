import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { eventTypesConsumedBy, ServiceName } from '@crowdlink/contracts';
import { METRICS_REGISTRY, SERVICE_NAME } from '@crowdlink/platform';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { BullMqConnections } from './bullmq-connections';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

@Injectable()
export class MessagingMetrics {
  readonly published: Counter<'type'>;
  readonly consumed: Counter<'type'>;
  readonly duplicates: Counter<'type'>;
  readonly failed: Counter<'type' | 'reason'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @InjectDataSource() dataSource: DataSource,
    connections: BullMqConnections,
    @Inject(SERVICE_NAME) service: ServiceName,
  ) {
    const registers = [registry];
    this.published = new Counter({
      name: 'events_published_total',
      help: 'Events relayed from the outbox to BullMQ',
      labelNames: ['type'],
      registers,
    });
    this.consumed = new Counter({
      name: 'events_consumed_total',
      help: 'Events whose effect this service committed',
      labelNames: ['type'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'events_duplicate_total',
      help: 'Redelivered events skipped by the inbox',
      labelNames: ['type'],
      registers,
    });
    this.failed = new Counter({
      name: 'events_failed_total',
      help: "Events that failed: invalid (dead-lettered at once), error (will retry), exhausted or stalled (given up: a lone event dead-lettered, a batch's events retried alone)",
      labelNames: ['type', 'reason'],
      registers,
    });
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows not yet relayed',
      registers,
      async collect() {
        const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
        this.set(row.n);
      },
    });
    const consumes = eventTypesConsumedBy(service).length > 0;
    new Gauge({
      name: 'queue_depth',
      help: "Jobs in this service's inbox and dead-letter queues, by state",
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        if (!consumes) return;
        for (const queue of [connections.inboxOf(service), connections.deadLetterOf(service)]) {
          const counts = await queue.getJobCounts(...JOB_STATES).catch(() => undefined);
          if (!counts) continue;
          for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }
}
