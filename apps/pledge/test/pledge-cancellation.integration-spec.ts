import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EventPayload, EventType, InvestorEligibilityChangedV1, ProjectLiveV1 } from '@crowdlink/contracts';
import { FixedClock } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Actor, Answer, call, expectError, registerActor } from '../../../test/support/api-client';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { investorService } from '../../investor/src/investor.definition';
import { projectListingService } from '../../project-listing/src/project-listing.definition';
import { pledgeService } from '../src/pledge.definition';

/*
 * DELETE /v1/pledges/:id against the real database and Redis: the investor cancels within the
 * window the pledge was given (cancellable_until), once, and the campaign gets its room back.
 */

const DAY_MS = 24 * 3600 * 1000;

let world: TestWorld;
let gateway: RunningService;
let listing: RunningService;
let investorSvc: RunningService;
let pledge: RunningService;
let eligibilityVersion = 1000;

beforeAll(async () => {
  world = await createTestWorld();
  gateway = await startTestService(gatewayService, world);
  listing = await startTestService(projectListingService, world);
  investorSvc = await startTestService(investorService, world);
  pledge = await startTestService(pledgeService, world);
}, 60_000);

afterAll(async () => {
  await pledge?.close();
  await investorSvc?.close();
  await listing?.close();
  await gateway?.close();
});

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function publishFrom<T extends EventType>(
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

async function liveCampaign(overrides: Partial<ProjectLiveV1> = {}): Promise<ProjectLiveV1> {
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
  await publishFrom(listing, 'project.live', project.projectId, project.projectVersion, project);
  await eventually(async () =>
    expect(await query('SELECT 1 FROM pledge.campaigns WHERE project_id = $1', [project.projectId])).toHaveLength(1),
  );
  return project;
}

async function investor(eligibility: Partial<InvestorEligibilityChangedV1> = {}): Promise<Actor> {
  const actor = await registerActor(gateway, 'investor');
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
  await publishFrom(investorSvc, 'investor.eligibility-changed', actor.id, version, snapshot);
  await eventually(async () =>
    expect(await query('SELECT version FROM pledge.investor_eligibility WHERE user_id = $1', [actor.id])).toEqual([
      { version },
    ]),
  );
  return actor;
}

function pledgeOn(
  service: RunningService,
  projectId: string,
  actor: Actor,
  body: Record<string, unknown>,
): Promise<Answer<{ id: string; status: string; cancellableUntil: string | null }>> {
  return call(service, 'POST', `/v1/projects/${projectId}/pledges`, {
    token: actor.token,
    body: { paymentMethod: 'pm_card_visa', ...body },
  });
}

function cancel(service: RunningService, id: string, actor: Actor): Promise<Answer<{ id: string; status: string }>> {
  return call(service, 'DELETE', `/v1/pledges/${id}`, { token: actor.token });
}

async function totalsOf(projectId: string): Promise<{ committed: number; investors: number; pledges: number }> {
  const [row] = await query<{ committed: number; investors: number; pledges: number }>(
    `SELECT committed_amount::int AS committed, investor_count AS investors, pledge_count AS pledges
       FROM pledge.campaigns WHERE project_id = $1`,
    [projectId],
  );
  return row;
}

describe('DELETE /v1/pledges/:id', () => {
  it('cancels the investor’s committed pledge, gives the campaign back and publishes pledge.cancelled', async () => {
    const { projectId } = await liveCampaign();
    const ada = await investor();
    const first = await pledgeOn(pledge, projectId, ada, { amount: 5_000 });
    const second = await pledgeOn(pledge, projectId, ada, { amount: 3_000 });
    expect(await totalsOf(projectId)).toEqual({ committed: 8_000, investors: 1, pledges: 2 });

    const stranger = await investor();
    expectError(await cancel(pledge, first.body.id, stranger), 404, 'PLEDGE_NOT_FOUND');
    expectError(await cancel(pledge, randomUUID(), ada), 404, 'PLEDGE_NOT_FOUND');

    const answer = await cancel(pledge, first.body.id, ada);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: first.body.id, status: 'CANCELLED' });
    // Ada still has a pledge in this campaign: she is still one of its investors.
    expect(await totalsOf(projectId)).toEqual({ committed: 3_000, investors: 1, pledges: 1 });
    expectError(await cancel(pledge, first.body.id, ada), 409, 'PLEDGE_NOT_CANCELLABLE');

    expect((await cancel(pledge, second.body.id, ada)).status).toBe(200);
    expect(await totalsOf(projectId)).toEqual({ committed: 0, investors: 0, pledges: 0 });
    expect(
      await query('SELECT 1 FROM pledge.campaign_investors WHERE project_id = $1 AND investor_id = $2', [
        projectId,
        ada.id,
      ]),
    ).toHaveLength(0);
    const [usage] = await query<{ used: number }>(
      `SELECT used_last_12_months::int AS used FROM pledge.investor_usage WHERE investor_id = $1`,
      [ada.id],
    );
    expect(usage.used).toBe(0);

    const events = await query<{ event_type: string; aggregate_version: number; payload: Record<string, unknown> }>(
      `SELECT event_type, aggregate_version::int AS aggregate_version, payload FROM pledge.outbox
        WHERE aggregate_id IN ($1, $2) ORDER BY event_type, aggregate_version`,
      [first.body.id, projectId],
    );
    expect(events).toEqual([
      expect.objectContaining({ event_type: 'campaign.progress', aggregate_version: 1 }),
      expect.objectContaining({ event_type: 'campaign.progress', aggregate_version: 2 }),
      {
        event_type: 'campaign.progress',
        aggregate_version: 3,
        payload: { projectId, currency: 'USD', raised: 3_000, pledgeCount: 1 },
      },
      expect.objectContaining({ event_type: 'campaign.progress', aggregate_version: 4 }),
      {
        event_type: 'pledge.cancelled',
        aggregate_version: 2,
        payload: expect.objectContaining({
          pledgeId: first.body.id,
          projectId,
          investorId: ada.id,
          jurisdiction: 'US',
          currency: 'USD',
          amount: 5_000,
        }),
      },
      expect.objectContaining({ event_type: 'pledge.committed', aggregate_version: 1 }),
    ]);
    const read = await call<{ status: string }>(pledge, 'GET', `/v1/pledges/${first.body.id}`, { token: ada.token });
    expect(read.body.status).toBe('CANCELLED');
  });

  it('10 concurrent cancellations of one pledge: exactly one 200, the totals given back once', async () => {
    const { projectId } = await liveCampaign();
    const ada = await investor();
    const bob = await investor();
    const mine = await pledgeOn(pledge, projectId, ada, { amount: 4_000 });
    await pledgeOn(pledge, projectId, bob, { amount: 2_000 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => cancel(pledge, mine.body.id, ada)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) expectError(refused, 409, 'PLEDGE_NOT_CANCELLABLE');
    expect(await totalsOf(projectId)).toEqual({ committed: 2_000, investors: 1, pledges: 1 });
    expect(
      await query(`SELECT 1 FROM pledge.outbox WHERE event_type = 'pledge.cancelled' AND aggregate_id = $1`, [
        mine.body.id,
      ]),
    ).toHaveLength(1);
  }, 60_000);

  it('refuses after the window: US within 48 hours of the deadline, sophisticated EU at all', async () => {
    const campaign = await liveCampaign();
    const ada = await investor();
    const made = await pledgeOn(pledge, campaign.projectId, ada, { amount: 5_000 });
    const late = await startTestService(pledgeService, world, {
      clock: new FixedClock(new Date(new Date(campaign.closesAt).getTime() - DAY_MS)),
    });
    try {
      expectError(await cancel(late, made.body.id, ada), 409, 'CANCELLATION_WINDOW_CLOSED');
    } finally {
      await late.close();
    }
    expect(await totalsOf(campaign.projectId)).toMatchObject({ committed: 5_000, pledges: 1 });

    const eu = await liveCampaign({ jurisdiction: 'EU', currency: 'EUR', region: 'Bavaria' });
    const pro = await investor({ currency: 'EUR', sophisticated: true });
    const euPledge = await pledgeOn(pledge, eu.projectId, pro, { amount: 5_000 });
    expect(euPledge.status).toBe(201);
    expect(euPledge.body.cancellableUntil).toBeNull();
    expectError(await cancel(pledge, euPledge.body.id, pro), 409, 'CANCELLATION_WINDOW_CLOSED');
  }, 60_000);

  it('after a cancellation, the freed room admits a new pledge at the cap', async () => {
    const { projectId } = await liveCampaign({ targetAmount: 5_000, maxAmount: 10_000 });
    const ada = await investor();
    const bob = await investor();
    const full = await pledgeOn(pledge, projectId, ada, { amount: 10_000 });
    expect(full.status).toBe(201);
    expectError(await pledgeOn(pledge, projectId, bob, { amount: 4_000 }), 409, 'CAMPAIGN_FULL');
    expect((await cancel(pledge, full.body.id, ada)).status).toBe(200);
    expect((await pledgeOn(pledge, projectId, bob, { amount: 10_000 })).status).toBe(201);
    expect(await totalsOf(projectId)).toEqual({ committed: 10_000, investors: 1, pledges: 1 });
  });
});
