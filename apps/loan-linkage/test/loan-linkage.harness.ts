import { randomBytes, randomUUID } from 'node:crypto';
import { CampaignOutcome, IpAssetDeclaredV1, ProjectLiveV1 } from '@crowdlink/contracts';
import { Clock, FixedClock } from '@crowdlink/domain';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Actor, call, loginAdmin, registerActor } from '../../../test/support/api-client';
import { closingFigures, publishFrom, queryWorld } from '../../../test/support/backbone';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { pledgeService } from '../../pledge/src/pledge.definition';
import { projectListingService } from '../../project-listing/src/project-listing.definition';
import { OffsetClock } from '../src/clock/offset-clock';
import { loanLinkageService } from '../src/loan-linkage.definition';

/*
 * What the loan-linkage specs share: the gateway (real tokens, admin-made bank and appraiser
 * accounts), project-listing and pledge (whose outboxes feed the rounds and IP projections)
 * and loan-linkage, whose clock the spec holds.
 */

export const DAY_MS = 24 * 3600 * 1000;

export interface LoanHarness {
  world: TestWorld;
  gateway: RunningService;
  listing: RunningService;
  pledge: RunningService;
  loans: RunningService;
  clock: FixedClock;
  admin: Actor;
  /** The bank and the appraiser most tests act as; a test makes others with staff(). */
  bank: Actor;
  appraiser: Actor;
  close(): Promise<void>;
}

export async function startLoanHarness(env: Record<string, string> = {}): Promise<LoanHarness> {
  const world = await createTestWorld();
  const clock = new FixedClock(new Date());
  const gateway = await startTestService(gatewayService, world);
  const listing = await startTestService(projectListingService, world);
  const pledge = await startTestService(pledgeService, world);
  const loans = await startTestService(loanLinkageService, world, { env, clock: clock as Clock });
  const admin = await loginAdmin(gateway);
  const harness = { world, gateway, listing, pledge, loans, clock, admin };
  return {
    ...harness,
    bank: await staff(harness, 'bank', 'Bank of Lingnan'),
    appraiser: await staff(harness, 'appraiser', 'Pearl River Appraisals'),
    close: async () => {
      await loans.close();
      await pledge.close();
      await listing.close();
      await gateway.close();
    },
  };
}

/** loan-linkage's own time: the spec's clock plus whatever the test-clock control added. */
export function serviceNow(h: LoanHarness): Date {
  return h.loans.app.get(OffsetClock).now();
}

export function query<T>(h: LoanHarness, sql: string, params: unknown[] = []): Promise<T[]> {
  return queryWorld<T>(h.world, sql, params);
}

/** A bank or appraiser account made by the admin (api.md POST /v1/admin/users), logged in. */
export async function staff(
  h: Pick<LoanHarness, 'gateway' | 'admin'>,
  role: 'bank' | 'appraiser',
  organization: string,
): Promise<Actor> {
  const credentials = {
    email: `${role}.${randomBytes(6).toString('hex')}@example.com`,
    password: 'correct-horse-battery',
  };
  const created = await call(h.gateway, 'POST', '/v1/admin/users', {
    token: h.admin.token,
    body: { ...credentials, role, displayName: `A ${role}`, organization },
  });
  if (created.status !== 201) throw new Error(`admin/users answered ${created.status}: ${created.text}`);
  const login = await call<{ accessToken: string; user: { id: string } }>(h.gateway, 'POST', '/v1/auth/login', {
    body: credentials,
  });
  return { id: login.body.user.id, token: login.body.accessToken };
}

export const founder = (h: LoanHarness): Promise<Actor> => registerActor(h.gateway, 'founder');

/** A LIVE CNY equity round of the founder's, as project-listing announces it. */
export async function equityRound(
  h: LoanHarness,
  owner: Actor,
  overrides: Partial<ProjectLiveV1> = {},
): Promise<ProjectLiveV1> {
  const now = serviceNow(h).getTime();
  const project = {
    projectId: randomUUID(),
    companyId: randomUUID(),
    ownerId: owner.id,
    projectVersion: 5,
    status: 'LIVE' as const,
    kind: 'EQUITY' as const,
    title: 'Solid-state battery separators',
    sector: 'energy',
    stage: 'EARLY',
    region: 'Guangdong',
    jurisdiction: 'CN' as const,
    currency: 'CNY',
    targetAmount: 10_000_000_00,
    maxAmount: 15_000_000_00,
    minPledge: 100_000_00,
    opensAt: new Date(now - DAY_MS).toISOString(),
    closesAt: new Date(now + 30 * DAY_MS).toISOString(),
    fundingModel: 'ALL_OR_NOTHING' as const,
    equity: { pricePerShare: 100, preMoneyValuation: 50_000_000_00, shareClass: 'A' },
    rewards: [],
    ...overrides,
  } as ProjectLiveV1;
  await publishFrom(h.listing, 'project.live', project.projectId, project.projectVersion, project);
  await eventually(async () =>
    expect(
      await query(h, 'SELECT 1 FROM loan_linkage.equity_rounds WHERE project_id = $1', [project.projectId]),
    ).toHaveLength(1),
  );
  return project;
}

