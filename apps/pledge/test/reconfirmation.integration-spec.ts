import { randomUUID } from 'node:crypto';
import { addBusinessDays } from '@crowdlink/compliance';
import { ProjectAmendedV1, ProjectLiveV1 } from '@crowdlink/contracts';
import { FixedClock } from '@crowdlink/domain';
import { eventually } from '@crowdlink/testing';
import { Actor, Answer, call, expectError, loginAdmin } from '../../../test/support/api-client';
import { publishFrom } from '../../../test/support/backbone';
import {
  campaignTotals,
  DAY_MS,
  investor,
  liveCampaign,
  PledgeHarness,
  pledgeThroughApi,
  query,
  startPledgeHarness,
} from './pledge.harness';

/*
 * Reconfirmation after a material change (17 CFR 227.304(c)) against the real services,
 * PostgreSQL and Redis: project.amended asks every committed investor, POST
 * /v1/pledges/:id/reconfirm keeps a pledge, and the deadline sweep cancels the others. The
 * pledge service runs on a clock the test moves, so the deadline passes without waiting.
 */

let h: PledgeHarness;
const clock = new FixedClock(new Date());

beforeAll(async () => {
  h = await startPledgeHarness({ clock });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

interface PledgeView {
  id: string;
  status: string;
  amount: number;
  shares?: number;
  cancellableUntil: string | null;
  reconfirmBy: string | null;
}

const equityCampaign = (targetAmount = 100_000): Promise<ProjectLiveV1> =>
  liveCampaign(h, {
    targetAmount,
    kind: 'EQUITY',
    fundingModel: 'ALL_OR_NOTHING',
    equity: { pricePerShare: 100, preMoneyValuation: 50_000_000, shareClass: 'Common' },
  });

const pledgeOn = (projectId: string, actor: Actor, amount: number): Promise<PledgeView> =>
  pledgeThroughApi(h, projectId, actor, amount);

const reconfirm = (id: string, actor: Actor): Promise<Answer<PledgeView>> =>
  call<PledgeView>(h.pledge, 'POST', `/v1/pledges/${id}/reconfirm`, { token: actor.token });

const read = async (id: string, actor: Actor): Promise<PledgeView> =>
  (await call<PledgeView>(h.pledge, 'GET', `/v1/pledges/${id}`, { token: actor.token })).body;

/** Publishes project.amended as project-listing does, at the pledge service's "now". */
async function amend(
  campaign: ProjectLiveV1,
  version: number,
  pricePerShare: number,
  closesAt = campaign.closesAt,
): Promise<ProjectAmendedV1> {
  const amended: ProjectAmendedV1 = {
    ...campaign,
    projectVersion: version,
    closesAt,
    equity: { pricePerShare, preMoneyValuation: 50_000_000, shareClass: 'Common' },
    changedTerms: closesAt === campaign.closesAt ? ['pricePerShare'] : ['closesAt', 'pricePerShare'],
    reason: 'A new lead investor sets the price',
    amendedAt: clock.now().toISOString(),
  };
  await publishFrom(h.listing, 'project.amended', campaign.projectId, version, amended);
  return amended;
}

async function reconfirmationAsked(pledgeId: string): Promise<{ reconfirmBy: string }[]> {
  return query<{ reconfirmBy: string }>(
    h,
    `SELECT payload->>'reconfirmBy' AS "reconfirmBy" FROM pledge.outbox
      WHERE event_type = 'pledge.reconfirmation-requested' AND aggregate_id = $1`,
    [pledgeId],
  );
}

const totalsOf = (projectId: string) => campaignTotals(h, projectId);

describe('project.amended', () => {
  it('asks every committed investor to reconfirm; reconfirming keeps the pledge at the new price', async () => {
    const campaign = await equityCampaign();
    const [ada, bob, carol, stranger] = await Promise.all([investor(h), investor(h), investor(h), investor(h)]);
    const adas = await pledgeOn(campaign.projectId, ada, 5_000);
    const bobs = await pledgeOn(campaign.projectId, bob, 1_100);
    const carols = await pledgeOn(campaign.projectId, carol, 2_000);
    expect((await call(h.pledge, 'DELETE', `/v1/pledges/${carols.id}`, { token: carol.token })).status).toBe(200);
    expect(adas.reconfirmBy).toBeNull();
    expectError(await reconfirm(adas.id, ada), 409, 'RECONFIRMATION_NOT_PENDING');

    const amended = await amend(campaign, 6, 250);
    const reconfirmBy = addBusinessDays(new Date(amended.amendedAt), 5, campaign.jurisdiction).toISOString();
    await eventually(async () => expect((await read(adas.id, ada)).reconfirmBy).toBe(reconfirmBy));
    expect(await read(bobs.id, bob)).toMatchObject({ status: 'COMMITTED', reconfirmBy });
    expect(await read(carols.id, carol)).toMatchObject({ status: 'CANCELLED', reconfirmBy: null });
    expect(await reconfirmationAsked(adas.id)).toEqual([{ reconfirmBy }]);
    expect(await reconfirmationAsked(carols.id)).toEqual([]);
    const [projection] = await query<{ price: number }>(
      h,
      'SELECT price_per_share::int AS price FROM pledge.campaigns WHERE project_id = $1',
      [campaign.projectId],
    );
    expect(projection.price).toBe(250);

    expectError(await reconfirm(adas.id, stranger), 404, 'PLEDGE_NOT_FOUND');
    expectError(await reconfirm(randomUUID(), ada), 404, 'PLEDGE_NOT_FOUND');
    // 1,100 is no whole number of shares at 250: Bob cannot keep this pledge as it is
    expectError(await reconfirm(bobs.id, bob), 422, 'NOT_A_WHOLE_NUMBER_OF_SHARES');
    const kept = await reconfirm(adas.id, ada);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ id: adas.id, status: 'COMMITTED', amount: 5_000, shares: 20, reconfirmBy: null });
    expectError(await reconfirm(adas.id, ada), 409, 'RECONFIRMATION_NOT_PENDING');
    expectError(await reconfirm(carols.id, carol), 409, 'RECONFIRMATION_NOT_PENDING');

    // a late copy of the same amendment (another event) asks nobody again
    await amend(campaign, 6, 250);
    const later = await amend(campaign, 7, 500);
    const laterBy = addBusinessDays(new Date(later.amendedAt), 5, campaign.jurisdiction).toISOString();
    await eventually(async () => expect(await reconfirmationAsked(adas.id)).toHaveLength(2));
    expect(await read(adas.id, ada)).toMatchObject({ reconfirmBy: laterBy });
    expect(await reconfirmationAsked(bobs.id)).toHaveLength(2);
  });

  it('cancels the pledges not reconfirmed by the deadline and gives the campaign back', async () => {
    const campaign = await equityCampaign();
    const [dan, eve] = await Promise.all([investor(h), investor(h)]);
    const dans = await pledgeOn(campaign.projectId, dan, 5_000);
    const eves = await pledgeOn(campaign.projectId, eve, 3_000);
    expect(await totalsOf(campaign.projectId)).toEqual({ committed: 8_000, investors: 2, pledges: 2 });

    const closesAt = new Date(Date.parse(campaign.closesAt) + 10 * DAY_MS);
    await amend(campaign, 6, 250, closesAt.toISOString());
    await eventually(async () => expect((await read(dans.id, dan)).reconfirmBy).not.toBeNull());
    // the US right to cancel follows the deadline: until 48 hours before the new one
    expect((await read(dans.id, dan)).cancellableUntil).toBe(new Date(closesAt.getTime() - 2 * DAY_MS).toISOString());
    await eventually(async () => expect((await read(eves.id, eve)).reconfirmBy).not.toBeNull());
    expect((await reconfirm(eves.id, eve)).status).toBe(200);

    const start = clock.now();
    try {
      clock.advance(8 * DAY_MS);
      expectError(await reconfirm(dans.id, dan), 409, 'RECONFIRMATION_WINDOW_CLOSED');
      await eventually(async () => expect((await read(dans.id, dan)).status).toBe('CANCELLED'), { timeoutMs: 30_000 });
    } finally {
      clock.set(start);
    }
    expect(await read(eves.id, eve)).toMatchObject({ status: 'COMMITTED', shares: 12, reconfirmBy: null });
    expect(await totalsOf(campaign.projectId)).toEqual({ committed: 3_000, investors: 1, pledges: 1 });
    const cancelled = await query<{ payload: Record<string, unknown> }>(
      h,
      `SELECT payload FROM pledge.outbox WHERE event_type = 'pledge.cancelled' AND aggregate_id = $1`,
      [dans.id],
    );
    expect(cancelled).toEqual([{ payload: expect.objectContaining({ pledgeId: dans.id, amount: 5_000 }) }]);
    const [usage] = await query<{ used: number }>(
      h,
      `SELECT used_last_12_months::int AS used FROM pledge.investor_usage WHERE investor_id = $1`,
      [dan.id],
    );
    expect(usage.used).toBe(0);
    expectError(await reconfirm(dans.id, dan), 409, 'RECONFIRMATION_NOT_PENDING');
  }, 60_000);

  it('a close before the deadline cancels the pledges still unconfirmed and charges the reconfirmed ones', async () => {
    const campaign = await equityCampaign(5_000);
    const [fay, gus] = await Promise.all([investor(h), investor(h)]);
    const fays = await pledgeOn(campaign.projectId, fay, 5_000);
    const guss = await pledgeOn(campaign.projectId, gus, 6_000);
    await amend(campaign, 6, 250);
    await eventually(async () => expect((await read(guss.id, gus)).reconfirmBy).not.toBeNull());
    expect((await reconfirm(guss.id, gus)).status).toBe(200);
    await eventually(async () => expect((await read(fays.id, fay)).reconfirmBy).not.toBeNull());

    const admin = await loginAdmin(h.gateway);
    const closing = await call(h.pledge, 'POST', `/v1/admin/projects/${campaign.projectId}/close`, {
      token: admin.token,
    });
    expect(closing.status).toBe(202);

    expect(await read(fays.id, fay)).toMatchObject({ status: 'CANCELLED' });
    await eventually(async () => expect((await read(guss.id, gus)).status).toBe('CHARGED'), { timeoutMs: 30_000 });
    const charges = await query<{ key: string }>(
      h,
      `SELECT idempotency_key AS key FROM pledge.sandbox_payments WHERE operation = 'charge' AND request->>'pledgeId' = ANY($1)`,
      [[fays.id, guss.id]],
    );
    expect(charges.map((charge) => charge.key)).toEqual([expect.stringContaining(guss.id)]);
  }, 60_000);
});
