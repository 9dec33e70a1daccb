import { randomUUID } from 'node:crypto';
import { InvestorEligibilityChangedV1, ProjectLiveV1 } from '@crowdlink/contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import { deleteExpiredIdempotencyKeys } from '@crowdlink/platform';
import { RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { DataSource } from 'typeorm';
import { Actor, Answer, call, expectError, loginAdmin, registerActor } from '../../../test/support/api-client';
import { PAYMENT_PROVIDER, PaymentProvider } from '../src/payments/payment-provider';
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
 * POST /v1/projects/:id/pledges against the real database and Redis: campaigns come into
 * the pledge projection as project.live events from project-listing's outbox, eligibility as
 * investor.eligibility-changed events from the investor service's outbox (or, for the 250
 * investors of the CN count test, straight into the projection to keep it fast). Tokens are
 * real, minted by the gateway.
 */

let h: PledgeHarness;
let world: TestWorld;
let pledge: RunningService;
let admin: Actor;
beforeAll(async () => {
  h = await startPledgeHarness();
  ({ world, pledge } = h);
  admin = await loginAdmin(h.gateway);
}, 60_000);

afterAll(async () => {
  await pledge?.close(); // the restart test replaced the harness's pledge service
  await h?.close();
});

interface PledgeView {
  id: string;
  status: string;
  amount: number;
  currency: string;
  shares?: number;
  cancellableUntil: string | null;
  investorId: string;
  projectId: string;
}

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => queryWorld<T>(world, sql, params);

const liveCampaign = async (overrides: Partial<ProjectLiveV1> = {}): Promise<string> =>
  (await campaignLive(h, overrides)).projectId;

function equityTerms(pricePerShare = 100) {
  return {
    kind: 'EQUITY' as const,
    fundingModel: 'ALL_OR_NOTHING' as const,
    equity: { pricePerShare, preMoneyValuation: 5_000_000_00, shareClass: 'Seed Preferred' },
  };
}

const investor = (eligibility: Partial<InvestorEligibilityChangedV1> = {}): Promise<Actor> =>
  eligibleInvestor(h, eligibility);

