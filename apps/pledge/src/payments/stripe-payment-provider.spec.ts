import { loadConfig } from '@crowdlink/platform';
import Stripe from 'stripe';
import { cardError, FakeStripeServer, serverError } from '../../test/support/fake-stripe-server';
import { idempotencyKeyOf } from './payment-provider';
import { SANDBOX_PAYMENT_METHODS } from './sandbox-payment-provider';
import { createStripeClient } from './stripe-client';
import { PaymentProviderUnavailableException } from './stripe-payment.exceptions';
import { StripePaymentProvider } from './stripe-payment-provider';

const SECRET_KEY = 'sk_test_crowdlink';
const INVESTOR = '0b4c5a4e-3f7b-4a59-9d0a-6f1d2c3b4a59';
const PLEDGE = '01937a10-0000-7000-8000-000000000001';

describe(StripePaymentProvider.name, () => {
  let stripe: FakeStripeServer;
  let provider: StripePaymentProvider;

  beforeEach(async () => {
    stripe = await FakeStripeServer.start();
    const config = loadConfig({
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: 'whsec_test',
      STRIPE_API_URL: stripe.url,
    });
    provider = new StripePaymentProvider(createStripeClient(config));
  });

  afterEach(() => stripe.close());

  function save(paymentMethod: string, pledgeId = PLEDGE) {
    return provider.savePaymentMethod({
      pledgeId,
      investorId: INVESTOR,
      paymentMethod,
      idempotencyKey: idempotencyKeyOf.setup(pledgeId),
    });
  }

  async function saveAndCharge(paymentMethod: string, pledgeId = PLEDGE) {
    const saved = await save(paymentMethod, pledgeId);
    if (saved.outcome !== 'saved') throw new Error(`${paymentMethod} was not saved`);
    return provider.charge({
      pledgeId,
      amount: 5_000,
      currency: 'USD',
      customerRef: saved.customerRef,
      paymentMethodRef: saved.paymentMethodRef,
      idempotencyKey: idempotencyKeyOf.charge(pledgeId),
    });
  }

  describe('savePaymentMethod', () => {
    it('creates a customer, then confirms an off-session SetupIntent, each under its own key', async () => {
      const saved = await save('pm_card_visa');

      const [customer] = stripe.requestsTo('POST /v1/customers');
      const [setupIntent] = stripe.requestsTo('POST /v1/setup_intents');
      expect(customer).toMatchObject({
        idempotencyKey: `setup:${PLEDGE}:customer`,
        authorization: `Bearer ${SECRET_KEY}`,
        stripeVersion: Stripe.API_VERSION,
        body: { 'metadata[pledgeId]': PLEDGE, 'metadata[investorId]': INVESTOR },
      });
      const customerId = saved.outcome === 'saved' ? saved.customerRef : undefined;
      expect(customerId).toMatch(/^cus_/);
      expect(setupIntent).toMatchObject({
        idempotencyKey: `setup:${PLEDGE}`,
        body: {
          customer: customerId,
          payment_method: 'pm_card_visa',
          'allowed_payment_method_types[0]': 'card',
          usage: 'off_session',
          confirm: 'true',
          'metadata[pledgeId]': PLEDGE,
        },
      });
      expect(stripe.requests).toHaveLength(2);
      // Stripe attaches a copy of a test method: the copy is what a later charge must use
      expect(saved).toEqual({
        outcome: 'saved',
        customerRef: customerId,
        paymentMethodRef: expect.stringMatching(/^pm_1/),
      });
    });

    it('sends the same keys when repeated, and so gets the same customer and method back', async () => {
      const first = await save('pm_card_visa');
      expect(await save('pm_card_visa')).toEqual(first);
      expect(stripe.requests.map((request) => request.idempotencyKey)).toEqual([
        `setup:${PLEDGE}:customer`,
        `setup:${PLEDGE}`,
        `setup:${PLEDGE}:customer`,
        `setup:${PLEDGE}`,
      ]);
    });

    it('saves a replacement method under its own keys', async () => {
      await provider.savePaymentMethod({
        pledgeId: PLEDGE,
        investorId: INVESTOR,
        paymentMethod: 'pm_card_mastercard',
        idempotencyKey: idempotencyKeyOf.replaceSetup(PLEDGE, 'pm_card_mastercard'),
      });
      expect(stripe.requests.map((request) => request.idempotencyKey)).toEqual([
        `setup:${PLEDGE}:pm_card_mastercard:customer`,
        `setup:${PLEDGE}:pm_card_mastercard`,
      ]);
    });

    it('declines a payment-method id Stripe does not know', async () => {
      expect(await save('pm_1NotAMethodOfOurs')).toEqual({ outcome: 'declined', declineCode: 'resource_missing' });
    });

    it('declines a card the issuer refuses when the SetupIntent verifies it', async () => {
      stripe.answerNext('POST /v1/setup_intents', cardError({ code: 'card_declined', decline_code: 'stolen_card' }));
      expect(await save('pm_card_visa')).toEqual({ outcome: 'declined', declineCode: 'stolen_card' });
    });

    it('declines a method that needs the investor to authenticate, as no one is there to do it', async () => {
      stripe.answerNext('POST /v1/setup_intents', {
        status: 200,
        body: { id: 'seti_1', object: 'setup_intent', status: 'requires_action', payment_method: 'pm_1x' },
      });
      expect(await save('pm_card_visa')).toEqual({ outcome: 'declined', declineCode: 'authentication_required' });
    });

    it('is unavailable (503) when Stripe keeps failing, after the SDK retried with the same key', async () => {
      stripe.answerNext('POST /v1/customers', serverError(503), 3);
      await expect(save('pm_card_visa')).rejects.toThrow(PaymentProviderUnavailableException);
      const keys = stripe.requestsTo('POST /v1/customers').map((request) => request.idempotencyKey);
      expect(keys).toEqual(Array(3).fill(`setup:${PLEDGE}:customer`));
    });
  });

  describe('charge', () => {
    it('confirms an off-session PaymentIntent for the amount, in lowercase currency, under the charge key', async () => {
      const result = await saveAndCharge('pm_card_visa');

      const [setupIntent] = stripe.requestsTo('POST /v1/setup_intents');
      const [intent] = stripe.requestsTo('POST /v1/payment_intents');
      expect(intent).toMatchObject({
        idempotencyKey: `charge:${PLEDGE}`,
        body: {
          amount: '5000',
          currency: 'usd',
          customer: setupIntent.body.customer,
          off_session: 'true',
          confirm: 'true',
          'metadata[pledgeId]': PLEDGE,
        },
      });
      expect(intent.body.payment_method).toMatch(/^pm_1/);
      expect(intent.body).not.toHaveProperty('capture_method');
      expect(result).toEqual({ outcome: 'succeeded', chargeRef: expect.stringMatching(/^pi_/) });
    });

    it.each(Object.entries(SANDBOX_PAYMENT_METHODS))(
      'gives %s the outcome the sandbox gives it',
      async (paymentMethod, behaviour) => {
        const result = await saveAndCharge(paymentMethod);
        expect(result.outcome).toBe(behaviour.atCharge);
        expect(result.declineCode).toBe(behaviour.atCharge === 'succeeded' ? undefined : behaviour.declineCode);
      },
    );

    it('sends the same key when repeated, and Stripe answers the first PaymentIntent', async () => {
      const first = await saveAndCharge('pm_card_visa');
      const saved = stripe.requestsTo('POST /v1/payment_intents')[0].body;
      const again = await provider.charge({
        pledgeId: PLEDGE,
        amount: 5_000,
        currency: 'USD',
        customerRef: saved.customer,
        paymentMethodRef: saved.payment_method,
        idempotencyKey: idempotencyKeyOf.charge(PLEDGE),
      });
      expect(again).toEqual(first);
      const keys = stripe.requestsTo('POST /v1/payment_intents').map((request) => request.idempotencyKey);
      expect(keys).toEqual([`charge:${PLEDGE}`, `charge:${PLEDGE}`]);
    });

    it('lets the SDK retry a 500 with the same key, and succeeds', async () => {
      stripe.answerNext('POST /v1/payment_intents', serverError(500), 2);
      expect((await saveAndCharge('pm_card_visa')).outcome).toBe('succeeded');
      const keys = stripe.requestsTo('POST /v1/payment_intents').map((request) => request.idempotencyKey);
      expect(keys).toEqual(Array(3).fill(`charge:${PLEDGE}`));
    });

    it.each([
      ['5xx', serverError(503)],
      ['429', { status: 429, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow' } } }],
    ])('answers network_error when Stripe keeps answering %s', async (_name, answer) => {
      stripe.answerNext('POST /v1/payment_intents', answer, 3);
      expect(await saveAndCharge('pm_card_visa')).toEqual({ outcome: 'network_error' });
    });

    it('answers network_error when Stripe cannot be reached', async () => {
      const saved = await save('pm_card_visa');
      if (saved.outcome !== 'saved') throw new Error('not saved');
      await stripe.close();
      const result = await provider.charge({
        pledgeId: PLEDGE,
        amount: 5_000,
        currency: 'USD',
        customerRef: saved.customerRef,
        paymentMethodRef: saved.paymentMethodRef,
        idempotencyKey: idempotencyKeyOf.charge(PLEDGE),
      });
      expect(result).toEqual({ outcome: 'network_error' });
      stripe = await FakeStripeServer.start();
    });

    it('is a soft decline when the PaymentIntent waits for authentication', async () => {
      stripe.answerNext('POST /v1/payment_intents', {
        status: 200,
        body: { id: 'pi_1', object: 'payment_intent', status: 'requires_action', amount: 5_000, currency: 'usd' },
      });
      expect(await saveAndCharge('pm_card_visa')).toEqual({
        outcome: 'soft_decline',
        declineCode: 'authentication_required',
      });
    });

    it('throws what says nothing about the payment: a bad request is a bug', async () => {
      stripe.answerNext('POST /v1/payment_intents', {
        status: 400,
        body: { error: { type: 'invalid_request_error', param: 'amount', message: 'Amount must be at least 50' } },
      });
      await expect(saveAndCharge('pm_card_visa')).rejects.toThrow(Stripe.errors.StripeInvalidRequestError);
    });
  });

  it('refunds a PaymentIntent, or a charge, for the amount under the refund key', async () => {
    const refund = await provider.refund({ chargeRef: 'pi_123', amount: 2_500, idempotencyKey: 'refund:p1' });
    await provider.refund({ chargeRef: 'ch_456', amount: 700, idempotencyKey: 'refund:p2' });
    const [byIntent, byCharge] = stripe.requestsTo('POST /v1/refunds');
    expect(byIntent).toMatchObject({ idempotencyKey: 'refund:p1', body: { payment_intent: 'pi_123', amount: '2500' } });
    expect(byCharge).toMatchObject({ idempotencyKey: 'refund:p2', body: { charge: 'ch_456', amount: '700' } });
    expect(refund.refundRef).toMatch(/^re_/);
  });

  it('pays a connected account out with a transfer under the payout key, the same on a retry', async () => {
    const payout = { destinationAccount: 'acct_1Startup', amount: 95_000, currency: 'EUR', idempotencyKey: 'payout:x' };
    const transfer = await provider.transfer(payout);
    expect(await provider.transfer(payout)).toEqual(transfer);
    const requests = stripe.requestsTo('POST /v1/transfers');
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request).toMatchObject({
        idempotencyKey: 'payout:x',
        body: { amount: '95000', currency: 'eur', destination: 'acct_1Startup' },
      });
    }
    expect(transfer.transferRef).toMatch(/^tr_/);
  });
});
