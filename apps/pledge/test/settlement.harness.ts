import { randomUUID } from 'node:crypto';
import { ProjectLiveV1 } from '@crowdlink/contracts';
import { Clock } from '@crowdlink/domain';
import { eventually, TestWorld } from '@crowdlink/testing';
import { Actor, call, loginAdmin } from '../../../test/support/api-client';
import { queryWorld } from '../../../test/support/backbone';
import { SettlementDto } from '../src/settlement/dto/settlement.dto';
import { PledgeHarness, startPledgeHarness } from './pledge.harness';

/*
 * What the settlement specs share: the pledge harness with a clock the test moves forward
 * (deadlines and fix windows pass without waiting for them), an admin, and checks of the
 * books and of the outbox.
 */

/** Real time, plus however far the test has moved it on. */
export class MovableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(milliseconds: number): void {
    this.offsetMs += milliseconds;
  }
}

export interface SettlementHarness extends PledgeHarness {
  clock: MovableClock;
  admin: Actor;
}

/** `env`: the pledge service's own settings. */
export async function startSettlementHarness(env: Record<string, string> = {}): Promise<SettlementHarness> {
  const clock = new MovableClock();
  const harness = await startPledgeHarness({ env, clock });
  return { ...harness, clock, admin: await loginAdmin(harness.gateway) };
}

export async function settlementOf(h: SettlementHarness, projectId: string): Promise<SettlementDto> {
  const answer = await call<SettlementDto>(h.pledge, 'GET', `/v1/projects/${projectId}/settlement`, {
    token: h.admin.token,
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits for the campaign to reach `status`, and answers its settlement. */
export function settledAs(
  h: SettlementHarness,
  projectId: string,
  status: 'FUNDED' | 'FAILED',
  extra: Partial<SettlementDto> = {},
): Promise<SettlementDto> {
  return eventually(
    async () => {
      const settlement = await settlementOf(h, projectId);
      expect(settlement).toMatchObject({ status, ...extra });
      return settlement;
    },
    { timeoutMs: 30_000 },
  );
}

/** The journal balances in every currency, and each of a project's accounts is as given. */
export async function expectBooks(world: TestWorld, balances: Record<string, number>): Promise<void> {
  const totals = await queryWorld<{ currency: string; debits: string; credits: string }>(
    world,
    `SELECT currency, sum(debit)::text AS debits, sum(credit)::text AS credits FROM pledge.journal_lines GROUP BY 1`,
  );
  for (const { debits, credits } of totals) expect(debits).toBe(credits);
  const accounts = await queryWorld<{ account: string; balance: string }>(
    world,
    `SELECT account, sum(debit - credit)::text AS balance FROM pledge.journal_lines WHERE account = ANY($1) GROUP BY 1`,
    [Object.keys(balances)],
  );
  const actual = Object.fromEntries(Object.keys(balances).map((account) => [account, 0]));
  for (const { account, balance } of accounts) actual[account] = Number(balance);
  expect(actual).toEqual(balances);
}

export function eventTypesOf(world: TestWorld, aggregateId: string): Promise<string[]> {
  return queryWorld<{ event_type: string }>(
    world,
    `SELECT event_type FROM pledge.outbox WHERE aggregate_id = $1 ORDER BY occurred_at, event_type`,
    [aggregateId],
  ).then((rows) => rows.map((row) => row.event_type));
}

export function closedEventsOf(world: TestWorld, projectId: string): Promise<Record<string, unknown>[]> {
  return queryWorld<{ payload: Record<string, unknown> }>(
    world,
    `SELECT payload FROM pledge.outbox WHERE event_type = 'campaign.closed' AND aggregate_id = $1`,
    [projectId],
  ).then((rows) => rows.map((row) => row.payload));
}

/**
 * A COMMITTED pledge written as the pledge flow writes it, with a payment method saved by the
 * sandbox: the settlement specs test what happens after admission, not admission itself.
 */
export async function seedPledge(
  world: TestWorld,
  campaign: ProjectLiveV1,
  investorId: string,
  amount: number,
  paymentMethod = 'pm_card_visa',
): Promise<{ id: string }> {
  const id = randomUUID();
  const price = campaign.equity?.pricePerShare;
  await queryWorld(
    world,
    `INSERT INTO pledge.pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount, shares,
                                 payment_method, customer_ref, payment_method_ref, risk_acknowledged, committed_at)
     VALUES ($1, $2, $3, 'COMMITTED', $4, $5, $6, $7, $8, $9, $10, $9, false, now())`,
    [
      id,
      campaign.projectId,
      investorId,
      campaign.jurisdiction,
      campaign.kind,
      campaign.currency,
      amount,
      price ? amount / price : null,
      paymentMethod,
      `cus_sandbox_${investorId.replaceAll('-', '')}`,
    ],
  );
  return { id };
}
