import { eventually } from '@crowdlink/testing';
import { Actor, Answer, call, expectError, registerActor } from '../../../test/support/api-client';
import { queryWorld } from '../../../test/support/backbone';
import { STRIPE_MAX_NETWORK_RETRIES } from '../src/payments/stripe-client';
import { SettlementDto } from '../src/settlement/dto/settlement.dto';
import { investor, liveCampaign, pledgeThroughApi } from './pledge.harness';
import {
  closedEventsOf,
  eventTypesOf,
  expectBooks,
  seedPledge,
  settledAs,
  settlementOf,
  SettlementHarness,
  startSettlementHarness,
} from './settlement.harness';
import { CreatedPaymentIntent, FakeStripeServer, serverError } from './support/fake-stripe-server';
import {
  deliverStripeEvent,
  eventIdOf,
  paymentIntentObject,
  signStripeEvent,
  stripeEvent,
} from './support/stripe-webhooks';

/*
 * Settlement with PAYMENT_PROVIDER=stripe, the real SDK talking to a local fake Stripe, and
 * Stripe's webhooks signed as Stripe signs them: the money paths that only a real provider
 * has — a charge confirmed later by the investor, charges the pledge does not keep, network
 * errors, and a cancellation landing while the charge is in flight.
 */

const WEBHOOK_SECRET = 'whsec_settlementstripe';
const CHARGE_ROUTE = 'POST /v1/payment_intents';

let h: SettlementHarness;
let stripe: FakeStripeServer;

