import { Event, EventType } from '@crowdlink/contracts';
import { ServiceName } from '@crowdlink/contracts';

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  event_type: EventType;
  event_version: number;
  aggregate_id: string;
  aggregate_version: string;
  payload: unknown;
  occurred_at: Date;
}

export function envelopeOf(row: OutboxRow, producer: ServiceName): Event {
  return {
    id: row.id,
    type: row.event_type,
    version: row.event_version,
    occurredAt: row.occurred_at.toISOString(),
    producer,
    aggregateId: row.aggregate_id,
    aggregateVersion: Number(row.aggregate_version),
    payload: row.payload,
  } as Event;
}