/** An IP right declared with the round's project. */
export async function declareIp(
  h: LoanHarness,
  round: ProjectLiveV1,
  type: IpAssetDeclaredV1['type'] = 'INVENTION_PATENT',
): Promise<string> {
  const ipAssetId = randomUUID();
  await publishFrom(h.listing, 'ip-asset.declared', ipAssetId, 1, {
    ipAssetId,
    projectId: round.projectId,
    companyId: round.companyId,
    founderId: round.ownerId,
    type,
    registryNumber: `ZL2026${randomBytes(4).toString('hex')}`,
    title: 'Ceramic-coated separator',
    owner: 'Guangzhou Separator Co.',
  });
  await eventually(async () =>
    expect(await query(h, 'SELECT 1 FROM loan_linkage.ip_assets WHERE id = $1', [ipAssetId])).toHaveLength(1),
  );
  return ipAssetId;
}

/** A current valuation by the appraiser, valid for a year. */
export async function valueIp(h: LoanHarness, appraiser: Actor, ipAssetId: string, value: number): Promise<string> {
  const answer = await call<{ id: string }>(h.loans, 'POST', `/v1/ip-assets/${ipAssetId}/valuations`, {
    token: appraiser.token,
    body: {
      method: 'INCOME',
      value,
      currency: 'CNY',
      validUntil: new Date(serviceNow(h).getTime() + 365 * DAY_MS).toISOString(),
      reportRef: 'GZ-APPR-2026-001',
    },
  });
  if (answer.status !== 201) throw new Error(`valuation answered ${answer.status}: ${answer.text}`);
  return answer.body.id;
}

let progressVersion = 1;

/** The round's aggregate progress, as the pledge service announces it. */
export async function progress(h: LoanHarness, projectId: string, raised: number, pledgeCount: number): Promise<void> {
  const version = ++progressVersion;
  await publishFrom(h.pledge, 'campaign.progress', projectId, version, {
    projectId,
    currency: 'CNY',
    raised,
    pledgeCount,
  });
  await eventually(async () =>
    expect(
      await query(h, 'SELECT raised::int FROM loan_linkage.round_progress WHERE project_id = $1', [projectId]),
    ).toEqual([{ raised }]),
  );
}

/** The round's close, as the pledge service announces it; waits until loan-linkage recorded it. */
export async function closeRound(
  h: LoanHarness,
  projectId: string,
  outcome: CampaignOutcome,
  raised: number,
): Promise<void> {
  await publishFrom(h.pledge, 'campaign.closed', projectId, 1_000, {
    ...closingFigures,
    projectId,
    currency: 'CNY',
    raised,
    pledgeCount: 3,
    outcome,
  });
  await eventually(async () =>
    expect(
      await query(h, 'SELECT outcome FROM loan_linkage.round_progress WHERE project_id = $1', [projectId]),
    ).toEqual([{ outcome }]),
  );
}

export interface OfferTerms {
  projectId: string;
  ipAssetIds: string[];
  principal: number;
  minEquityRaised?: number;
  termMonths?: number;
  annualRateBps?: number;
  warrant?: { equityPercent: number; holder?: string };
  riskPoolId?: string;
}

export function offer(h: LoanHarness, bank: Actor, terms: OfferTerms) {
  return call<{ id: string; status: string; maxLoan: number; ventureDebt: { roundRatioBps: number } }>(
    h.loans,
    'POST',
    '/v1/bank/loan-offers',
    {
      token: bank.token,
      body: { currency: 'CNY', annualRateBps: 800, termMonths: 12, minEquityRaised: 0, ...terms },
    },
  );
}

export async function loanStatus(h: LoanHarness, loanId: string): Promise<string> {
  const [row] = await query<{ status: string }>(h, 'SELECT status FROM loan_linkage.loans WHERE id = $1', [loanId]);
  return row.status;
}

/** Moves loan-linkage's clock through the admin test-clock control, which runs servicing at once. */
export async function advanceDays(h: LoanHarness, advanceDays: number) {
  const answer = await call<{ defaultedLoanIds: string[]; instalmentsMarkedOverdue: number }>(
    h.loans,
    'POST',
    '/v1/admin/test-clock',
    { token: h.admin.token, body: { advanceDays } },
  );
  if (answer.status !== 200) throw new Error(`test-clock answered ${answer.status}: ${answer.text}`);
  return answer.body;
}

export function post<T = unknown>(h: LoanHarness, actor: Actor, path: string, body?: unknown) {
  return call<T>(h.loans, 'POST', path, { token: actor.token, body });
}

/** A loan taken to DISBURSED: offered, accepted, round FUNDED with enough, collateral registered. */
export async function disbursedLoan(
  h: LoanHarness,
  bank: Actor,
  appraiser: Actor,
  terms: Partial<OfferTerms> & { companyId?: string } = {},
): Promise<{ loanId: string; owner: Actor; round: ProjectLiveV1; patent: string }> {
  const { companyId, ...offerTerms } = terms;
  const owner = await founder(h);
  const round = await equityRound(h, owner, companyId ? { companyId } : {});
  const patent = await declareIp(h, round);
  await valueIp(h, appraiser, patent, 40_000_000_00);
  const offered = await offer(h, bank, {
    projectId: round.projectId,
    ipAssetIds: [patent],
    principal: 1_000_000_00,
    ...offerTerms,
  });
  if (offered.status !== 201) throw new Error(`offer answered ${offered.status}: ${offered.text}`);
  const loanId = offered.body.id;
  await post(h, owner, `/v1/loan-offers/${loanId}/accept`);
  await closeRound(h, round.projectId, 'FUNDED', 10_000_000_00);
  const registered = await post<{ status: string }>(h, bank, `/v1/loans/${loanId}/collateral-registration`, {
    registrationNumber: 'CNIPA-ZX-2026-0001',
    registeredAt: serviceNow(h).toISOString(),
  });
  if (registered.body.status !== 'DISBURSED') throw new Error(`registration answered ${registered.text}`);
  return { loanId, owner, round, patent };
}
