import { Actor, call, expectError } from '../../../test/support/api-client';
import { investor, liveCampaign, PledgeHarness, query, startPledgeHarness } from './pledge.harness';
import { FakeStripeServer } from './support/fake-stripe-server';
import {
  deliverStripeEvent,
  eventIdOf as idOf,
  paymentIntentObject as paymentIntent,
  signStripeEvent,
  STRIPE_WEBHOOK_PATH as WEBHOOK_PATH,
  stripeEvent,
} from './support/stripe-webhooks';

/*
 * The pledge service with PAYMENT_PROVIDER=stripe: the real SDK, its requests served by a
 * local fake Stripe; and Stripe's webhooks, signed as Stripe signs them, straight to the
 * service and through the gateway.
 */

const WEBHOOK_SECRET = 'whsec_crowdlinkintegration';

let h: PledgeHarness;
let stripe: FakeStripeServer;

beforeAll(async () => {
  stripe = await FakeStripeServer.start();
  h = await startPledgeHarness({
    env: {
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_crowdlinkintegration',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await stripe?.close();
});

interface PledgeRefs {
  status: string;
  customer_ref: string;
  payment_method_ref: string;
}

async function pledgeWith(actor: Actor, projectId: string, paymentMethod: string) {
  return call<{ id: string; status: string }>(h.pledge, 'POST', `/v1/projects/${projectId}/pledges`, {
    token: actor.token,
    body: { amount: 5_000, paymentMethod },
  });
}

describe('pledging with PAYMENT_PROVIDER=stripe', () => {
  it('saves the method with a customer and an off-session SetupIntent keyed by the pledge', async () => {
    const { projectId } = await liveCampaign(h);
    const actor = await investor(h);

    const answer = await pledgeWith(actor, projectId, 'pm_card_visa');

    expect(answer.status).toBe(201);
    const pledgeId = answer.body.id;
    const customer = stripe.requests.find((request) => request.idempotencyKey === `setup:${pledgeId}:customer`);
    const setupIntent = stripe.requests.find((request) => request.idempotencyKey === `setup:${pledgeId}`);
    expect(customer).toMatchObject({ path: '/v1/customers', body: { 'metadata[investorId]': actor.id } });
    expect(setupIntent).toMatchObject({
      path: '/v1/setup_intents',
      body: { payment_method: 'pm_card_visa', usage: 'off_session', confirm: 'true', 'metadata[pledgeId]': pledgeId },
    });
    const [row] = await query<PledgeRefs>(
      h,
      'SELECT status, customer_ref, payment_method_ref FROM pledge.pledges WHERE id = $1',
      [pledgeId],
    );
    expect(row).toEqual({
      status: 'COMMITTED',
      customer_ref: setupIntent!.body.customer,
      payment_method_ref: expect.stringMatching(/^pm_1/),
    });
  });

  it('refuses a payment method Stripe does not know with 402, and keeps no pledge', async () => {
    const { projectId } = await liveCampaign(h);
    const actor = await investor(h);

    const answer = await pledgeWith(actor, projectId, 'pm_1UnknownToStripe');

    expectError(answer, 402, 'PAYMENT_METHOD_DECLINED');
    expect(answer.body).toMatchObject({ details: { declineCode: 'resource_missing' } });
    expect(await query(h, 'SELECT 1 FROM pledge.pledges WHERE investor_id = $1', [actor.id])).toEqual([]);
  });
});

describe(`POST ${WEBHOOK_PATH}`, () => {
  interface EventRow {
    event_id: string;
    type: string;
    object_id: string;
    pledge_id: string | null;
    effect: string;
  }

  function signed(payload: string, { secret = WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
    return signStripeEvent(payload, secret, new Date(timestamp * 1000));
  }

  function deliver(payload: string, signature?: string, to: { url: string } = h.pledge) {
    return deliverStripeEvent(to, payload, signature);
  }

  const eventRows = (eventId: string) =>
    query<EventRow>(
      h,
      'SELECT event_id, type, object_id, pledge_id, effect FROM pledge.stripe_webhook_events WHERE event_id = $1',
      [eventId],
    );

  /** A pledge whose off-session charge was soft-declined (the settlement's doing, set here directly). */
  async function pledgeAwaitingAction(): Promise<string> {
    const { projectId } = await liveCampaign(h);
    const answer = await pledgeWith(await investor(h), projectId, 'pm_card_authenticationRequired');
    expect(answer.status).toBe(201);
    await query(h, `UPDATE pledge.pledges SET status = 'PAYMENT_ACTION_REQUIRED', decided_attempt = 0 WHERE id = $1`, [
      answer.body.id,
    ]);
    return answer.body.id;
  }

  it('confirms the charge of a pledge awaiting authentication once, however often Stripe delivers it', async () => {
    const pledgeId = await pledgeAwaitingAction();
    const intent = paymentIntent(pledgeId);
    const payload = stripeEvent('payment_intent.succeeded', intent);
    const signature = signed(payload);

    const first = await deliver(payload, signature);
    const replay = await deliver(payload, signature);

    expect(first).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    expect(replay).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    expect(await eventRows(idOf(payload))).toEqual([
      {
        event_id: idOf(payload),
        type: 'payment_intent.succeeded',
        object_id: intent.id,
        pledge_id: pledgeId,
        effect: 'charge_confirmed',
      },
    ]);
    expect(await query(h, 'SELECT status, charge_ref FROM pledge.pledges WHERE id = $1', [pledgeId])).toEqual([
      { status: 'CHARGED', charge_ref: intent.id },
    ]);
  });

  it('records one row when two deliveries of an event race', async () => {
    const pledgeId = await pledgeAwaitingAction();
    const payload = stripeEvent('payment_intent.succeeded', paymentIntent(pledgeId));
    const signature = signed(payload);

    const answers = await Promise.all([1, 2, 3].map(() => deliver(payload, signature)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => !answer.body.duplicate)).toHaveLength(1);
    expect(await eventRows(idOf(payload))).toHaveLength(1);
  });

  it.each([
    ['payment_intent.payment_failed', 'recorded'],
    ['charge.refunded', 'recorded'],
    ['charge.dispute.created', 'recorded'],
    ['payment_intent.succeeded', 'recorded'],
    ['customer.created', 'ignored'],
  ])('keeps %s as %s (the pledge is not awaiting action)', async (type, effect) => {
    const pledgeId = '01937a10-0000-7000-8000-00000000abcd';
    const payload = stripeEvent(type, paymentIntent(pledgeId, { status: 'requires_payment_method' }));

    expect((await deliver(payload, signed(payload))).status).toBe(200);

    expect(await eventRows(idOf(payload))).toEqual([expect.objectContaining({ type, effect, pledge_id: pledgeId })]);
  });

  it('takes a webhook through the gateway, whose proxy keeps the signed bytes', async () => {
    const payload = stripeEvent('charge.refunded', { id: 'ch_1', object: 'charge', metadata: {} });
    const answer = await deliver(payload, signed(payload), h.gateway);
    expect(answer).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    expect(await eventRows(idOf(payload))).toEqual([expect.objectContaining({ pledge_id: null, effect: 'recorded' })]);
  });

  it.each([
    ['no signature', (payload: string) => deliver(payload), 'WEBHOOK_SIGNATURE_MISSING'],
    [
      'a signature with another secret',
      (payload: string) => deliver(payload, signed(payload, { secret: 'whsec_someoneelse' })),
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'a body changed after signing',
      (payload: string) => deliver(payload.replace('"livemode": false', '"livemode": true'), signed(payload)),
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'the body re-serialised (the signature covers the bytes)',
      (payload: string) => deliver(JSON.stringify(JSON.parse(payload)), signed(payload)),
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'a signature older than the tolerance',
      (payload: string) => deliver(payload, signed(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 })),
      'WEBHOOK_TIMESTAMP_STALE',
    ],
  ])('refuses %s with 400, and records nothing', async (_name, send, code) => {
    const payload = stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge', metadata: {} });
    expectError(await send(payload), 400, code);
    expect(await eventRows(idOf(payload))).toEqual([]);
  });

  it('refuses a signed body that is not a Stripe event', async () => {
    const payload = JSON.stringify({ id: 'not-an-event', type: 'charge.refunded' });
    expectError(await deliver(payload, signed(payload)), 400, 'WEBHOOK_EVENT_MALFORMED');
  });
});
