import { randomUUID } from 'node:crypto';
import { InvestorEligibilityChangedV1, ProjectLiveV1 } from '@crowdlink/contracts';
import { Clock } from '@crowdlink/domain';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Actor, Answer, call, registerActor } from '../../../test/support/api-client';
import { publishFrom, queryWorld } from '../../../test/support/backbone';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { investorService } from '../../investor/src/investor.definition';
import { projectListingService } from '../../project-listing/src/project-listing.definition';
import { pledgeService } from '../src/pledge.definition';
import { PledgeDto } from '../src/pledges/dto/pledge.dto';

/*
 * What the pledge specs share: the gateway (real tokens), project-listing and the investor
 * service (whose outboxes feed the pledge service's projections) and the pledge service.
 */

export const DAY_MS = 24 * 3600 * 1000;

export interface PledgeHarness {
  world: TestWorld;
  gateway: RunningService;
  listing: RunningService;
  investorSvc: RunningService;
  pledge: RunningService;
  close(): Promise<void>;
}

export interface PledgeHarnessOptions {
  /** The pledge service's own settings (PAYMENT_PROVIDER, PAYMENT_FIX_WINDOW_SECONDS, …). */
  env?: Record<string, string>;
  /** The pledge service's clock. */
  clock?: Clock;
}

export async function startPledgeHarness({ env = {}, clock }: PledgeHarnessOptions = {}): Promise<PledgeHarness> {
  const world = await createTestWorld();
  const listing = await startTestService(projectListingService, world);
  const investorSvc = await startTestService(investorService, world);
  const pledge = await startTestService(pledgeService, world, { env, clock });
  // the gateway routes /v1/pledges/**, /v1/payments/** … to this pledge service
  const gateway = await startTestService(gatewayService, world, { env: { PLEDGE_URL: pledge.url } });
  return {
    world,
    gateway,
    listing,
    investorSvc,
    pledge,
    close: async () => {
      await pledge.close();
      await investorSvc.close();
      await listing.close();
      await gateway.close();
    },
  };
}

export function query<T>(h: PledgeHarness, sql: string, params: unknown[] = []): Promise<T[]> {
  return queryWorld<T>(h.world, sql, params);
}

/** A LIVE campaign in the pledge projection, published as project-listing publishes it. */
export async function liveCampaign(h: PledgeHarness, overrides: Partial<ProjectLiveV1> = {}): Promise<ProjectLiveV1> {
  const now = Date.now();
  const project = {
    projectId: randomUUID(),
    companyId: randomUUID(),
    ownerId: randomUUID(),
    projectVersion: 5,
    status: 'LIVE' as const,
    kind: 'REWARD' as const,
    title: 'Robot arms for small workshops',
    sector: 'robotics',
    stage: 'SEED',
    region: 'California',
    jurisdiction: 'US' as const,
    currency: 'USD',
    targetAmount: 100_000,
    maxAmount: 1_000_000_00,
    minPledge: 1_000,
    opensAt: new Date(now - DAY_MS).toISOString(),
    closesAt: new Date(now + 30 * DAY_MS).toISOString(),
    fundingModel: 'KEEP_IT_ALL' as const,
    equity: null,
    rewards: [],
    ...overrides,
  } as ProjectLiveV1;
  await publishFrom(h.listing, 'project.live', project.projectId, project.projectVersion, project);
  await eventually(async () =>
    expect(await query(h, 'SELECT 1 FROM pledge.campaigns WHERE project_id = $1', [project.projectId])).toHaveLength(1),
  );
  return project;
}

/** POST /v1/projects/:id/pledges as `actor` (paying with pm_card_visa unless `body` says otherwise), answered as it came. */
export function postPledge<T = PledgeDto>(
  service: RunningService,
  projectId: string,
  actor: Actor,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  return call<T>(service, 'POST', `/v1/projects/${projectId}/pledges`, {
    token: actor.token,
    body: { paymentMethod: 'pm_card_visa', ...body },
    headers,
  });
}

/** A pledge made through the service's API, so every rule applies and US usage is counted; it must be accepted. */
export async function pledgeThroughApi(
  h: PledgeHarness,
  projectId: string,
  actor: Actor,
  amount: number,
): Promise<PledgeDto> {
  const answer = await postPledge(h.pledge, projectId, actor, { amount });
  if (answer.status !== 201) throw new Error(`pledge answered ${answer.status}: ${answer.text}`);
  return answer.body;
}

/** The campaign's counters in the pledge service's projection. */
export async function campaignTotals(
  h: PledgeHarness,
  projectId: string,
): Promise<{ committed: number; investors: number; pledges: number }> {
  const [row] = await query<{ committed: number; investors: number; pledges: number }>(
    h,
    `SELECT committed_amount::int AS committed, investor_count AS investors, pledge_count AS pledges
       FROM pledge.campaigns WHERE project_id = $1`,
    [projectId],
  );
  return row!;
}

let eligibilityVersion = 1000;

/** An investor registered through the gateway, with eligibility published by the investor service. */
export async function investor(
  h: PledgeHarness,
  eligibility: Partial<InvestorEligibilityChangedV1> = {},
): Promise<Actor> {
  const actor = await registerActor(h.gateway, 'investor');
  const version = ++eligibilityVersion;
  const snapshot: InvestorEligibilityChangedV1 = {
    userId: actor.id,
    kycStatus: 'VERIFIED',
    accredited: false,
    currency: 'USD',
    annualIncome: 200_000_00,
    netWorth: 500_000_00,
    financialAssets: null,
    averageAnnualIncomeThreeYears: null,
    knowledgeTestPassedUntil: null,
    sophisticated: false,
    lossSimulationAcknowledgedAt: null,
    version,
    ...eligibility,
  };
  await publishFrom(h.investorSvc, 'investor.eligibility-changed', actor.id, version, snapshot);
  await eventually(async () =>
    expect(await query(h, 'SELECT version FROM pledge.investor_eligibility WHERE user_id = $1', [actor.id])).toEqual([
      { version },
    ]),
  );
  return actor;
}
