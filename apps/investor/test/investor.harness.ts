import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EventPayload, EventType } from '@crowdlink/contracts';
import { Clock } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { pledgeService } from '../../pledge/src/pledge.definition';
import { investorService } from '../src/investor.definition';

/*
 * What the investor integration specs share: a world with the gateway (to register users
 * and mint real tokens), the investor service (on a clock of the test's choosing) and the
 * pledge service (to publish pledge events through the real backbone and to keep the
 * eligibility projection), an HTTP caller, and small factories.
 */

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface Answer<T> {
  status: number;
  body: T;
}

export interface Actor {
  id: string;
  token: string;
}

export interface Harness {
  world: TestWorld;
  gateway: RunningService;
  investor: RunningService;
  pledge: RunningService;
  admin: Actor;
  close(): Promise<void>;
}

const DEFAULT_ADMIN = { email: 'admin@crowdlink.local', password: 'crowdlink-admin' };
export const DAY_MS = 24 * 3600 * 1000;

export async function startHarness(options: { clock?: Clock } = {}): Promise<Harness> {
  const world = await createTestWorld();
  const gateway = await startTestService(gatewayService, world);
  const investor = await startTestService(investorService, world, { clock: options.clock });
  const pledge = await startTestService(pledgeService, world);
  const login = await call<{ accessToken: string; user: { id: string } }>(gateway, 'POST', '/v1/auth/login', {
    body: DEFAULT_ADMIN,
  });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
  return {
    world,
    gateway,
    investor,
    pledge,
    admin: { id: login.body.user.id, token: login.body.accessToken },
    close: async () => {
      await pledge.close();
      await investor.close();
      await gateway.close();
    },
  };
}

export async function call<T = ErrorBody>(
  service: RunningService,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Registers a user through the gateway; an investor's record is awaited (it comes from user.registered). */
export async function register(h: Harness, role: 'founder' | 'investor'): Promise<Actor> {
  const answer = await call<{ user: { id: string }; accessToken: string }>(h.gateway, 'POST', '/v1/auth/register', {
    body: {
      email: `${role}.${randomBytes(6).toString('hex')}@example.com`,
      password: 'correct-horse-battery',
      role,
      displayName: `A ${role}`,
    },
  });
  if (answer.status !== 201) throw new Error(`register answered ${answer.status}`);
  const actor = { id: answer.body.user.id, token: answer.body.accessToken };
  if (role === 'investor') {
    await eventually(async () => expect((await call(h.investor, 'GET', '/v1/investors/me', actor)).status).toBe(200));
  }
  return actor;
}

/** An error answer in the api.md format, with the given status and code. */
export function expectError(answer: Answer<unknown>, status: number, code: string): void {
  const body = answer.body as ErrorBody | undefined;
  expect({ status: answer.status, code: body?.code }).toEqual({ status, code });
  expect(body).toMatchObject({ statusCode: status, message: expect.any(String) });
}

export function fieldsIn(answer: Answer<unknown>): string[] {
  return (((answer.body as ErrorBody).details ?? []) as { field: string }[]).map((detail) => detail.field);
}

/** A complete profile body (api.md PUT /v1/investors/me). */
export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'INDIVIDUAL',
    displayName: 'Ada Angel',
    country: 'US',
    currency: 'USD',
    annualIncome: 60_000_00,
    netWorth: 80_000_00,
    selfCertifiedAccredited: false,
    preferences: {
      sectors: ['robotics'],
      stages: ['SEED'],
      regions: ['California'],
      kinds: ['EQUITY'],
      ticketMin: 100_00,
      ticketMax: 5_000_00,
    },
    discoverable: true,
    ...overrides,
  };
}

export interface ProfileView {
  userId: string;
  kycStatus: string;
  version: number;
  knowledgeTest: { status: string; passedAt: string | null; validUntil: string | null };
  sophisticatedStatus: string;
  [field: string]: unknown;
}

export async function putProfile(
  h: Harness,
  investor: Actor,
  overrides: Record<string, unknown> = {},
): Promise<Answer<ProfileView>> {
  return call<ProfileView>(h.investor, 'PUT', '/v1/investors/me', {
    token: investor.token,
    body: profileBody(overrides),
  });
}

export async function profileOf(h: Harness, investor: Actor): Promise<ProfileView> {
  const answer = await call<ProfileView>(h.investor, 'GET', '/v1/investors/me', { token: investor.token });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Publishes an event from the pledge service through its outbox, as it will when it takes pledges. */
export async function publishFromPledge<T extends EventType>(
  h: Harness,
  type: T,
  aggregateId: string,
  aggregateVersion: number,
  payload: EventPayload<T>,
): Promise<void> {
  const publisher = h.pledge.app.get(OutboxPublisher);
  await h.pledge.app
    .get<DataSource>(getDataSourceToken())
    .transaction((manager) => publisher.publish(manager, type, { aggregateId, aggregateVersion, payload }));
}

export async function query<T>(h: Harness, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: h.world.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
