import { randomUUID } from 'node:crypto';
import { FixedClock } from '@crowdlink/domain';
import { eventually } from '@crowdlink/testing';
import {
  Actor,
  call,
  DAY_MS,
  expectError,
  Harness,
  publishFromPledge,
  putProfile,
  query,
  register,
  startHarness,
} from './investor.harness';

/*
 * GET /v1/investors/me/limits: the rules of the compliance library through the API, and
 * "used in the last 12 months" following the pledge service's pledge.committed,
 * pledge.cancelled, pledge.payment-failed and pledge.released events, sent through the real backbone (pledge outbox → relay →
 * investor inbox). The investor service stands on a fixed clock.
 */

const NOW = new Date('2026-06-01T12:00:00.000Z');
const clock = new FixedClock(NOW);
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock });
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => clock.set(NOW));

interface LimitItem {
  jurisdiction: 'US' | 'EU' | 'CN';
  currency: string;
  limit: number | null;
  usedLast12Months: number;
  remaining: number | null;
  reason: { code: string; message: string } | null;
  conditions: {
    riskAcknowledgementAbove?: number | null;
    qualifiedInvestor?: boolean | null;
    qualifyingSinglePledge?: number;
  };
}

async function limitsOf(investor: Actor): Promise<Record<string, LimitItem>> {
  const answer = await call<{ items: LimitItem[] }>(h.investor, 'GET', '/v1/investors/me/limits', {
    token: investor.token,
  });
  expect(answer.status).toBe(200);
  expect(answer.body.items.map((item) => item.jurisdiction)).toEqual(['CN', 'US', 'EU']);
  return Object.fromEntries(answer.body.items.map((item) => [item.jurisdiction, item]));
}

interface PledgeSpec {
  pledgeId?: string;
  investor: Actor;
  jurisdiction?: 'US' | 'EU' | 'CN';
  currency?: string;
  amount: number;
  at: Date;
}

async function commit(spec: PledgeSpec, version = 1): Promise<string> {
  const pledgeId = spec.pledgeId ?? randomUUID();
  await publishFromPledge(h, 'pledge.committed', pledgeId, version, {
    ...figures(spec, pledgeId),
    committedAt: spec.at.toISOString(),
  });
  return pledgeId;
}

async function cancel(spec: PledgeSpec & { pledgeId: string }, version = 2): Promise<void> {
  await publishFromPledge(h, 'pledge.cancelled', spec.pledgeId, version, {
    ...figures(spec, spec.pledgeId),
    cancelledAt: spec.at.toISOString(),
  });
}

/** The settlement's ends of a pledge: a payment that failed, or a release (failed campaign, refund). */
async function fail(spec: PledgeSpec & { pledgeId: string }, version = 2): Promise<void> {
  await publishFromPledge(h, 'pledge.payment-failed', spec.pledgeId, version, {
    ...figures(spec, spec.pledgeId),
    declineCode: 'card_declined',
    failedAt: spec.at.toISOString(),
  });
}

async function release(
  spec: PledgeSpec & { pledgeId: string; reason: 'CAMPAIGN_FAILED' | 'REFUNDED' },
  version = 2,
): Promise<void> {
  await publishFromPledge(h, 'pledge.released', spec.pledgeId, version, {
    ...figures(spec, spec.pledgeId),
    reason: spec.reason,
    releasedAt: spec.at.toISOString(),
  });
}

function figures(spec: PledgeSpec, pledgeId: string) {
  return {
    pledgeId,
    projectId: '0197a5a0-0000-7000-8000-0000000000aa',
    investorId: spec.investor.id,
    jurisdiction: spec.jurisdiction ?? 'US',
    currency: spec.currency ?? 'USD',
    amount: spec.amount,
  };
}

async function pledgeRow(pledgeId: string): Promise<{ status: string; committed: boolean; cancelled: boolean }> {
  const [row] = await query<{ status: string; committed: boolean; cancelled: boolean }>(
    h,
    `SELECT status, committed_at IS NOT NULL AS committed, cancelled_at IS NOT NULL AS cancelled
       FROM investor.investor_pledges WHERE pledge_id = $1`,
    [pledgeId],
  );
  return row;
}

async function usInvestor(annualIncome = 60_000_00, netWorth = 80_000_00): Promise<Actor> {
  const investor = await register(h, 'investor');
  expect((await putProfile(h, investor, { annualIncome, netWorth })).status).toBe(200);
  return investor;
}

