import { FixedClock } from '@crowdlink/domain';
import { loadConfig } from '@crowdlink/platform';
import Stripe from 'stripe';
import {
  StripeWebhooksNotConfiguredException,
  WebhookEventMalformedException,
  WebhookSignatureInvalidException,
  WebhookSignatureMissingException,
  WebhookTimestampStaleException,
} from './stripe-webhook.exceptions';
import { StripeWebhookVerifier } from './stripe-webhook.verifier';

const SECRET = 'whsec_verifierspec';
const SIGNED_AT = Date.parse('2026-06-01T12:00:00Z') / 1000;
const EVENT = {
  id: 'evt_1Verifier',
  object: 'event',
  type: 'payment_intent.succeeded',
  created: SIGNED_AT,
  livemode: false,
  data: {
    object: { id: 'pi_1', object: 'payment_intent', amount: 5_000, currency: 'usd', metadata: { pledgeId: 'p' } },
  },
};

function setup(env: Record<string, string> = { STRIPE_WEBHOOK_SECRET: SECRET }) {
  const clock = new FixedClock(new Date(SIGNED_AT * 1000));
  const config = loadConfig({ STRIPE_WEBHOOK_TOLERANCE_SECONDS: '300', ...env });
  return { clock, verifier: new StripeWebhookVerifier(config, clock) };
}

function signedBody(body: object = EVENT, secret = SECRET) {
  const payload = JSON.stringify(body);
  return {
    raw: Buffer.from(payload),
    signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: SIGNED_AT }),
  };
}

describe(StripeWebhookVerifier.name, () => {
  it('gives the event Stripe signed, read by its own clock up to the tolerance', () => {
    const { clock, verifier } = setup();
    const { raw, signature } = signedBody();
    clock.advance(300_000);
    expect(verifier.verify(raw, signature)).toEqual({
      id: 'evt_1Verifier',
      type: 'payment_intent.succeeded',
      created: SIGNED_AT,
      livemode: false,
      object: { id: 'pi_1', metadata: { pledgeId: 'p' }, amount: 5_000, currency: 'usd' },
    });
  });

  it('calls a good signature older than the tolerance stale', () => {
    const { clock, verifier } = setup();
    const { raw, signature } = signedBody();
    clock.advance(301_000);
    expect(() => verifier.verify(raw, signature)).toThrow(WebhookTimestampStaleException);
  });

  it('calls an old signature that does not match invalid, not stale', () => {
    const { clock, verifier } = setup();
    const { raw, signature } = signedBody(EVENT, 'whsec_another');
    clock.advance(3_600_000);
    expect(() => verifier.verify(raw, signature)).toThrow(WebhookSignatureInvalidException);
  });

  it.each([
    ['no header', undefined, WebhookSignatureMissingException],
    ['an empty header', '', WebhookSignatureMissingException],
    ['a header with no v1 signature', `t=${SIGNED_AT}`, WebhookSignatureInvalidException],
    ['garbage', 'garbage', WebhookSignatureInvalidException],
  ])('refuses %s', (_name, signature, refusal) => {
    const { verifier } = setup();
    expect(() => verifier.verify(signedBody().raw, signature)).toThrow(refusal);
  });

  it('refuses an empty body: unsigned as invalid, signed as no event', () => {
    const { verifier } = setup();
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: '', secret: SECRET, timestamp: SIGNED_AT });
    expect(() => verifier.verify(undefined, signedBody().signature)).toThrow(WebhookSignatureInvalidException);
    expect(() => verifier.verify(undefined, signature)).toThrow(WebhookEventMalformedException);
  });

  it.each([
    ['an id that is not an event id', { ...EVENT, id: 'pi_1' }],
    ['no data.object', { ...EVENT, data: {} }],
    ['an object without an id', { ...EVENT, data: { object: { metadata: {} } } }],
    ['metadata that is not an object', { ...EVENT, data: { object: { id: 'pi_1', metadata: 'x' } } }],
    ['a JSON array', [EVENT]],
    [
      'a PaymentIntent without its amount',
      { ...EVENT, data: { object: { id: 'pi_1', currency: 'usd', metadata: {} } } },
    ],
    [
      'a PaymentIntent without its currency',
      { ...EVENT, data: { object: { id: 'pi_1', amount: 5_000, metadata: {} } } },
    ],
  ])('refuses a signed body with %s', (_name, body) => {
    const { verifier } = setup();
    const { raw, signature } = signedBody(body);
    expect(() => verifier.verify(raw, signature)).toThrow(WebhookEventMalformedException);
  });

  it('takes no webhook when no signing secret is configured', () => {
    const { verifier } = setup({});
    const { raw, signature } = signedBody();
    expect(() => verifier.verify(raw, signature)).toThrow(StripeWebhooksNotConfiguredException);
  });
});
