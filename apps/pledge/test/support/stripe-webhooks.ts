import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { Answer, call } from '../../../../test/support/api-client';

/* Stripe's webhook events as Stripe builds, signs and delivers them, for the pledge specs. */

export const STRIPE_WEBHOOK_PATH = '/v1/payments/stripe/webhook';

/** An event body, pretty-printed as Stripe sends it (the signature covers these bytes). */
export function stripeEvent(type: string, object: Record<string, unknown>, createdAt = new Date()): string {
  return JSON.stringify(
    {
      id: `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(createdAt.getTime() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    },
    null,
    2,
  );
}

export function eventIdOf(payload: string): string {
  return (JSON.parse(payload) as { id: string }).id;
}

/** A PaymentIntent as Stripe's events carry it. */
export function paymentIntentObject(
  pledgeId: string,
  { id = `pi_${randomBytes(12).toString('hex')}`, amount = 5_000, currency = 'usd', status = 'succeeded' } = {},
) {
  return { id, object: 'payment_intent', amount, currency, status, metadata: { pledgeId } };
}

export function signStripeEvent(payload: string, secret: string, signedAt = new Date()): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: Math.floor(signedAt.getTime() / 1000),
  });
}

export function deliverStripeEvent(
  to: { url: string },
  payload: string,
  signature?: string,
): Promise<Answer<{ received: boolean; duplicate: boolean }>> {
  return call<{ received: boolean; duplicate: boolean }>(to, 'POST', STRIPE_WEBHOOK_PATH, {
    rawBody: payload,
    contentType: 'application/json; charset=utf-8',
    headers: signature === undefined ? {} : { 'stripe-signature': signature },
  });
}
