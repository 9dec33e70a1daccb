import { randomUUID } from 'node:crypto';
import { InvestorEligibilityChangedV1, ProjectLiveV1 } from '@crowdlink/contracts';
import { FixedClock } from '@crowdlink/domain';
import { RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Actor, Answer, call, expectError } from '../../../test/support/api-client';
import { pledgeService } from '../src/pledge.definition';
import { queryWorld } from '../../../test/support/backbone';
import {
  campaignTotals,
  DAY_MS,
  investor as eligibleInvestor,
  liveCampaign as campaignLive,
  PledgeHarness,
  postPledge,
  startPledgeHarness,
} from './pledge.harness';

/*
 * DELETE /v1/pledges/:id against the real database and Redis: the investor cancels within the
 * window the pledge was given (cancellable_until), once, and the campaign gets its room back.
 */

let h: PledgeHarness;
let world: TestWorld;
let pledge: RunningService;

beforeAll(async () => {
  h = await startPledgeHarness();
  ({ world, pledge } = h);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => queryWorld<T>(world, sql, params);

const liveCampaign = (overrides: Partial<ProjectLiveV1> = {}): Promise<ProjectLiveV1> => campaignLive(h, overrides);

const investor = (eligibility: Partial<InvestorEligibilityChangedV1> = {}): Promise<Actor> =>
  eligibleInvestor(h, eligibility);

const pledgeOn = (service: RunningService, projectId: string, actor: Actor, body: Record<string, unknown>) =>
  postPledge(service, projectId, actor, body);

function cancel(service: RunningService, id: string, actor: Actor): Promise<Answer<{ id: string; status: string }>> {
  return call(service, 'DELETE', `/v1/pledges/${id}`, { token: actor.token });
}

const totalsOf = (projectId: string) => campaignTotals(h, projectId);

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
