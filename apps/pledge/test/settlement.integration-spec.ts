import { randomUUID } from 'node:crypto';
import { ProjectLiveV1 } from '@crowdlink/contracts';
import { eventually } from '@crowdlink/testing';
import { Actor, Answer, call, expectError, registerActor } from '../../../test/support/api-client';
import { publishFrom, queryWorld } from '../../../test/support/backbone';
import { SettlementDto } from '../src/settlement/dto/settlement.dto';
import { DAY_MS, investor, liveCampaign, pledgeThroughApi } from './pledge.harness';
import {
  closedEventsOf,
  eventTypesOf,
  expectBooks,
  settledAs,
  seedPledge,
  settlementOf,
  SettlementHarness,
  startSettlementHarness,
} from './settlement.harness';

/*
 * A campaign's close and settlement through the pledge service's API, against the real
 * database, Redis and BullMQ: who is charged, who is released or refunded, what the books and
 * the cap table say, and which events go out — once each.
 */

const FIX_WINDOW_SECONDS = 3600;

let h: SettlementHarness;

beforeAll(async () => {
  h = await startSettlementHarness({ PAYMENT_FIX_WINDOW_SECONDS: String(FIX_WINDOW_SECONDS) });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => queryWorld<T>(h.world, sql, params);

function pledgeOn(campaign: ProjectLiveV1, actor: Actor, amount: number, paymentMethod?: string) {
  return seedPledge(h.world, campaign, actor.id, amount, paymentMethod);
}

function closeNow(projectId: string, token = h.admin.token): Promise<Answer<SettlementDto>> {
  return call<SettlementDto>(h.pledge, 'POST', `/v1/admin/projects/${projectId}/close`, { token });
}

async function statusOf(pledgeId: string): Promise<string> {
  const [row] = await query<{ status: string }>(`SELECT status FROM pledge.pledges WHERE id = $1`, [pledgeId]);
  return row.status;
}

function untilStatus(pledgeId: string, status: string): Promise<void> {
  return eventually(async () => expect(await statusOf(pledgeId)).toBe(status), { timeoutMs: 30_000 });
}

function paymentsOf(pledgeId: string): Promise<{ key: string; operation: string; outcome: string | null }[]> {
  return query(
    `SELECT idempotency_key AS key, operation, result->>'outcome' AS outcome FROM pledge.sandbox_payments
      WHERE idempotency_key LIKE $1 ORDER BY created_at`,
    [`%:${pledgeId}%`],
  );
}

function journalReferencesOf(...ids: string[]): Promise<string[]> {
  return query<{ reference: string }>(
    `SELECT reference FROM pledge.journal_entries WHERE split_part(reference, ':', 2) = ANY($1) ORDER BY reference`,
    [ids],
  ).then((rows) => rows.map((row) => row.reference));
}

const projectAccounts = (projectId: string) => ({ [`escrow:${projectId}`]: 0, [`startup-payable:${projectId}`]: 0 });

describe('POST /v1/admin/projects/:id/close', () => {
  it('ALL_OR_NOTHING below target: every pledge RELEASED, nothing charged, FAILED once however often it is closed', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'ALL_OR_NOTHING', targetAmount: 50_000 });
    const { projectId } = campaign;
    const [ada, bob] = [await registerActor(h.gateway, 'investor'), await registerActor(h.gateway, 'investor')];
    const first = await pledgeOn(campaign, ada, 10_000);
    const second = await pledgeOn(campaign, bob, 5_000, 'pm_card_chargeDeclined');
    await query(
      `INSERT INTO pledge.investor_usage (investor_id, jurisdiction, currency, used_last_12_months) VALUES ($1, 'US', 'USD', 10000)`,
      [ada.id],
    );

    expect((await closeNow(projectId, ada.token)).status).toBe(403);
    expectError(await closeNow(randomUUID()), 404, 'PROJECT_NOT_FOUND');
    expectError(await closeNow('not-a-uuid'), 400, 'VALIDATION_FAILED');

    const answers = await Promise.all(Array.from({ length: 5 }, () => closeNow(projectId)));
    const accepted = answers.filter((answer) => answer.status === 202);
    expect(accepted).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.status !== 202)) {
      expectError(refused, 409, 'CAMPAIGN_NOT_OPEN');
    }
    expect(accepted[0].body).toMatchObject({
      projectId,
      status: 'FAILED',
      released: { count: 2, amount: 15_000 },
      charged: { count: 0, amount: 0 },
      payoutStatus: 'NONE',
    });
    expectError(
      await call(h.pledge, 'POST', `/v1/projects/${projectId}/pledges`, {
        token: ada.token,
        body: { amount: 5_000, paymentMethod: 'pm_card_visa' },
      }),
      409,
      'CAMPAIGN_NOT_OPEN',
    );

    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(['RELEASED', 'RELEASED']);
    expect(await paymentsOf(first.id)).toEqual([]);
    expect(await paymentsOf(second.id)).toEqual([]);
    const released = await query<{ payload: { reason: string; amount: number } }>(
      `SELECT payload FROM pledge.outbox WHERE event_type = 'pledge.released' AND aggregate_id = ANY($1)`,
      [[first.id, second.id]],
    );
    expect(released.map(({ payload }) => payload.reason)).toEqual(['CAMPAIGN_FAILED', 'CAMPAIGN_FAILED']);
    expect(await closedEventsOf(h.world, projectId)).toEqual([
      expect.objectContaining({ outcome: 'FAILED', raised: 0, pledgeCount: 0, targetAmount: 50_000 }),
    ]);
    const [usage] = await query<{ used: string }>(
      `SELECT used_last_12_months::text AS used FROM pledge.investor_usage WHERE investor_id = $1`,
      [ada.id],
    );
    expect(usage.used).toBe('0');
    await expectBooks(h.world, projectAccounts(projectId));
  });

  it('a failed US round gives every backer their 12-month usage back at once, keeping what they pledged elsewhere', async () => {
    const failing = await liveCampaign(h, { fundingModel: 'ALL_OR_NOTHING', targetAmount: 1_000_000 });
    const elsewhere = await liveCampaign(h);
    const backers = await Promise.all(Array.from({ length: 4 }, () => investor(h)));
    for (const backer of backers) {
      await pledgeThroughApi(h, failing.projectId, backer, 2_000);
      await pledgeThroughApi(h, failing.projectId, backer, 1_000);
    }
    await pledgeThroughApi(h, elsewhere.projectId, backers[0], 1_500);
    const usage = async (): Promise<number[]> => {
      const rows = await query<{ investor_id: string; used: number }>(
        `SELECT investor_id, used_last_12_months::int AS used FROM pledge.investor_usage WHERE investor_id = ANY($1)`,
        [backers.map((backer) => backer.id)],
      );
      return backers.map((backer) => rows.find((row) => row.investor_id === backer.id)!.used);
    };
    expect(await usage()).toEqual([4_500, 3_000, 3_000, 3_000]);

    expect((await closeNow(failing.projectId)).body).toMatchObject({
      status: 'FAILED',
      released: { count: 8, amount: 12_000 },
    });
    expect(await usage()).toEqual([1_500, 0, 0, 0]);
    await expectBooks(h.world, projectAccounts(failing.projectId));
  });

  it('a failed round released while its backers pledge into another campaign: the close and every pledge go through', async () => {
    const failing = await liveCampaign(h, { fundingModel: 'ALL_OR_NOTHING', targetAmount: 1_000_000 });
    const elsewhere = await liveCampaign(h);
    const backers: Actor[] = [];
    for (let i = 0; i < 16; i++) backers.push(await investor(h));
    await Promise.all(backers.map((backer) => pledgeThroughApi(h, failing.projectId, backer, 1_000)));

    const [closed, ...pledged] = await Promise.all([
      closeNow(failing.projectId),
      ...[...backers].reverse().map((backer) =>
        call(h.pledge, 'POST', `/v1/projects/${elsewhere.projectId}/pledges`, {
          token: backer.token,
          body: { amount: 1_000, paymentMethod: 'pm_card_visa' },
        }),
      ),
    ]);
    expect(closed).toMatchObject({ status: 202, body: { status: 'FAILED', released: { count: 16, amount: 16_000 } } });
    expect(pledged.map((answer) => answer.status)).toEqual(backers.map(() => 201));
    const usage = await query<{ used: number }>(
      `SELECT used_last_12_months::int AS used FROM pledge.investor_usage WHERE investor_id = ANY($1)`,
      [backers.map((backer) => backer.id)],
    );
    expect(usage.map((row) => row.used)).toEqual(backers.map(() => 1_000));
  });

  it('hard decline: PAYMENT_FAILED at once; the rest is charged, FUNDED, shares issued, fee kept, paid out', async () => {
    const campaign = await liveCampaign(h, {
      kind: 'EQUITY',
      fundingModel: 'ALL_OR_NOTHING',
      targetAmount: 20_000,
      equity: { pricePerShare: 100, preMoneyValuation: 1_000_000_00, shareClass: 'Common' },
      payoutAccountId: 'acct_startup1',
    });
    const { projectId } = campaign;
    const [ada, bob, cy] = [
      await registerActor(h.gateway, 'investor'),
      await registerActor(h.gateway, 'investor'),
      await registerActor(h.gateway, 'investor'),
    ];
    const adas = await pledgeOn(campaign, ada, 15_000);
    const bobs = await pledgeOn(campaign, bob, 10_000, 'pm_card_chargeDeclined');
    const cys = await pledgeOn(campaign, cy, 5_000, 'pm_card_mastercard');

    const closed = await closeNow(projectId);
    expect(closed.status).toBe(202);
    expect(closed.body.status).toBe('SETTLING');
    const settlement = await settledAs(h, projectId, 'FUNDED', { payoutStatus: 'PAID' });
    expect(settlement).toMatchObject({
      charged: { count: 2, amount: 20_000 },
      failed: { count: 1, amount: 10_000 },
      pending: { count: 0, amount: 0 },
      platformFee: 1_000,
      payout: 19_000,
    });
    expect([await statusOf(adas.id), await statusOf(bobs.id), await statusOf(cys.id)]).toEqual([
      'CHARGED',
      'PAYMENT_FAILED',
      'CHARGED',
    ]);
    expect(await paymentsOf(bobs.id)).toEqual([
      { key: `charge:${bobs.id}`, operation: 'charge', outcome: 'hard_decline' },
    ]);
    expect(await journalReferencesOf(adas.id, bobs.id, cys.id, projectId)).toEqual(
      [`charge:${adas.id}`, `charge:${cys.id}`, `payout:${projectId}`, `settlement:${projectId}`].sort(),
    );
    await expectBooks(h.world, projectAccounts(projectId));
    const holdings = await query<{ investor_id: string; shares: string; amount_invested: string }>(
      `SELECT investor_id, shares::text AS shares, amount_invested::text AS amount_invested
         FROM pledge.holdings WHERE project_id = $1 ORDER BY holdings.shares DESC`,
      [projectId],
    );
    expect(holdings).toEqual([
      { investor_id: ada.id, shares: '150', amount_invested: '15000' },
      { investor_id: cy.id, shares: '50', amount_invested: '5000' },
    ]);
    expect(await eventTypesOf(h.world, bobs.id)).toEqual(['pledge.payment-failed']);
    expect(await eventTypesOf(h.world, adas.id)).toEqual(['pledge.charged']);
    expect(await closedEventsOf(h.world, projectId)).toEqual([
      expect.objectContaining({
        outcome: 'FUNDED',
        raised: 20_000,
        pledgeCount: 2,
        investorCount: 2,
        platformFee: 1_000,
        payout: 19_000,
      }),
    ]);
    expect(await eventTypesOf(h.world, projectId)).toEqual(
      expect.arrayContaining(['shares.issued', 'campaign.closed']),
    );
  });

  it('charged total below target: every charge is refunded and the campaign FAILS', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'ALL_OR_NOTHING', targetAmount: 10_000 });
    const { projectId } = campaign;
    const [ada, bob] = [await registerActor(h.gateway, 'investor'), await registerActor(h.gateway, 'investor')];
    const adas = await pledgeOn(campaign, ada, 5_000);
    const bobs = await pledgeOn(campaign, bob, 6_000, 'pm_card_chargeDeclinedFraudulent');

    expect((await closeNow(projectId)).status).toBe(202);
    const settlement = await settledAs(h, projectId, 'FAILED');
    expect(settlement).toMatchObject({
      refunded: { count: 1, amount: 5_000 },
      failed: { count: 1, amount: 6_000 },
      charged: { count: 0, amount: 0 },
      platformFee: 0,
      payout: 0,
    });
    expect(await statusOf(adas.id)).toBe('RELEASED');
    expect(await paymentsOf(adas.id)).toEqual([
      { key: `charge:${adas.id}`, operation: 'charge', outcome: 'succeeded' },
      { key: `refund:${adas.id}`, operation: 'refund', outcome: null },
    ]);
    expect(await journalReferencesOf(adas.id, bobs.id, projectId)).toEqual([`charge:${adas.id}`, `refund:${adas.id}`]);
    await expectBooks(h.world, projectAccounts(projectId));
    expect(await eventTypesOf(h.world, adas.id)).toEqual(['pledge.charged', 'pledge.released']);
    const [released] = await query<{ payload: { reason: string } }>(
      `SELECT payload FROM pledge.outbox WHERE event_type = 'pledge.released' AND aggregate_id = $1`,
      [adas.id],
    );
    expect(released.payload.reason).toBe('REFUNDED');
    expect(await closedEventsOf(h.world, projectId)).toEqual([
      expect.objectContaining({ outcome: 'FAILED', raised: 0 }),
    ]);
  });
});