beforeAll(async () => {
  stripe = await FakeStripeServer.start();
  h = await startSettlementHarness({
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_settlementstripe',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: stripe.url,
    PAYMENT_FIX_WINDOW_SECONDS: '3600',
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await stripe?.close();
});

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => queryWorld<T>(h.world, sql, params);

function closeNow(projectId: string): Promise<Answer<SettlementDto>> {
  return call<SettlementDto>(h.pledge, 'POST', `/v1/admin/projects/${projectId}/close`, { token: h.admin.token });
}

async function pledgeRow(pledgeId: string): Promise<{ status: string; charge_ref: string | null }> {
  const [row] = await query<{ status: string; charge_ref: string | null }>(
    `SELECT status, charge_ref FROM pledge.pledges WHERE id = $1`,
    [pledgeId],
  );
  return row;
}

function untilStatus(pledgeId: string, status: string): Promise<void> {
  return eventually(async () => expect((await pledgeRow(pledgeId)).status).toBe(status), { timeoutMs: 30_000 });
}

function journalReferencesOf(pledgeId: string): Promise<string[]> {
  return query<{ reference: string }>(
    `SELECT reference FROM pledge.journal_entries WHERE split_part(reference, ':', 2) = $1 ORDER BY reference`,
    [pledgeId],
  ).then((rows) => rows.map((row) => row.reference));
}

const projectAccounts = (projectId: string) => ({ [`escrow:${projectId}`]: 0, [`startup-payable:${projectId}`]: 0 });

function intentsOf(pledgeId: string): CreatedPaymentIntent[] {
  return stripe.paymentIntents.filter((intent) => intent.pledgeId === pledgeId);
}

function refundsOf(paymentIntentId: string) {
  return stripe.requestsTo('POST /v1/refunds').filter((request) => request.body.payment_intent === paymentIntentId);
}

/** Stripe's `payment_intent.succeeded` for this PaymentIntent, signed now by the service's clock. */
function succeeded(intent: Pick<CreatedPaymentIntent, 'id' | 'pledgeId' | 'amount' | 'currency'>): {
  payload: string;
  deliver(): ReturnType<typeof deliverStripeEvent>;
} {
  const { id, amount, currency } = intent;
  const payload = stripeEvent(
    'payment_intent.succeeded',
    paymentIntentObject(intent.pledgeId!, { id, amount, currency }),
  );
  const signature = signStripeEvent(payload, WEBHOOK_SECRET, h.clock.now());
  return { payload, deliver: () => deliverStripeEvent(h.pledge, payload, signature) };
}

async function effectOf(payload: string): Promise<string[]> {
  const rows = await query<{ effect: string }>(`SELECT effect FROM pledge.stripe_webhook_events WHERE event_id = $1`, [
    eventIdOf(payload),
  ]);
  return rows.map((row) => row.effect);
}

async function investors(count: number): Promise<Actor[]> {
  const actors: Actor[] = [];
  for (let i = 0; i < count; i++) actors.push(await registerActor(h.gateway, 'investor'));
  return actors;
}

describe('a charge the investor confirms later (payment_intent.succeeded)', () => {
  it('makes a soft-declined pledge CHARGED once, which decides the campaign; a redelivery has no effect', async () => {
    const campaign = await liveCampaign(h, {
      fundingModel: 'ALL_OR_NOTHING',
      targetAmount: 8_000,
      payoutAccountId: 'acct_confirmed',
    });
    const { projectId } = campaign;
    const [ada, bob] = await investors(2);
    const adas = await seedPledge(h.world, campaign, ada.id, 5_000, 'pm_card_authenticationRequired');
    const bobs = await seedPledge(h.world, campaign, bob.id, 3_000);
    expect((await closeNow(projectId)).status).toBe(202);
    await untilStatus(adas.id, 'PAYMENT_ACTION_REQUIRED');
    await untilStatus(bobs.id, 'CHARGED');
    expect((await settlementOf(h, projectId)).status).toBe('SETTLING');
    const [declined] = intentsOf(adas.id);
    expect(declined).toMatchObject({ idempotencyKey: `charge:${adas.id}`, status: 'requires_payment_method' });

    // the investor authenticates the off-session PaymentIntent; Stripe tells us, twice
    const confirmation = succeeded(declined);
    expect(await confirmation.deliver()).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    expect(await pledgeRow(adas.id)).toEqual({ status: 'CHARGED', charge_ref: declined.id });
    await settledAs(h, projectId, 'FUNDED', { charged: { count: 2, amount: 8_000 }, payoutStatus: 'PAID' });
    expect(await confirmation.deliver()).toMatchObject({ status: 200, body: { received: true, duplicate: true } });

    expect(await effectOf(confirmation.payload)).toEqual(['charge_confirmed']);
    expect(await journalReferencesOf(adas.id)).toEqual([`charge:${adas.id}`]);
    expect(await eventTypesOf(h.world, adas.id)).toEqual(['pledge.payment-action-required', 'pledge.charged']);
    expect(refundsOf(declined.id)).toEqual([]);
    expect(intentsOf(adas.id)).toHaveLength(1);
    expect(await closedEventsOf(h.world, projectId)).toEqual([
      expect.objectContaining({ outcome: 'FUNDED', raised: 8_000, pledgeCount: 2 }),
    ]);
    await expectBooks(h.world, projectAccounts(projectId));
  });

  it('refunds an older attempt confirmed after a newer one was charged; the charge’s own echo is only recorded', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'KEEP_IT_ALL', payoutAccountId: 'acct_orphan' });
    const { projectId } = campaign;
    const [ada] = await investors(1);
    const adas = await seedPledge(h.world, campaign, ada.id, 5_000, 'pm_card_authenticationRequired');
    expect((await closeNow(projectId)).status).toBe(202);
    await untilStatus(adas.id, 'PAYMENT_ACTION_REQUIRED');
    const replaced = await call(h.pledge, 'PUT', `/v1/pledges/${adas.id}/payment-method`, {
      token: ada.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(replaced.status).toBe(200);
    await settledAs(h, projectId, 'FUNDED', { charged: { count: 1, amount: 5_000 }, payoutStatus: 'PAID' });
    const [older, newer] = intentsOf(adas.id);
    expect(newer).toMatchObject({ idempotencyKey: `charge:${adas.id}:1`, status: 'succeeded' });

    const echo = succeeded(newer);
    expect(await echo.deliver()).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(await effectOf(echo.payload)).toEqual(['recorded']);
    expect(refundsOf(newer.id)).toEqual([]);

    // the investor completes authentication of the first PaymentIntent after all
    const late = succeeded(older);
    expect(await late.deliver()).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(await late.deliver()).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await effectOf(late.payload)).toEqual(['orphan_refunded']);
    expect(refundsOf(older.id)).toEqual([
      expect.objectContaining({
        idempotencyKey: `refund:${adas.id}:${older.id}`,
        body: expect.objectContaining({ amount: '5000' }),
      }),
    ]);
    expect(await pledgeRow(adas.id)).toEqual({ status: 'CHARGED', charge_ref: newer.id });
    // the investor is told once, however often Stripe reports the charge
    expect(
      await queryWorld(
        h.world,
        `SELECT payload FROM pledge.outbox WHERE event_type = 'pledge.charge-refunded' AND aggregate_id = $1`,
        [adas.id],
      ),
    ).toEqual([{ payload: expect.objectContaining({ pledgeId: adas.id, investorId: ada.id, refundedAmount: 5_000 }) }]);
    expect(await journalReferencesOf(adas.id)).toEqual(
      [`charge:${adas.id}`, `charge:${adas.id}:${older.id}`, `refund:${adas.id}:${older.id}`].sort(),
    );
    expect(await settlementOf(h, projectId)).toMatchObject({ charged: { count: 1, amount: 5_000 }, payout: 4_750 });
    await expectBooks(h.world, projectAccounts(projectId));
  });
});

