import { randomUUID } from 'node:crypto';
import { loadConfig } from '@crowdlink/platform';
import { createTestWorld, eventually, TestWorld } from '@crowdlink/testing';
import { AccessTokenIssuer } from '../../gateway/src/identity/access-token.issuer';
import { call } from '../../../test/support/api-client';
import { queryWorld } from '../../../test/support/backbone';
import { BuiltService, startBuiltService } from '../../../test/support/built-service';
import { platformFeeOf } from '../src/ledger/platform-fee';
import { expectBooks } from './settlement.harness';
import { FakeStripeServer } from './support/fake-stripe-server';

/*
 * Settlement is resumable: the pledge service, as a real OS process, is SIGKILLed while it
 * is charging a campaign's pledges, and a fresh process finishes the settlement. Every
 * pledge is charged exactly once (one provider charge and one journal entry each), the
 * books balance, the cap table is right, and each event went out once.
 */

const PLEDGES = 80;
const INVESTORS = 40;
const PRICE_PER_SHARE = 100;
const CHARGES_PER_SECOND = 20;
/** PLATFORM_FEE_BPS's default: 5%. */
const DEFAULT_FEE_BPS = 500;

let world: TestWorld;
let running: BuiltService | undefined;

beforeAll(async () => {
  world = await createTestWorld();
}, 60_000);

afterAll(async () => {
  await running?.kill();
});

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => queryWorld<T>(world, sql, params);

/** An equity campaign whose deadline has just passed, with PLEDGES committed pledges. */
async function seedClosedCampaign(): Promise<{
  projectId: string;
  pledges: { id: string; investorId: string; amount: number }[];
}> {
  const projectId = randomUUID();
  const snapshot = { projectId, ownerId: randomUUID(), payoutAccountId: 'acct_crashtest' };
  await query(
    `INSERT INTO pledge.campaigns (project_id, project_version, status, kind, jurisdiction, currency, target_amount,
                                   max_amount, min_pledge, opens_at, closes_at, funding_model, price_per_share,
                                   share_class, snapshot)
     VALUES ($1, 5, 'LIVE', 'EQUITY', 'US', 'USD', 50000, 10000000, 1000, now() - interval '30 days',
             now() - interval '1 second', 'ALL_OR_NOTHING', $2, 'Common', $3)`,
    [projectId, PRICE_PER_SHARE, JSON.stringify(snapshot)],
  );
  const investors = Array.from({ length: INVESTORS }, () => randomUUID());
  const pledges = Array.from({ length: PLEDGES }, (_, i) => ({
    id: randomUUID(),
    investorId: investors[i % INVESTORS],
    amount: 1_000 * (1 + (i % 3)),
  }));
  await query(
    `INSERT INTO pledge.pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount, shares,
                                 payment_method, customer_ref, payment_method_ref, risk_acknowledged, committed_at)
     SELECT id, $1, investor_id, 'COMMITTED', 'US', 'EQUITY', 'USD', amount, amount / $2, 'pm_card_visa',
            'cus_sandbox_' || replace(investor_id::text, '-', ''), 'pm_card_visa', false, now() - interval '1 day'
       FROM unnest($3::uuid[], $4::uuid[], $5::bigint[]) AS p (id, investor_id, amount)`,
    [
      projectId,
      PRICE_PER_SHARE,
      pledges.map((p) => p.id),
      pledges.map((p) => p.investorId),
      pledges.map((p) => p.amount),
    ],
  );
  return { projectId, pledges };
}

async function chargedCount(projectId: string): Promise<number> {
  const [{ charged }] = await query<{ charged: number }>(
    `SELECT count(*)::int AS charged FROM pledge.pledges WHERE project_id = $1 AND status = 'CHARGED'`,
    [projectId],
  );
  return charged;
}