describe('soft declines and the fix window', () => {
  it('a soft decline waits for a new method, whose charge (a new key) makes it CHARGED, then FUNDED', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'KEEP_IT_ALL', payoutAccountId: 'acct_startup2' });
    const { projectId } = campaign;
    const [ada, bob] = [await registerActor(h.gateway, 'investor'), await registerActor(h.gateway, 'investor')];
    const adas = await pledgeOn(campaign, ada, 5_000, 'pm_card_chargeDeclinedInsufficientFunds');
    const bobs = await pledgeOn(campaign, bob, 3_000);
    const closedAt = h.clock.now().getTime();
    expect((await closeNow(projectId)).status).toBe(202);

    await untilStatus(adas.id, 'PAYMENT_ACTION_REQUIRED');
    await untilStatus(bobs.id, 'CHARGED');
    const [required] = await query<{ payload: { declineCode: string; fixBy: string } }>(
      `SELECT payload FROM pledge.outbox WHERE event_type = 'pledge.payment-action-required' AND aggregate_id = $1`,
      [adas.id],
    );
    expect(required.payload.declineCode).toBe('insufficient_funds');
    expect(new Date(required.payload.fixBy).getTime()).toBeGreaterThanOrEqual(closedAt + FIX_WINDOW_SECONDS * 1000);
    expect((await settlementOf(h, projectId)).status).toBe('SETTLING');
    const waiting = await call(h.pledge, 'GET', `/v1/pledges/${adas.id}`, { token: ada.token });
    expect(waiting.body).toMatchObject({
      status: 'PAYMENT_ACTION_REQUIRED',
      declineCode: 'insufficient_funds',
      fixBy: required.payload.fixBy,
    });

    const replaced = await call(h.pledge, 'PUT', `/v1/pledges/${adas.id}/payment-method`, {
      token: ada.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(replaced.status).toBe(200);
    await settledAs(h, projectId, 'FUNDED', { charged: { count: 2, amount: 8_000 }, payoutStatus: 'PAID' });
    expect(await statusOf(adas.id)).toBe('CHARGED');
    expect(await paymentsOf(adas.id)).toEqual([
      { key: `charge:${adas.id}`, operation: 'charge', outcome: 'soft_decline' },
      { key: `charge:${adas.id}:1`, operation: 'charge', outcome: 'succeeded' },
    ]);
    expect(await journalReferencesOf(adas.id)).toEqual([`charge:${adas.id}`]);
    expectError(
      await call(h.pledge, 'PUT', `/v1/pledges/${adas.id}/payment-method`, {
        token: ada.token,
        body: { paymentMethod: 'pm_card_visa' },
      }),
      409,
      'PLEDGE_NOT_AWAITING_PAYMENT',
    );
    await expectBooks(h.world, projectAccounts(projectId));
  });

  it('a fix window that ends with no new method makes the pledge PAYMENT_FAILED, and the rest is settled', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'KEEP_IT_ALL' });
    const { projectId } = campaign;
    const [ada, bob] = [await registerActor(h.gateway, 'investor'), await registerActor(h.gateway, 'investor')];
    const adas = await pledgeOn(campaign, ada, 5_000, 'pm_card_authenticationRequired');
    const bobs = await pledgeOn(campaign, bob, 2_000);
    expect((await closeNow(projectId)).status).toBe(202);
    await untilStatus(adas.id, 'PAYMENT_ACTION_REQUIRED');
    await untilStatus(bobs.id, 'CHARGED');
    expect((await settlementOf(h, projectId)).status).toBe('SETTLING');

    h.clock.advance(FIX_WINDOW_SECONDS * 1000 + 1000);
    const settlement = await settledAs(h, projectId, 'FUNDED');
    expect(settlement).toMatchObject({
      charged: { count: 1, amount: 2_000 },
      failed: { count: 1, amount: 5_000 },
      platformFee: 100,
      payout: 1_900,
    });
    expect(await eventTypesOf(h.world, adas.id)).toEqual(['pledge.payment-action-required', 'pledge.payment-failed']);
    expectError(
      await call(h.pledge, 'PUT', `/v1/pledges/${adas.id}/payment-method`, {
        token: ada.token,
        body: { paymentMethod: 'pm_card_visa' },
      }),
      409,
      'PLEDGE_NOT_AWAITING_PAYMENT',
    );
    expect(await paymentsOf(adas.id)).toHaveLength(1);
    const failed = await call(h.pledge, 'GET', `/v1/pledges/${adas.id}`, { token: ada.token });
    expect(failed.body).toMatchObject({ status: 'PAYMENT_FAILED', declineCode: 'authentication_required' });
    expect(failed.body).not.toHaveProperty('fixBy');
  });
});

