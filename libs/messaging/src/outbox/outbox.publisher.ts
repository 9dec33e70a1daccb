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

/** A NewEvent that names its type, for publishing events of several types at once. */
export type TypedNewEvent = { [T in EventType]: NewEvent<T> & { type: T } }[EventType];

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
    return (await this.publishMany(
      manager,
      events.map((event) => ({ type, ...event }) as TypedNewEvent),
    )) as Event<T>[];
  }

  /** Events of any types in one multi-row INSERT, in the given order. */
  async publishMany(manager: EntityManager, events: TypedNewEvent[]): Promise<Event[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Publishing events outside a transaction would separate them from their state change`);
    }
    for (const { type, payload } of events) {
      const contract = contractOf(type);
      if (contract.producer !== this.service) {
        throw new Error(
          `${this.service} publishes ${type}, but the registry names ${contract.producer} as its producer`,
        );
      }
      const problems = payloadProblems(type, payload);
      if (problems) throw new Error(`Refusing to publish an invalid ${type}: ${problems}`);
    }
    if (events.length === 0) return [];

    const occurredAt = this.clock.now().toISOString();
    const envelopes = events.map(
      ({ type, aggregateId, aggregateVersion, payload }) =>
        ({
          id: newId(),
          type,
          version: contractOf(type).version,
          occurredAt,
          producer: this.service,
          aggregateId,
          aggregateVersion,
          payload,
        }) as unknown as Event,
    );
    await manager.query(
      `INSERT INTO outbox (id, event_type, event_version, aggregate_id, aggregate_version, payload, occurred_at)
       SELECT id, event_type, event_version, aggregate_id, aggregate_version, payload, $1
         FROM unnest($2::uuid[], $3::text[], $4::int[], $5::uuid[], $6::bigint[], $7::jsonb[])
           AS e(id, event_type, event_version, aggregate_id, aggregate_version, payload)`,
      [
        occurredAt,
        envelopes.map((envelope) => envelope.id),
        envelopes.map((envelope) => envelope.type),
        envelopes.map((envelope) => envelope.version),
        envelopes.map((envelope) => envelope.aggregateId),
        envelopes.map((envelope) => envelope.aggregateVersion),
        envelopes.map((envelope) => JSON.stringify(envelope.payload)),
      ],
    );
    return envelopes;
  }
}
