import { getDataSourceToken } from '@nestjs/typeorm';
import { EventPayload, EventType } from '@crowdlink/contracts';
import { OutboxPublisher } from '@crowdlink/messaging';
import { RunningService, TestWorld } from '@crowdlink/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Publishes an event through a running service's own outbox, as that service would. */
export async function publishFrom<T extends EventType>(
  service: RunningService,
  type: T,
  aggregateId: string,
  aggregateVersion: number,
  payload: EventPayload<T>,
): Promise<void> {
  const publisher = service.app.get(OutboxPublisher);
  await service.app
    .get<DataSource>(getDataSourceToken())
    .transaction((manager) => publisher.publish(manager, type, { aggregateId, aggregateVersion, payload }));
}

/** Reads the test world's database directly (schema-qualified SQL), for checks behind the API. */
export async function queryWorld<T>(world: TestWorld, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The closing figures of a `campaign.closed` payload that a test does not look at. */
export const closingFigures = {
  targetAmount: 10_000,
  investorCount: 1,
  platformFee: 0,
  payout: 0,
  closedAt: '2026-06-01T00:00:00.000Z',
};
