import { Inject, Injectable } from '@nestjs/common';
import { contractOf, Event, EventPayload, EventType, ServiceName } from '@crowdlink/contracts';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { SERVICE_NAME, SqlParams } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';
import { payloadProblems } from '../event-validation';
import { OutboxCommits } from './outbox-commits';

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
    private readonly commits: OutboxCommits,
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
    const params = new SqlParams();
    const { sql, envelopes } = this.insertOf(manager, params, events);
    if (envelopes.length > 0) await manager.query(sql, params.values);
    return envelopes;
  }

  /**
   * The outbox INSERT of `events`, for a caller that runs it as one part of a
   * larger statement in its transaction (`manager`'s): the events commit or roll back with the
   * rest of that statement, as with publishMany.
   */
  insertOf(manager: EntityManager, params: SqlParams, events: TypedNewEvent[]): { sql: string; envelopes: Event[] } {
    const envelopes = this.envelopesOf(manager, events);
    if (envelopes.length > 0) this.commits.wrote(manager);
    const sql = `INSERT INTO outbox (id, event_type, event_version, aggregate_id, aggregate_version, payload, occurred_at)
       SELECT id, event_type, event_version, aggregate_id, aggregate_version, payload, ${params.add(envelopes[0]?.occurredAt, 'timestamptz')}
         FROM ${params.unnest(envelopes, 'e', {
           id: [(e) => e.id, 'uuid[]'],
           event_type: [(e) => e.type, 'text[]'],
           event_version: [(e) => e.version, 'int[]'],
           aggregate_id: [(e) => e.aggregateId, 'uuid[]'],
           aggregate_version: [(e) => e.aggregateVersion, 'bigint[]'],
           payload: [(e) => JSON.stringify(e.payload), 'jsonb[]'],
         })}`;
    return { sql, envelopes };
  }

  /** Checks that the events may be published here, now, and gives each its envelope. */
  private envelopesOf(manager: EntityManager, events: TypedNewEvent[]): Event[] {
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
    const occurredAt = this.clock.now().toISOString();
    return events.map(
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
  }
}