describe('KEEP_IT_ALL and the deadline', () => {
  it('keeps what is collected below target; the payout waits for the startup’s account, then is paid once', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'KEEP_IT_ALL', targetAmount: 100_000 });
    const { projectId } = campaign;
    const ada = await registerActor(h.gateway, 'investor');
    await pledgeOn(campaign, ada, 3_000);
    expect((await closeNow(projectId)).status).toBe(202);
    await settledAs(h, projectId, 'FUNDED', {
      charged: { count: 1, amount: 3_000 },
      platformFee: 150,
      payout: 2_850,
      payoutStatus: 'AWAITING_PAYOUT_ACCOUNT',
    });
    await expectBooks(h.world, { [`escrow:${projectId}`]: 0, [`startup-payable:${projectId}`]: -2_850 });

    // a later snapshot brings the account; it must not put the settled campaign back to LIVE
    const later: ProjectLiveV1 = {
      ...campaign,
      projectVersion: campaign.projectVersion + 1,
      payoutAccountId: 'acct_late',
    };
    await publishFrom(h.listing, 'project.live', projectId, later.projectVersion, later);
    await settledAs(h, projectId, 'FUNDED', { payoutStatus: 'PAID' });
    await expectBooks(h.world, projectAccounts(projectId));
    const transfers = await query<{ request: { destinationAccount: string; amount: number } }>(
      `SELECT request FROM pledge.sandbox_payments WHERE idempotency_key = $1`,
      [`payout:${projectId}`],
    );
    expect(transfers).toEqual([
      { request: expect.objectContaining({ destinationAccount: 'acct_late', amount: 2_850 }) },
    ]);
  });

  it('closes a campaign when its deadline passes, and leaves the others LIVE', async () => {
    const now = h.clock.now().getTime();
    const due = await liveCampaign(h, {
      fundingModel: 'KEEP_IT_ALL',
      opensAt: new Date(now - DAY_MS).toISOString(),
      closesAt: new Date(now + DAY_MS).toISOString(),
    });
    const later = await liveCampaign(h, { closesAt: new Date(now + 30 * DAY_MS).toISOString() });
    const ada = await registerActor(h.gateway, 'investor');
    await pledgeOn(due, ada, 4_000);
    await pledgeOn(later, ada, 4_000);

    h.clock.advance(DAY_MS + 1000);
    await settledAs(h, due.projectId, 'FUNDED', { charged: { count: 1, amount: 4_000 } });
    expect((await settlementOf(h, later.projectId)).status).toBe('LIVE');
    expect(await closedEventsOf(h.world, due.projectId)).toHaveLength(1);
  });
});