describe('a settlement killed mid-way', () => {
  it('is finished by the next process: every pledge charged exactly once, the books and the cap table right', async () => {
    const { projectId, pledges } = await seedClosedCampaign();
    const env = { SETTLEMENT_CHARGES_PER_SECOND: String(CHARGES_PER_SECOND) };

    running = await startBuiltService('pledge', world, env);
    await eventually(async () => expect(await chargedCount(projectId)).toBeGreaterThanOrEqual(PLEDGES / 5), {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    await running.kill();
    const chargedAtKill = await chargedCount(projectId);
    // the kill must land mid-way, or this test proves nothing
    expect(chargedAtKill).toBeLessThan(PLEDGES);

    running = await startBuiltService('pledge', world, env);
    await eventually(
      async () => {
        const [settlement] = await query<{ status: string; payout_status: string }>(
          `SELECT c.status, s.payout_status FROM pledge.campaigns c JOIN pledge.settlements s USING (project_id)
            WHERE project_id = $1`,
          [projectId],
        );
        expect(settlement).toEqual({ status: 'FUNDED', payout_status: 'PAID' });
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );

    const raised = pledges.reduce((sum, p) => sum + p.amount, 0);
    const fee = platformFeeOf(raised, DEFAULT_FEE_BPS);
    expect(await chargedCount(projectId)).toBe(PLEDGES);

    const charges = await query<{ key: string; outcome: string }>(
      `SELECT idempotency_key AS key, result->>'outcome' AS outcome FROM pledge.sandbox_payments
        WHERE operation = 'charge' ORDER BY idempotency_key`,
    );
    expect(charges).toEqual(
      pledges.map((p) => ({ key: `charge:${p.id}`, outcome: 'succeeded' })).sort((a, b) => a.key.localeCompare(b.key)),
    );
    const entries = await query<{ kind: string; references: number; distinct: number }>(
      `SELECT kind, count(*)::int AS references, count(DISTINCT reference)::int AS distinct FROM pledge.journal_entries
        GROUP BY kind ORDER BY kind`,
    );
    expect(entries).toEqual([
      { kind: 'CHARGE', references: PLEDGES, distinct: PLEDGES },
      { kind: 'PAYOUT', references: 1, distinct: 1 },
      { kind: 'SETTLEMENT', references: 1, distinct: 1 },
    ]);
    await expectBooks(world, {
      [`escrow:${projectId}`]: 0,
      [`startup-payable:${projectId}`]: 0,
      'platform-fee-revenue': -fee,
      'psp-cash': fee,
    });

    const holdings = await query<{ investor_id: string; shares: string; amount_invested: string }>(
      `SELECT investor_id, shares::text AS shares, amount_invested::text AS amount_invested FROM pledge.holdings
        WHERE project_id = $1 ORDER BY investor_id`,
      [projectId],
    );
    const invested = new Map<string, number>();
    for (const p of pledges) invested.set(p.investorId, (invested.get(p.investorId) ?? 0) + p.amount);
    expect(holdings).toEqual(
      [...invested.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([investorId, amount]) => ({
          investor_id: investorId,
          shares: String(amount / PRICE_PER_SHARE),
          amount_invested: String(amount),
        })),
    );

    const events = await query<{ event_type: string; events: number; aggregates: number }>(
      `SELECT event_type, count(*)::int AS events, count(DISTINCT aggregate_id)::int AS aggregates FROM pledge.outbox
        GROUP BY event_type ORDER BY event_type`,
    );
    expect(events).toEqual([
      { event_type: 'campaign.closed', events: 1, aggregates: 1 },
      { event_type: 'pledge.charged', events: PLEDGES, aggregates: PLEDGES },
      { event_type: 'shares.issued', events: 1, aggregates: 1 },
    ]);
    const [closed] = await query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM pledge.outbox WHERE event_type = 'campaign.closed'`,
    );
    expect(closed.payload).toMatchObject({
      outcome: 'FUNDED',
      raised,
      pledgeCount: PLEDGES,
      investorCount: INVESTORS,
      platformFee: fee,
      payout: raised - fee,
    });

    await running.stop();
    running = undefined;
  }, 240_000);
});

/**
 * A KEEP_IT_ALL campaign closed early by an admin (its deadline is a month away, so a US
 * investor may still cancel) with two pledges saved at Stripe; the campaign's counters are
 * what their admission left.
 */
async function seedEarlyClosedCampaign(): Promise<{ projectId: string; eva: SeededPledge; bob: SeededPledge }> {
  const projectId = randomUUID();
  const [eva, bob] = [5_000, 3_000].map((amount) => ({ id: randomUUID(), investorId: randomUUID(), amount }));
  const snapshot = { projectId, ownerId: randomUUID(), payoutAccountId: 'acct_crashcancel' };
  await query(
    `INSERT INTO pledge.campaigns (project_id, project_version, status, kind, jurisdiction, currency, target_amount,
                                   max_amount, min_pledge, opens_at, closes_at, funding_model, share_class, snapshot,
                                   committed_amount, pledge_count, investor_count)
     VALUES ($1, 5, 'LIVE', 'REWARD', 'US', 'USD', 50000, 10000000, 1000, now() - interval '30 days',
             now() + interval '30 days', 'KEEP_IT_ALL', NULL, $2, 8000, 2, 2)`,
    [projectId, JSON.stringify(snapshot)],
  );
  for (const pledge of [eva!, bob!]) {
    await query(
      `INSERT INTO pledge.campaign_investors (project_id, investor_id, first_pledged_at) VALUES ($1, $2, now())`,
      [projectId, pledge.investorId],
    );
    await query(
      `INSERT INTO pledge.pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount,
                                   payment_method, customer_ref, payment_method_ref, risk_acknowledged,
                                   cancellable_until, committed_at)
       VALUES ($1, $2, $3, 'COMMITTED', 'US', 'REWARD', 'USD', $4, 'pm_card_visa', 'cus_crashcancel', 'pm_card_visa',
               false, now() + interval '28 days', now() - interval '1 day')`,
      [pledge.id, projectId, pledge.investorId, pledge.amount],
    );
  }
  return { projectId, eva: eva!, bob: bob! };
}

interface SeededPledge {
  id: string;
  investorId: string;
  amount: number;
}

describe('a cancellation while its charge is in flight, and the process killed before it gave the money back', () => {
  it('is refunded by the next process: the retry asks Stripe again under the same key and refunds that charge', async () => {
    const stripe = await FakeStripeServer.start();
    const env = {
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_crashcancel',
      STRIPE_WEBHOOK_SECRET: 'whsec_crashcancel',
      STRIPE_API_URL: stripe.url,
    };
    const tokens = new AccessTokenIssuer(loadConfig(world.env));
    const tokenOf = async (userId: string, role: 'admin' | 'investor') =>
      (await tokens.issue({ id: userId, role, organizationId: null })).accessToken;
    try {
      const { projectId, eva, bob } = await seedEarlyClosedCampaign();
      const held = stripe.holdNext({ route: 'POST /v1/payment_intents', idempotencyKey: `charge:${eva.id}` });
      running = await startBuiltService('pledge', world, env);
      const close = await call(running, 'POST', `/v1/admin/projects/${projectId}/close`, {
        token: await tokenOf(randomUUID(), 'admin'),
      });
      expect(close.status).toBe(202);
      await held.arrived;
      const cancelled = await call(running, 'DELETE', `/v1/pledges/${eva.id}`, {
        token: await tokenOf(eva.investorId, 'investor'),
      });
      expect(cancelled).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });

      // Stripe takes the money after the process that asked for it is gone
      await running.kill();
      held.release();
      await eventually(async () =>
        expect(stripe.paymentIntents.filter((intent) => intent.pledgeId === eva.id)).toHaveLength(1),
      );
      const [charge] = stripe.paymentIntents.filter((intent) => intent.pledgeId === eva.id);
      expect(charge).toMatchObject({ status: 'succeeded', amount: eva.amount });

      running = await startBuiltService('pledge', world, env);
      const refundsOfEva = () =>
        stripe.requestsTo('POST /v1/refunds').filter((request) => request.body.payment_intent === charge!.id);
      await eventually(async () => expect(refundsOfEva()).toHaveLength(1), { timeoutMs: 60_000, intervalMs: 250 });
      await eventually(
        async () => {
          const [settlement] = await query<{ status: string; payout_status: string; raised: string }>(
            `SELECT c.status, s.payout_status, s.raised::text AS raised
               FROM pledge.campaigns c JOIN pledge.settlements s USING (project_id) WHERE project_id = $1`,
            [projectId],
          );
          expect(settlement).toEqual({ status: 'FUNDED', payout_status: 'PAID', raised: String(bob.amount) });
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );

      expect(refundsOfEva()[0]).toMatchObject({
        idempotencyKey: `refund:${eva.id}:${charge!.id}`,
        body: expect.objectContaining({ amount: String(eva.amount) }),
      });
      // the retry got Stripe's first answer: no second PaymentIntent
      expect(stripe.paymentIntents.filter((intent) => intent.pledgeId === eva.id)).toHaveLength(1);
      const [pledge] = await query<{ status: string; charge_ref: string | null }>(
        `SELECT status, charge_ref FROM pledge.pledges WHERE id = $1`,
        [eva.id],
      );
      expect(pledge).toEqual({ status: 'CANCELLED', charge_ref: null });
      const references = await query<{ reference: string }>(
        `SELECT reference FROM pledge.journal_entries WHERE split_part(reference, ':', 2) = $1 ORDER BY reference`,
        [eva.id],
      );
      expect(references.map((row) => row.reference)).toEqual([
        `charge:${eva.id}:${charge!.id}`,
        `refund:${eva.id}:${charge!.id}`,
      ]);
      const events = await query<{ event_type: string }>(
        `SELECT event_type FROM pledge.outbox WHERE aggregate_id = $1 ORDER BY occurred_at, event_type`,
        [eva.id],
      );
      expect(events.map((event) => event.event_type)).toEqual(['pledge.cancelled', 'pledge.charge-refunded']);
      await expectBooks(world, { [`escrow:${projectId}`]: 0, [`startup-payable:${projectId}`]: 0 });
    } finally {
      await running?.kill();
      running = undefined;
      await stripe.close();
    }
  }, 240_000);
});
