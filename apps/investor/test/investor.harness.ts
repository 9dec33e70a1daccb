import { EventPayload, EventType } from '@crowdlink/contracts';
import { Clock } from '@crowdlink/domain';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Actor, Answer, call, loginAdmin, registerActor } from '../../../test/support/api-client';
import { publishFrom, queryWorld } from '../../../test/support/backbone';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { pledgeService } from '../../pledge/src/pledge.definition';
import { investorService } from '../src/investor.definition';

/*
 * What the investor integration specs share: a world with the gateway (to register users
 * and mint real tokens), the investor service (on a clock of the test's choosing) and the
 * pledge service (to publish pledge events through the real backbone and to keep the
 * eligibility projection), an HTTP caller, and small factories.
 */

export interface Harness {
  world: TestWorld;
  gateway: RunningService;
  investor: RunningService;
  pledge: RunningService;
  admin: Actor;
  close(): Promise<void>;
}

export const DAY_MS = 24 * 3600 * 1000;

export async function startHarness(options: { clock?: Clock } = {}): Promise<Harness> {
  const world = await createTestWorld();
  const gateway = await startTestService(gatewayService, world);
  const investor = await startTestService(investorService, world, { clock: options.clock });
  const pledge = await startTestService(pledgeService, world);
  const admin = await loginAdmin(gateway);
  return {
    world,
    gateway,
    investor,
    pledge,
    admin,
    close: async () => {
      await pledge.close();
      await investor.close();
      await gateway.close();
    },
  };
}

/** Registers a user through the gateway; an investor's record is awaited (it comes from user.registered). */
export async function register(h: Harness, role: 'founder' | 'investor'): Promise<Actor> {
  const actor = await registerActor(h.gateway, role);
  if (role === 'investor') {
    await eventually(async () => expect((await call(h.investor, 'GET', '/v1/investors/me', actor)).status).toBe(200));
  }
  return actor;
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
export function publishFromPledge<T extends EventType>(
  h: Harness,
  type: T,
  aggregateId: string,
  aggregateVersion: number,
  payload: EventPayload<T>,
): Promise<void> {
  return publishFrom(h.pledge, type, aggregateId, aggregateVersion, payload);
}

export function query<T>(h: Harness, sql: string, params: unknown[] = []): Promise<T[]> {
  return queryWorld<T>(h.world, sql, params);
}

export { call, expectError, fieldsIn } from '../../../test/support/api-client';
export type { Actor, Answer, ErrorBody } from '../../../test/support/api-client';
