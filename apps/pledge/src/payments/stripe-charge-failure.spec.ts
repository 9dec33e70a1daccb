import Stripe from 'stripe';
import { chargeFailureOf } from './stripe-charge-failure';

const { StripeCardError, StripeConnectionError, StripeAPIError, StripeRateLimitError } = Stripe.errors;

function cardError(code: string, declineCode?: string) {
  return new StripeCardError({ type: 'card_error', code, decline_code: declineCode, message: 'declined' });
}

describe(chargeFailureOf.name, () => {
  it.each([
    ['card_declined', 'generic_decline', 'hard_decline', 'generic_decline'],
    ['card_declined', undefined, 'hard_decline', 'card_declined'],
    ['card_declined', 'lost_card', 'hard_decline', 'lost_card'],
    ['card_declined', 'stolen_card', 'hard_decline', 'stolen_card'],
    ['card_declined', 'fraudulent', 'hard_decline', 'fraudulent'],
    ['card_declined', 'insufficient_funds', 'soft_decline', 'insufficient_funds'],
    ['authentication_required', 'authentication_required', 'soft_decline', 'authentication_required'],
    ['authentication_required', undefined, 'soft_decline', 'authentication_required'],
    ['expired_card', undefined, 'soft_decline', 'expired_card'],
  ])('maps a card error %s/%s to %s (%s)', (code, declineCode, outcome, expectedCode) => {
    expect(chargeFailureOf(cardError(code, declineCode))).toEqual({ outcome, declineCode: expectedCode });
  });

  it.each([
    ['a lost connection', new StripeConnectionError({ message: 'ECONNRESET' })],
    ['a 500', new StripeAPIError({ type: 'api_error', message: 'boom', statusCode: 500 })],
    ['a 409 on a key still in use', new StripeAPIError({ type: 'invalid_request_error', statusCode: 409 })],
    ['a 429', new StripeRateLimitError({ type: 'invalid_request_error', code: 'rate_limit', statusCode: 429 })],
  ])('calls %s a network_error', (_name, error) => {
    expect(chargeFailureOf(error)).toEqual({ outcome: 'network_error' });
  });

  it.each([
    ['a bad request', new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', param: 'amount' })],
    ['a wrong key', new Stripe.errors.StripeAuthenticationError({ type: 'invalid_request_error', statusCode: 401 })],
    ['a reused idempotency key', new Stripe.errors.StripeIdempotencyError({ type: 'idempotency_error' })],
    ['an error that is not Stripe’s', new TypeError('bug')],
  ])('says nothing about the payment for %s', (_name, error) => {
    expect(chargeFailureOf(error)).toBeUndefined();
  });
});
