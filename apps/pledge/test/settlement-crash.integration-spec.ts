import { randomUUID } from 'node:crypto';
import { createTestWorld, eventually, TestWorld } from '@crowdlink/testing';
import { queryWorld } from '../../../test/support/backbone';
import { BuiltService, startBuiltService } from '../../../test/support/built-service';
import { platformFeeOf } from '../src/ledger/platform-fee';
import { expectBooks } from './settlement.harness';

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
