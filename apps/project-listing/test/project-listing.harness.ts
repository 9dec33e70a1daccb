import { Jurisdiction } from '@crowdlink/compliance';
import { randomBytes } from 'node:crypto';
import { createTestWorld, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Actor, Answer, call, loginAdmin, registerActor } from '../../../test/support/api-client';
import { queryWorld } from '../../../test/support/backbone';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { projectListingService } from '../src/project-listing.definition';

/*
 * What the project-listing integration specs share: a world with the gateway (to register
 * users and mint real tokens) and project-listing, an HTTP caller, and small factories.
 */

export interface Harness {
  world: TestWorld;
  gateway: RunningService;
  listing: RunningService;
  admin: Actor;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;

export async function startHarness(): Promise<Harness> {
  const world = await createTestWorld();
  const gateway = await startTestService(gatewayService, world);
  const listing = await startTestService(projectListingService, world);
  const admin = await loginAdmin(gateway);
  return {
    world,
    gateway,
    listing,
    admin,
    close: async () => {
      await listing.close();
      await gateway.close();
    },
  };
}

/** Registers a founder or an investor through the gateway and keeps their token. */
export function register(harness: Harness, role: 'founder' | 'investor'): Promise<Actor> {
  return registerActor(harness.gateway, role);
}

export function companyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Lumen Robotics',
    registrationNumber: `REG-${randomBytes(4).toString('hex')}`,
    sector: 'robotics',
    region: 'California',
    description: 'Warehouse robots that fit in a van.',
    ...overrides,
  };
}

export async function createCompany(harness: Harness, founder: Actor): Promise<string> {
  const answer = await call<{ id: string }>(harness.listing, 'POST', '/v1/companies', {
    token: founder.token,
    body: companyBody(),
  });
  if (answer.status !== 201) throw new Error(`create company answered ${answer.status}`);
  return answer.body.id;
}

/** A complete US equity project opening tomorrow for 30 days: submittable as it is. */
export function projectBody(companyId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const opensAt = new Date(Date.now() + DAY_MS);
  return {
    companyId,
    kind: 'EQUITY',
    title: 'Series Seed',
    summary: 'Robots for every warehouse',
    description: 'We raise to build the second production line.',
    sector: 'robotics',
    stage: 'SEED',
    region: 'California',
    jurisdiction: 'US',
    currency: 'USD',
    targetAmount: 10_000_000,
    maxAmount: 20_000_000,
    minPledge: 10_000,
    opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
    fundingModel: 'ALL_OR_NOTHING',
    equity: { pricePerShare: 250, preMoneyValuation: 800_000_000, shareClass: 'Common' },
    ipAssets: [
      { type: 'INVENTION_PATENT', registryNumber: 'US 11,234,567', title: 'Gripper', owner: 'Lumen Robotics Inc.' },
    ],
    disclosures: { risks: 'You may lose it all.', useOfFunds: 'Production line.', financialSummary: 'Revenue 1.2M.' },
    ...overrides,
  };
}

/** A complete EU donation project with the given window (the EU states no minimum period). */
export function euDonationBody(companyId: string, opensAt: Date, closesAt: Date): Record<string, unknown> {
  return projectBody(companyId, {
    kind: 'DONATION',
    jurisdiction: 'EU',
    currency: 'EUR',
    fundingModel: 'KEEP_IT_ALL',
    equity: undefined,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  });
}

export interface ProjectView {
  id: string;
  status: string;
  version: number;
  ownerId: string;
  jurisdiction: Jurisdiction;
  ipAssets: { id: string; type: string; registryNumber: string; title: string; owner: string }[];
  rewards: { id: string; title: string; amount: number }[];
  funding: { raised: number; pledgeCount: number; percentOfTarget: number };
  [field: string]: unknown;
}

export async function createProject(
  harness: Harness,
  founder: Actor,
  body: Record<string, unknown>,
): Promise<ProjectView> {
  const answer = await call<ProjectView>(harness.listing, 'POST', '/v1/projects', { token: founder.token, body });
  if (answer.status !== 201)
    throw new Error(`create project answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function submit(harness: Harness, founder: Actor, id: string): Promise<Answer<ProjectView>> {
  return call<ProjectView>(harness.listing, 'POST', `/v1/projects/${id}/submit`, { token: founder.token });
}

export async function review(
  harness: Harness,
  id: string,
  decision: 'approve' | 'request_changes' | 'reject',
  notes = 'reviewed',
): Promise<Answer<ProjectView>> {
  return call<ProjectView>(harness.listing, 'POST', `/v1/projects/${id}/review`, {
    token: harness.admin.token,
    body: { decision, notes },
  });
}

/** Creates, submits and approves a project; it is APPROVED (or LIVE when it opened already). */
export async function approvedProject(
  harness: Harness,
  founder: Actor,
  body: Record<string, unknown>,
): Promise<ProjectView> {
  const project = await createProject(harness, founder, body);
  expect((await submit(harness, founder, project.id)).status).toBe(200);
  const approved = await review(harness, project.id, 'approve');
  expect(approved.status).toBe(200);
  return approved.body;
}

/** An approved project of the company, LIVE since `openedAgoMs` (it opened in the past) for 30 days. */
export async function liveProject(
  harness: Harness,
  founder: Actor,
  companyId: string,
  { openedAgoMs = 3600_000, ...overrides }: Record<string, unknown> & { openedAgoMs?: number } = {},
): Promise<ProjectView> {
  const opensAt = new Date(Date.now() - openedAgoMs);
  const project = await approvedProject(
    harness,
    founder,
    projectBody(companyId, {
      ...overrides,
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
    }),
  );
  expect(project.status).toBe('LIVE');
  return project;
}

export function query<T>(harness: Harness, sql: string, params: unknown[] = []): Promise<T[]> {
  return queryWorld<T>(harness.world, sql, params);
}

export { DAY_MS };

export { call, expectError, fieldsIn } from '../../../test/support/api-client';
export type { Actor, Answer, ErrorBody } from '../../../test/support/api-client';