describe('limits by jurisdiction', () => {
  it.each([
    [60_000_00, 80_000_00, 4_000_00],
    [30_000_00, 20_000_00, 2_500_00],
    [150_000_00, 200_000_00, 20_000_00],
    [2_000_000_00, 5_000_000_00, 124_000_00],
    [200_000_00, 100_000_00, 10_000_00],
  ])('US: income %i, net worth %i cents → limit %i cents', async (income, netWorth, limit) => {
    const investor = await usInvestor(income, netWorth);
    const { US } = await limitsOf(investor);
    expect(US).toEqual({
      jurisdiction: 'US',
      currency: 'USD',
      limit,
      usedLast12Months: 0,
      remaining: limit,
      reason: null,
      conditions: {},
    });
  });

  it('US: an accredited investor has no limit', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { selfCertifiedAccredited: true });
    expect((await limitsOf(investor)).US).toMatchObject({
      limit: null,
      remaining: null,
      reason: { code: 'ACCREDITED_INVESTOR' },
    });
  });

  it('EU: the risk-acknowledgement threshold is not a limit; CN sets none either', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { country: 'DE', currency: 'EUR', annualIncome: 50_000_00, netWorth: 1_000_000_00 });
    const { EU, CN } = await limitsOf(investor);
    expect(EU).toMatchObject({
      currency: 'EUR',
      limit: null,
      usedLast12Months: 0,
      remaining: null,
      reason: { code: 'NO_LIMIT_IN_JURISDICTION' },
    });
    expect(CN).toMatchObject({
      currency: 'CNY',
      limit: null,
      remaining: null,
      reason: { code: 'NO_LIMIT_IN_JURISDICTION' },
    });
    // the soft threshold: the higher of €1,000 or 5% of net worth (€50,000 here)
    expect(EU!.conditions).toEqual({ riskAcknowledgementAbove: 50_000_00 });
  });

  it('EU: the threshold is €1,000 for a small net worth, and none for a sophisticated investor', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { country: 'FR', currency: 'EUR', annualIncome: 20_000_00, netWorth: 10_000_00 });
    expect((await limitsOf(investor)).EU!.conditions).toEqual({ riskAcknowledgementAbove: 1_000_00 });
    await query(h, `UPDATE investor.investor_profiles SET sophisticated_status = 'APPROVED' WHERE user_id = $1`, [
      investor.id,
    ]);
    expect((await limitsOf(investor)).EU!.conditions).toEqual({ riskAcknowledgementAbove: null });
  });

  it.each([
    ['financial assets of ¥1,000,000', true, { financialAssets: 1_000_000_00, averageAnnualIncomeThreeYears: 0 }],
    ['an average income of ¥300,000', true, { financialAssets: 0, averageAnnualIncomeThreeYears: 300_000_00 }],
    ['just under both lines', false, { financialAssets: 999_999_99, averageAnnualIncomeThreeYears: 299_999_99 }],
  ])('CN: with %s, qualified investor is %s', async (_case, qualified, figures) => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { country: 'CN', currency: 'CNY', annualIncome: 1, netWorth: 1, ...figures });
    expect((await limitsOf(investor)).CN!.conditions).toEqual({
      qualifiedInvestor: qualified,
      qualifyingSinglePledge: 100_000_00,
    });
  });

  it('US: says so, never guesses a rate or answers 500, when the figures are in EUR or missing', async () => {
    const euro = await register(h, 'investor');
    await putProfile(h, euro, { currency: 'EUR' });
    expect((await limitsOf(euro)).US).toMatchObject({
      limit: null,
      remaining: null,
      reason: { code: 'CURRENCY_MISMATCH' },
    });

    const empty = await register(h, 'investor');
    expect((await limitsOf(empty)).US).toMatchObject({ limit: null, reason: { code: 'FINANCIALS_MISSING' } });
  });

  it('is for investors only', async () => {
    const founder = await register(h, 'founder');
    expectError(await call(h.investor, 'GET', '/v1/investors/me/limits', { token: founder.token }), 403, 'FORBIDDEN');
  });
});