describe('network errors while charging', () => {
  it('retries the charge with its one key until Stripe answers: one PaymentIntent, CHARGED once', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'KEEP_IT_ALL', payoutAccountId: 'acct_flaky' });
    const { projectId } = campaign;
    const [ada] = await investors(1);
    const adas = await seedPledge(h.world, campaign, ada.id, 4_000);
    const key = `charge:${adas.id}`;
    const sdkTries = STRIPE_MAX_NETWORK_RETRIES + 1;
    // every try of the first job fails, so the job itself is retried after its backoff …
    stripe.answerNext({ route: CHARGE_ROUTE, idempotencyKey: key }, serverError(), sdkTries - 1);
    stripe.answerNext({ route: CHARGE_ROUTE, idempotencyKey: key }, 'connection_reset');
    // … whose first try is charged by Stripe but its answer lost: the SDK's retry gets it replayed
    stripe.answerNext({ route: CHARGE_ROUTE, idempotencyKey: key }, 'answer_lost');

    expect((await closeNow(projectId)).status).toBe(202);
    await settledAs(h, projectId, 'FUNDED', { charged: { count: 1, amount: 4_000 }, payoutStatus: 'PAID' });

    const tries = stripe.requests.filter((request) => request.idempotencyKey === key);
    expect(tries).toHaveLength(sdkTries + 2);
    expect(new Set(tries.map((request) => JSON.stringify(request.body))).size).toBe(1);
    const intents = intentsOf(adas.id);
    expect(intents).toEqual([expect.objectContaining({ idempotencyKey: key, status: 'succeeded', amount: 4_000 })]);
    expect(await pledgeRow(adas.id)).toEqual({ status: 'CHARGED', charge_ref: intents[0].id });
    expect(await journalReferencesOf(adas.id)).toEqual([key]);
    expect(await eventTypesOf(h.world, adas.id)).toEqual(['pledge.charged']);
    await expectBooks(h.world, projectAccounts(projectId));
  });
});

describe('a cancellation while the charge is in flight', () => {
  it('refunds the charge at once (cancelled during it, the window still open after an early close); the journal shows both; Stripe’s echo changes nothing', async () => {
    const campaign = await liveCampaign(h, { fundingModel: 'KEEP_IT_ALL', payoutAccountId: 'acct_reflection' });
    const { projectId } = campaign;
    // a US investor may cancel until 48 hours before the deadline; an admin closes 30 days early
    const eva = await investor(h);
    const evas = await pledgeThroughApi(h, projectId, eva, 5_000);
    await pledgeThroughApi(h, projectId, await investor(h), 3_000);
    const held = stripe.holdNext({ route: CHARGE_ROUTE, idempotencyKey: `charge:${evas.id}` });

    expect((await closeNow(projectId)).status).toBe(202);
    await held.arrived;
    // a charge still being decided: Stripe is asked to deliver its event again later
    const early = succeeded({ id: 'pi_notyetknown', pledgeId: evas.id, amount: 5_000, currency: 'usd' });
    expectError(await early.deliver(), 409, 'CHARGE_ATTEMPT_IN_FLIGHT');
    expect(await effectOf(early.payload)).toEqual([]);
    const cancelled = await call(h.pledge, 'DELETE', `/v1/pledges/${evas.id}`, { token: eva.token });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
    held.release();

    await settledAs(h, projectId, 'FUNDED', { charged: { count: 1, amount: 3_000 }, payoutStatus: 'PAID' });
    const [charge] = intentsOf(evas.id);
    expect(charge).toMatchObject({ status: 'succeeded', amount: 5_000, currency: 'usd' });
    await eventually(async () =>
      expect(await journalReferencesOf(evas.id)).toEqual([
        `charge:${evas.id}:${charge.id}`,
        `refund:${evas.id}:${charge.id}`,
      ]),
    );
    expect(refundsOf(charge.id)).toEqual([
      expect.objectContaining({
        idempotencyKey: `refund:${evas.id}:${charge.id}`,
        body: expect.objectContaining({ amount: '5000' }),
      }),
    ]);
    expect(await pledgeRow(evas.id)).toEqual({ status: 'CANCELLED', charge_ref: null });
    expect(await eventTypesOf(h.world, evas.id)).toEqual([
      'pledge.committed',
      'pledge.cancelled',
      'pledge.charge-refunded',
    ]);
    await expectBooks(h.world, projectAccounts(projectId));

    const echo = succeeded(charge);
    expect(await echo.deliver()).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(await effectOf(echo.payload)).toEqual(['recorded']);
    expect(refundsOf(charge.id)).toHaveLength(1);
  });
});