const pledgeOn = (
  projectId: string,
  actor: Actor,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer<PledgeView>> => postPledge<PledgeView>(pledge, projectId, actor, body, headers);

const committedOf = (projectId: string) => campaignTotals(h, projectId);

describe('POST /v1/projects/:id/pledges', () => {
  it('commits a pledge, answers 201 and publishes pledge.committed and campaign.progress in its transaction', async () => {
    const projectId = await liveCampaign(equityTerms(250));
    const ada = await investor({ annualIncome: 150_000_00, netWorth: 200_000_00 });

    const answer = await pledgeOn(projectId, ada, { amount: 5_000 });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'COMMITTED', amount: 5_000, currency: 'USD', shares: 20 });
    // US: cancellable until 48 hours before the deadline (17 CFR 227.304(a)).
    const [campaign] = await query<{ closes_at: Date }>(
      'SELECT closes_at FROM pledge.campaigns WHERE project_id = $1',
      [projectId],
    );
    expect(answer.body.cancellableUntil).toBe(new Date(campaign.closes_at.getTime() - 2 * DAY_MS).toISOString());

    const events = await query<{ event_type: string; aggregate_version: number; payload: Record<string, unknown> }>(
      `SELECT event_type, aggregate_version::int AS aggregate_version, payload FROM pledge.outbox
        WHERE aggregate_id IN ($1, $2) ORDER BY event_type`,
      [answer.body.id, projectId],
    );
    expect(events).toEqual([
      {
        event_type: 'campaign.progress',
        aggregate_version: 1,
        payload: { projectId, currency: 'USD', raised: 5_000, pledgeCount: 1 },
      },
      {
        event_type: 'pledge.committed',
        aggregate_version: 1,
        payload: expect.objectContaining({
          pledgeId: answer.body.id,
          investorId: ada.id,
          amount: 5_000,
          cancellableUntil: answer.body.cancellableUntil,
        }),
      },
    ]);

    const read = await call<PledgeView>(pledge, 'GET', `/v1/pledges/${answer.body.id}`, { token: ada.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: answer.body.id, amount: 5_000, shares: 20, paymentMethod: 'pm_card_visa' });
    expect((await call(pledge, 'GET', `/v1/pledges/${answer.body.id}`, { token: admin.token })).status).toBe(200);
    const stranger = await investor();
    expectError(
      await call(pledge, 'GET', `/v1/pledges/${answer.body.id}`, { token: stranger.token }),
      404,
      'PLEDGE_NOT_FOUND',
    );

    await pledgeOn(projectId, ada, { amount: 2_500 });
    const page = await call<{ items: PledgeView[]; nextCursor: string | null }>(
      pledge,
      'GET',
      '/v1/investors/me/pledges?limit=1',
      { token: ada.token },
    );
    expect(page.status).toBe(200);
    expect(page.body.items.map((p) => p.amount)).toEqual([2_500]);
    const next = await call<{ items: PledgeView[]; nextCursor: string | null }>(
      pledge,
      'GET',
      `/v1/investors/me/pledges?limit=1&cursor=${page.body.nextCursor}`,
      { token: ada.token },
    );
    expect(next.body.items.map((p) => p.amount)).toEqual([5_000]);
    // a cursor this list never gave is refused, not read as "from the top" (a client would loop)
    expectError(
      await call(pledge, 'GET', '/v1/investors/me/pledges?cursor=not-a-cursor', { token: ada.token }),
      400,
      'INVALID_CURSOR',
    );
  });

  it('refuses a campaign that is not open: unknown, not yet open, or closed', async () => {
    const ada = await investor();
    expectError(await pledgeOn(randomUUID(), ada, { amount: 1_000 }), 409, 'CAMPAIGN_NOT_OPEN');
    const future = await liveCampaign({
      opensAt: new Date(Date.now() + DAY_MS).toISOString(),
      closesAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    });
    expectError(await pledgeOn(future, ada, { amount: 1_000 }), 409, 'CAMPAIGN_NOT_OPEN');
    const past = await liveCampaign({
      opensAt: new Date(Date.now() - 30 * DAY_MS).toISOString(),
      closesAt: new Date(Date.now() - DAY_MS).toISOString(),
    });
    expectError(await pledgeOn(past, ada, { amount: 1_000 }), 409, 'CAMPAIGN_NOT_OPEN');
    const approved = await liveCampaign({ status: 'APPROVED' });
    expectError(await pledgeOn(approved, ada, { amount: 1_000 }), 409, 'CAMPAIGN_NOT_OPEN');
  });

  it('refuses a pledge below the minimum, a fraction of a share, an unverified equity investor and a bad payment method', async () => {
    const projectId = await liveCampaign({ ...equityTerms(100), minPledge: 1_000 });
    const ada = await investor();
    expectError(await pledgeOn(projectId, ada, { amount: 900 }), 422, 'BELOW_MIN_PLEDGE');
    expectError(await pledgeOn(projectId, ada, { amount: 1_050 }), 422, 'NOT_A_WHOLE_NUMBER_OF_SHARES');
    const unverified = await investor({ kycStatus: 'PENDING' });
    expectError(await pledgeOn(projectId, unverified, { amount: 1_000 }), 403, 'KYC_REQUIRED');
    expectError(
      await pledgeOn(projectId, ada, { amount: 1_000, paymentMethod: 'card-4242' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await pledgeOn(projectId, ada, { amount: 1_000, currency: 'USD' }), 400, 'VALIDATION_FAILED');
  });

  it('EU: asks a non-sophisticated investor for a valid knowledge test, and for a risk acknowledgement above the threshold', async () => {
    const projectId = await liveCampaign({ jurisdiction: 'EU', currency: 'EUR', kind: 'DONATION' });
    const untested = await investor({ currency: 'EUR', netWorth: 10_000_00 });
    expectError(await pledgeOn(projectId, untested, { amount: 1_000 }), 403, 'KNOWLEDGE_TEST_REQUIRED');
    const lapsed = await investor({
      currency: 'EUR',
      netWorth: 10_000_00,
      knowledgeTestPassedUntil: new Date(Date.now() - DAY_MS).toISOString(),
    });
    expectError(await pledgeOn(projectId, lapsed, { amount: 1_000 }), 403, 'KNOWLEDGE_TEST_REQUIRED');

    const tested = await investor({
      currency: 'EUR',
      netWorth: 10_000_00,
      knowledgeTestPassedUntil: new Date(Date.now() + 300 * DAY_MS).toISOString(),
    });
    // Threshold: the higher of €1,000 or 5% of €10,000 → €1,000.
    expect((await pledgeOn(projectId, tested, { amount: 1_000_00 })).status).toBe(201);
    expectError(await pledgeOn(projectId, tested, { amount: 1_000_01 }), 422, 'RISK_ACKNOWLEDGEMENT_REQUIRED');
    const acknowledged = await pledgeOn(projectId, tested, { amount: 1_000_01, riskAcknowledged: true });
    expect(acknowledged.status).toBe(201);
    // ECSPR Art 22: 4 days of reflection for a non-sophisticated investor.
    const committedAt = (
      await query<{ committed_at: Date }>('SELECT committed_at FROM pledge.pledges WHERE id = $1', [
        acknowledged.body.id,
      ])
    )[0].committed_at;
    expect(acknowledged.body.cancellableUntil).toBe(new Date(committedAt.getTime() + 4 * DAY_MS).toISOString());

    const sophisticated = await investor({ currency: 'EUR', netWorth: 10_000_00, sophisticated: true });
    const free = await pledgeOn(projectId, sophisticated, { amount: 50_000_00 });
    expect(free.status).toBe(201);
    expect(free.body.cancellableUntil).toBeNull();
  });

  it('CN equity: refuses an investor who is not qualified, unless the single pledge qualifies them', async () => {
    const projectId = await liveCampaign({ ...equityTerms(100), jurisdiction: 'CN', currency: 'CNY' });
    const modest = await investor({
      currency: 'CNY',
      financialAssets: 10_000_00,
      averageAnnualIncomeThreeYears: 50_000_00,
    });
    expectError(await pledgeOn(projectId, modest, { amount: 1_000_00 }), 403, 'NOT_QUALIFIED_INVESTOR');
    expect((await pledgeOn(projectId, modest, { amount: 100_000_00 })).status).toBe(201);
  });

  it('US: refuses a pledge past the 12-month limit across all campaigns, with what remains', async () => {
    // (income 30k, net worth 20k) → the $2,500 floor.
    const ada = await investor({ annualIncome: 30_000_00, netWorth: 20_000_00 });
    const first = await liveCampaign();
    const second = await liveCampaign();
    expect((await pledgeOn(first, ada, { amount: 1_000_00 })).status).toBe(201);
    const refused = await pledgeOn(second, ada, { amount: 2_000_00 });
    expectError(refused, 422, 'INVESTMENT_LIMIT_EXCEEDED');
    expect(refused.body).toMatchObject({ details: { remaining: 1_500_00 } });
    expect((await pledgeOn(second, ada, { amount: 1_500_00 })).status).toBe(201);
    const accredited = await investor({ annualIncome: 30_000_00, netWorth: 20_000_00, accredited: true });
    expect((await pledgeOn(second, accredited, { amount: 10_000_00 })).status).toBe(201);
  });
});

describe('concurrency', () => {
  /** Of one investor's pledges at its limit, exactly one went through, and its usage is that one's amount. */
  async function expectOneAcceptedAtLimit(answers: Answer<PledgeView>[], investor: Actor, amount: number) {
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201))
      expectError(refused, 422, 'INVESTMENT_LIMIT_EXCEEDED');
    const [usage] = await query<{ used: number }>(
      `SELECT used_last_12_months::int AS used FROM pledge.investor_usage WHERE investor_id = $1`,
      [investor.id],
    );
    expect(usage.used).toBe(amount);
  }

  it('200 concurrent pledges into a cap that admits 100: exactly 100 accepted, the rest CAMPAIGN_FULL', async () => {
    const projectId = await liveCampaign({
      jurisdiction: 'CN',
      currency: 'CNY',
      targetAmount: 50_000,
      maxAmount: 100_000,
      minPledge: 1_000,
    });
    const backers = await Promise.all(Array.from({ length: 10 }, () => investor({ currency: 'CNY' })));
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => pledgeOn(projectId, backers[i % backers.length], { amount: 1_000 })),
    );
    const statuses = answers.map((a) => (a.status === 201 ? 'ok' : (a.body as unknown as { code: string }).code));
    expect(statuses.filter((s) => s === 'ok')).toHaveLength(100);
    expect(statuses.filter((s) => s === 'CAMPAIGN_FULL')).toHaveLength(100);
    expect(await committedOf(projectId)).toMatchObject({ committed: 100_000, pledges: 100 });
    const [{ sum }] = await query<{ sum: number }>(
      'SELECT sum(amount)::int AS sum FROM pledge.pledges WHERE project_id = $1',
      [projectId],
    );
    expect(sum).toBe(100_000);
  }, 120_000);

  it('one investor firing 10 concurrent pledges at its limit: exactly 1 accepted', async () => {
    const ada = await investor({ annualIncome: 30_000_00, netWorth: 20_000_00 });
    const projectId = await liveCampaign();
    const answers = await Promise.all(Array.from({ length: 10 }, () => pledgeOn(projectId, ada, { amount: 2_500_00 })));
    await expectOneAcceptedAtLimit(answers, ada, 2_500_00);
  }, 60_000);

  it('one investor firing pledges at its limit into 8 campaigns at once: exactly 1 accepted', async () => {
    // one batch per campaign, all at once: each must read the investor's usage after taking its lock
    const ada = await investor({ annualIncome: 30_000_00, netWorth: 20_000_00 });
    const projectIds = await Promise.all(Array.from({ length: 8 }, () => liveCampaign()));
    const answers = await Promise.all(projectIds.map((projectId) => pledgeOn(projectId, ada, { amount: 2_500_00 })));
    await expectOneAcceptedAtLimit(answers, ada, 2_500_00);
  }, 60_000);

  it('a reward limited to 3: of 12 concurrent pledges for it exactly 3 get it; rewards not offered or underpaid are refused', async () => {
    const [limited, open] = [randomUUID(), randomUUID()];
    const projectId = await liveCampaign({
      kind: 'REWARD',
      rewards: [
        { rewardId: limited, amount: 5_000, quantity: 3 },
        { rewardId: open, amount: 2_000, quantity: null },
      ],
    });
    const backers = await Promise.all(Array.from({ length: 12 }, () => investor()));
    const answers = await Promise.all(
      backers.map((backer) => pledgeOn(projectId, backer, { amount: 5_000, rewardId: limited })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    for (const refused of answers.filter((a) => a.status !== 201)) expectError(refused, 409, 'REWARD_SOLD_OUT');

    expectError(
      await pledgeOn(projectId, backers[0]!, { amount: 5_000, rewardId: randomUUID() }),
      422,
      'REWARD_NOT_FOUND',
    );
    expectError(await pledgeOn(projectId, backers[0]!, { amount: 1_000, rewardId: open }), 422, 'BELOW_REWARD_AMOUNT');
    expect((await pledgeOn(projectId, backers[0]!, { amount: 2_000, rewardId: open })).status).toBe(201);
    expect(await committedOf(projectId)).toMatchObject({ committed: 17_000, pledges: 4 });
  }, 60_000);

  it('250 distinct investors into a CN equity campaign: exactly 200 admitted, the rest INVESTOR_COUNT_LIMIT', async () => {
    const projectId = await liveCampaign({ ...equityTerms(100), jurisdiction: 'CN', currency: 'CNY' });
    const investors: Actor[] = [];
    for (let batch = 0; batch < 10; batch++) {
      investors.push(...(await Promise.all(Array.from({ length: 25 }, () => registerActor(h.gateway, 'investor')))));
    }
    // Eligibility straight into the projection (a version no real event of theirs will reach).
    await query(
      `INSERT INTO pledge.investor_eligibility (user_id, version, kyc_status, accredited, currency, financial_assets,
                                               sophisticated)
       SELECT id, 1000000, 'VERIFIED', false, 'CNY', 200000000, false FROM unnest($1::uuid[]) AS id
       ON CONFLICT (user_id) DO UPDATE SET version = 1000000, kyc_status = 'VERIFIED', currency = 'CNY',
         financial_assets = 200000000`,
      [investors.map((i) => i.id)],
    );
    const answers = await Promise.all(investors.map((i) => pledgeOn(projectId, i, { amount: 1_000_00 })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(200);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(50);
    for (const answer of refused) expectError(answer, 409, 'INVESTOR_COUNT_LIMIT');
    expect(await committedOf(projectId)).toEqual({ committed: 200 * 1_000_00, investors: 200, pledges: 200 });

    // An admitted investor may pledge again: they are not a new investor.
    const admitted = investors[answers.findIndex((a) => a.status === 201)];
    expect((await pledgeOn(projectId, admitted, { amount: 1_000_00 })).status).toBe(201);
  }, 180_000);
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, refuses another body, and makes one pledge under concurrency', async () => {
    const projectId = await liveCampaign();
    const ada = await investor();
    const key = { 'Idempotency-Key': `pledge-${randomUUID()}` };

    const first = await pledgeOn(projectId, ada, { amount: 2_000 }, key);
    expect(first.status).toBe(201);
    const replay = await pledgeOn(projectId, ada, { amount: 2_000 }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expectError(await pledgeOn(projectId, ada, { amount: 3_000 }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    // Keys are per investor: another investor's same key is a new request.
    const bob = await investor();
    expect((await pledgeOn(projectId, bob, { amount: 2_000 }, key)).body.id).not.toBe(first.body.id);

    const concurrentKey = { 'Idempotency-Key': `pledge-${randomUUID()}` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => pledgeOn(projectId, ada, { amount: 4_000 }, concurrentKey)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await query('SELECT id FROM pledge.pledges WHERE investor_id = $1 AND amount = 4000', [ada.id]);
    expect(rows).toHaveLength(1);
  });

  it('keeps keys at least 24 hours: the sweep deletes only those past the 48-hour retention', async () => {
    const [ada, bob] = [randomUUID(), randomUUID()];
    const answer = JSON.stringify({ id: randomUUID(), status: 'COMMITTED' });
    await query(
      `INSERT INTO pledge.idempotency_keys (investor_id, key, request_hash, response_status, response_body, created_at)
       VALUES ($1, 'old', repeat('a', 64), 201, $3, now() - interval '49 hours'),
              ($2, 'day-old', repeat('b', 64), 201, $3, now() - interval '25 hours')`,
      [ada, bob, answer],
    );
    const dataSource = pledge.app.get<DataSource>(getDataSourceToken());
    expect(await deleteExpiredIdempotencyKeys(dataSource, new Date())).toBeGreaterThanOrEqual(1);
    const left = await query<{ key: string }>(
      'SELECT key FROM pledge.idempotency_keys WHERE investor_id = ANY($1::uuid[])',
      [[ada, bob]],
    );
    expect(left).toEqual([{ key: 'day-old' }]);
  });

  it('replays after a restart of the service', async () => {
    const projectId = await liveCampaign();
    const ada = await investor();
    const key = { 'Idempotency-Key': `pledge-${randomUUID()}` };
    const first = await pledgeOn(projectId, ada, { amount: 2_000 }, key);
    expect(first.status).toBe(201);
    await pledge.close();
    pledge = await startTestService(pledgeService, world);
    const replay = await pledgeOn(projectId, ada, { amount: 2_000 }, key);
    expect(replay.body).toEqual(first.body);
    expect(await query('SELECT id FROM pledge.pledges WHERE investor_id = $1', [ada.id])).toHaveLength(1);
  });
});

describe('payment methods (sandbox provider)', () => {
  it('refuses a payment method the provider cannot save with 402 PAYMENT_METHOD_DECLINED, writing nothing', async () => {
    const projectId = await liveCampaign();
    const ada = await investor();
    const before = await committedOf(projectId);

    const answer = await pledgeOn(projectId, ada, { amount: 5_000, paymentMethod: 'pm_1NotAStripeTestName' });
    expectError(answer, 402, 'PAYMENT_METHOD_DECLINED');
    expect(await query('SELECT 1 FROM pledge.pledges WHERE investor_id = $1', [ada.id])).toEqual([]);
    expect(await query('SELECT 1 FROM pledge.outbox WHERE aggregate_id = $1', [projectId])).toEqual([]);
    expect(await committedOf(projectId)).toEqual(before);
  });

  it('commits a pledge with pm_card_chargeDeclined (the decline comes at charge time), saved under setup:<pledgeId>', async () => {
    const projectId = await liveCampaign();
    const ada = await investor();

    const answer = await pledgeOn(projectId, ada, { amount: 5_000, paymentMethod: 'pm_card_chargeDeclined' });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('COMMITTED');
    const pledgeId = answer.body.id;
    expect(await committedOf(projectId)).toEqual({ committed: 5_000, investors: 1, pledges: 1 });
    expect(
      await query('SELECT payment_method, customer_ref, payment_method_ref FROM pledge.pledges WHERE id = $1', [
        pledgeId,
      ]),
    ).toEqual([
      {
        payment_method: 'pm_card_chargeDeclined',
        customer_ref: `cus_sandbox_${ada.id.replaceAll('-', '')}`,
        payment_method_ref: 'pm_card_chargeDeclined',
      },
    ]);

    // charged off-session (as the settlement will): a hard decline, recorded once under charge:<pledgeId>
    const provider = pledge.app.get<PaymentProvider>(PAYMENT_PROVIDER);
    const charge = {
      pledgeId,
      amount: 5_000,
      currency: 'USD',
      customerRef: `cus_sandbox_${ada.id.replaceAll('-', '')}`,
      paymentMethodRef: 'pm_card_chargeDeclined',
      idempotencyKey: `charge:${pledgeId}`,
    };
    const [first, second] = await Promise.all([provider.charge(charge), provider.charge(charge)]);
    expect(first).toEqual({ outcome: 'hard_decline', declineCode: 'generic_decline' });
    expect(second).toEqual(first);
    expect(
      await query('SELECT count(*)::int AS n FROM pledge.sandbox_payments WHERE idempotency_key = $1', [
        `charge:${pledgeId}`,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('PUT /v1/pledges/:id/payment-method: 409 unless PAYMENT_ACTION_REQUIRED, then saves and stores the new method', async () => {
    const projectId = await liveCampaign();
    const ada = await investor();
    const committed = await pledgeOn(projectId, ada, {
      amount: 5_000,
      paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds',
    });
    expect(committed.status).toBe(201);
    const path = `/v1/pledges/${committed.body.id}/payment-method`;
    const put = (actor: Actor, body: Record<string, unknown>) =>
      call<PledgeView & { paymentMethod: string }>(pledge, 'PUT', path, { token: actor.token, body });

    const early = await put(ada, { paymentMethod: 'pm_card_visa' });
    expectError(early, 409, 'PLEDGE_NOT_AWAITING_PAYMENT');
    expect(early.body).toMatchObject({ details: { status: 'COMMITTED' } });

    // the settlement will set this status after a soft decline
    await query(`UPDATE pledge.pledges SET status = 'PAYMENT_ACTION_REQUIRED', decided_attempt = 0 WHERE id = $1`, [
      committed.body.id,
    ]);
    const stranger = await investor();
    expectError(await put(stranger, { paymentMethod: 'pm_card_visa' }), 404, 'PLEDGE_NOT_FOUND');
    expectError(await put(ada, { paymentMethod: 'card-4242' }), 400, 'VALIDATION_FAILED');
    expectError(await put(ada, { paymentMethod: 'pm_1NotAStripeTestName' }), 402, 'PAYMENT_METHOD_DECLINED');

    const answer = await put(ada, { paymentMethod: 'pm_card_mastercard' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: committed.body.id,
      status: 'PAYMENT_ACTION_REQUIRED',
      paymentMethod: 'pm_card_mastercard',
    });
    expect(
      await query(
        'SELECT payment_method, customer_ref, payment_method_ref, version FROM pledge.pledges WHERE id = $1',
        [committed.body.id],
      ),
    ).toEqual([
      {
        payment_method: 'pm_card_mastercard',
        customer_ref: `cus_sandbox_${ada.id.replaceAll('-', '')}`,
        payment_method_ref: 'pm_card_mastercard',
        version: 2,
      },
    ]);
  });
});