describe('used in the last 12 months', () => {
  it('follows commits and cancellations, per jurisdiction, leaving out pledges older than 12 months', async () => {
    const investor = await usInvestor();
    const recent = await commit({ investor, amount: 1_000_00, at: new Date(NOW.getTime() - 10 * DAY_MS) });
    const old = await commit({ investor, amount: 500_00, at: new Date(NOW.getTime() - 366 * DAY_MS) });
    const euro = await commit({ investor, jurisdiction: 'EU', currency: 'EUR', amount: 300_00, at: NOW });
    for (const pledgeId of [recent, old, euro]) {
      await eventually(async () => expect((await pledgeRow(pledgeId))?.status).toBe('COMMITTED'));
    }

    const limits = await limitsOf(investor);
    expect(limits.US).toMatchObject({ limit: 4_000_00, usedLast12Months: 1_000_00, remaining: 3_000_00 });
    expect(limits.EU).toMatchObject({ usedLast12Months: 300_00, limit: null, remaining: null });
    expect(limits.CN).toMatchObject({ usedLast12Months: 0 });

    await cancel({ pledgeId: recent, investor, amount: 1_000_00, at: NOW });
    await eventually(async () => expect((await limitsOf(investor)).US.usedLast12Months).toBe(0));
    expect((await limitsOf(investor)).US.remaining).toBe(4_000_00);
  });

  it('lets a pledge leave the window as the clock moves on', async () => {
    const investor = await usInvestor();
    const pledgeId = await commit({ investor, amount: 2_000_00, at: new Date(NOW.getTime() - 30 * DAY_MS) });
    await eventually(async () => expect((await pledgeRow(pledgeId))?.status).toBe('COMMITTED'));
    expect((await limitsOf(investor)).US).toMatchObject({ usedLast12Months: 2_000_00, remaining: 2_000_00 });

    clock.set(new Date(NOW.getTime() + 336 * DAY_MS));
    expect((await limitsOf(investor)).US).toMatchObject({ usedLast12Months: 0, remaining: 4_000_00 });
  });

  it('never lets remaining go below zero', async () => {
    const investor = await usInvestor();
    const pledgeId = await commit({ investor, amount: 5_000_00, at: NOW });
    await eventually(async () => expect((await pledgeRow(pledgeId))?.status).toBe('COMMITTED'));
    expect((await limitsOf(investor)).US).toMatchObject({ usedLast12Months: 5_000_00, remaining: 0 });
  });

  it('ends CANCELLED when the cancellation arrives before its commit', async () => {
    const investor = await usInvestor();
    const pledgeId = randomUUID();
    await cancel({ pledgeId, investor, amount: 1_500_00, at: NOW }, 2);
    await eventually(async () => expect((await pledgeRow(pledgeId))?.status).toBe('CANCELLED'));
    await commit({ pledgeId, investor, amount: 1_500_00, at: new Date(NOW.getTime() - DAY_MS) }, 1);
    await eventually(async () =>
      expect(await pledgeRow(pledgeId)).toEqual({ status: 'CANCELLED', committed: true, cancelled: true }),
    );
    expect((await limitsOf(investor)).US.usedLast12Months).toBe(0);
  });

  it('counts a pledge once however often its commit is delivered', async () => {
    const investor = await usInvestor();
    const spec = { investor, amount: 700_00, at: NOW };
    const pledgeId = await commit(spec);
    await commit({ ...spec, pledgeId });
    await eventually(async () => {
      const [{ handled }] = await query<{ handled: number }>(
        h,
        `SELECT count(*)::int AS handled FROM investor.inbox WHERE event_id IN
           (SELECT id FROM pledge.outbox WHERE aggregate_id = $1)`,
        [pledgeId],
      );
      expect(handled).toBe(2);
    });
    expect((await limitsOf(investor)).US).toMatchObject({ usedLast12Months: 700_00, remaining: 3_300_00 });
  });
  it('stops counting a pledge whose payment failed, or that was released or refunded, and only that one', async () => {
    const investor = await usInvestor();
    const at = new Date(NOW.getTime() - DAY_MS);
    const [failed, released, refunded, kept] = [
      { investor, amount: 400_00, at },
      { investor, amount: 300_00, at },
      { investor, amount: 200_00, at },
      { investor, amount: 100_00, at },
    ];
    const ids = await Promise.all([failed, released, refunded, kept].map((spec) => commit(spec)));
    await eventually(async () => expect((await limitsOf(investor)).US.usedLast12Months).toBe(1_000_00));

    await fail({ ...failed, pledgeId: ids[0]!, at: NOW });
    await release({ ...released, pledgeId: ids[1]!, reason: 'CAMPAIGN_FAILED', at: NOW });
    // a refund follows the charge, a transition the investor service does not hear of
    await release({ ...refunded, pledgeId: ids[2]!, reason: 'REFUNDED', at: NOW }, 3);

    await eventually(async () =>
      expect((await limitsOf(investor)).US).toMatchObject({ usedLast12Months: 100_00, remaining: 3_900_00 }),
    );
    expect(await Promise.all(ids.map(async (pledgeId) => (await pledgeRow(pledgeId)).status))).toEqual([
      'PAYMENT_FAILED',
      'RELEASED',
      'RELEASED',
      'COMMITTED',
    ]);
  });

  it('ends PAYMENT_FAILED when the failure arrives before its commit', async () => {
    const investor = await usInvestor();
    const pledgeId = randomUUID();
    await fail({ pledgeId, investor, amount: 900_00, at: NOW });
    await eventually(async () => expect((await pledgeRow(pledgeId))?.status).toBe('PAYMENT_FAILED'));
    await commit({ pledgeId, investor, amount: 900_00, at: new Date(NOW.getTime() - DAY_MS) }, 1);
    await eventually(async () => expect((await pledgeRow(pledgeId))?.committed).toBe(true));
    expect(await pledgeRow(pledgeId)).toEqual({ status: 'PAYMENT_FAILED', committed: true, cancelled: false });
    expect((await limitsOf(investor)).US.usedLast12Months).toBe(0);
  });
});