describe('the EU reflection period (ECSPR Art 22)', () => {
  it('charges a pledge only once its 4 days are over; revoked within them after the close, it is never charged', async () => {
    const campaign = await liveCampaign(h, {
      jurisdiction: 'EU',
      currency: 'EUR',
      region: 'Bavaria',
      fundingModel: 'KEEP_IT_ALL',
      payoutAccountId: 'acct_reflection',
    });
    const { projectId } = campaign;
    const tested = {
      currency: 'EUR',
      knowledgeTestPassedUntil: new Date(h.clock.now().getTime() + 300 * DAY_MS).toISOString(),
    };
    const [eva, olga, pro] = await Promise.all([
      investor(h, tested),
      investor(h, tested),
      investor(h, { currency: 'EUR', sophisticated: true }),
    ]);
    const evas = await pledgeThroughApi(h, projectId, eva, 5_000);
    const olgas = await pledgeThroughApi(h, projectId, olga, 4_000);
    const pros = await pledgeThroughApi(h, projectId, pro, 3_000); // sophisticated: no reflection period

    expect((await closeNow(projectId)).status).toBe(202);
    await untilStatus(pros.id, 'CHARGED');
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // a settlement sweep runs every 2 s
    expect(await paymentsOf(evas.id)).toEqual([]);
    expect(await paymentsOf(olgas.id)).toEqual([]);
    expect(await settlementOf(h, projectId)).toMatchObject({ status: 'SETTLING' });

    const revoked = await call(h.pledge, 'DELETE', `/v1/pledges/${evas.id}`, { token: eva.token });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });

    h.clock.advance(4 * DAY_MS + 60_000);
    await settledAs(h, projectId, 'FUNDED', { charged: { count: 2, amount: 7_000 } });
    expect(await statusOf(olgas.id)).toBe('CHARGED');
    expect(await paymentsOf(evas.id)).toEqual([]);
    expectError(
      await call(h.pledge, 'DELETE', `/v1/pledges/${olgas.id}`, { token: olga.token }),
      409,
      'PLEDGE_NOT_CANCELLABLE',
    );
    await expectBooks(h.world, { [`escrow:${projectId}`]: 0 });
  });
});
