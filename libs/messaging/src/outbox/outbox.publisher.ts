import { Inject, Injectable } from '@nestjs/common';
import { contractOf, Event, EventPayload, EventType, ServiceName } from '@crowdlink/contracts';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { SERVICE_NAME } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';
import { payloadProblems } from '../event-validation';

export interface NewEvent<T extends EventType> {
  aggregateId: string;
  /** The aggregate's version after the change this event describes. */
  aggregateVersion: number;
  payload: EventPayload<T>;
}

/**
 * Records events in the service's outbox inside the caller's transaction: the state change
 * and its events commit or roll back together. The relay sends them on afterwards.
 */
@Injectable()
export class OutboxPublisher {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish<T extends EventType>(manager: EntityManager, type: T, event: NewEvent<T>): Promise<Event<T>> {
    const [envelope] = await this.publishAll(manager, type, [event]);
    return envelope!;
  }

  /** Several events of one type in one multi-row INSERT (a group commit's events). */
  async publishAll<T extends EventType>(manager: EntityManager, type: T, events: NewEvent<T>[]): Promise<Event<T>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Publishing ${type} outside a transaction would separate the event from its state change`);
    }
    const contract = contractOf(type);
    if (contract.producer !== this.service) {
      throw new Error(`${this.service} publishes ${type}, but the registry names ${contract.producer} as its producer`);
    }
    for (const event of events) {
      const problems = payloadProblems(type, event.payload);
      if (problems) throw new Error(`Refusing to publish an invalid ${type}: ${problems}`);
    }
    if (events.length === 0) return [];

    const occurredAt = this.clock.now().toISOString();
    const envelopes = events.map(
      (event) =>
        ({
          id: newId(),
          type,
          version: contract.version,
          occurredAt,
          producer: this.service,
          aggregateId: event.aggregateId,
          aggregateVersion: event.aggregateVersion,
          payload: event.payload,
        }) as unknown as Event<T>,
    );
    await manager.query(
      `INSERT INTO outbox (id, event_type, event_version, aggregate_id, aggregate_version, payload, occurred_at)
       SELECT id, $1, $2, aggregate_id, aggregate_version, payload, $3
         FROM unnest($4::uuid[], $5::uuid[], $6::bigint[], $7::jsonb[]) AS e(id, aggregate_id, aggregate_version, payload)`,
      [
        type,
        contract.version,
        occurredAt,
        envelopes.map((envelope) => envelope.id),
        events.map((event) => event.aggregateId),
        events.map((event) => event.aggregateVersion),
        events.map((event) => JSON.stringify(event.payload)),
      ],
    );
    return envelopes;
  }
}
