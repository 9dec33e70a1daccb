import Stripe from 'stripe';

export type StripeChargeFailure =
  { outcome: 'hard_decline' | 'soft_decline'; declineCode: string } | { outcome: 'network_error' };

/**
 * Issuer reasons that a new attempt will not fix (domain-rules.md §2: generic, lost, stolen,
 * fraud): the pledge fails at once. Every other decline (insufficient funds, authentication
 * required, an expired card, …) is soft: the investor may give a new payment method.
 */
const HARD_DECLINE_CODES: ReadonlySet<string> = new Set([
  'generic_decline',
  'card_declined',
  'lost_card',
  'stolen_card',
  'fraudulent',
]);

/**
 * What a failed Stripe call says about the payment, or undefined when it says nothing about
 * it (a bad request, a wrong key, a reused idempotency key: a bug the caller must see).
 * network_error covers a lost connection, a 5xx or 409 (StripeAPIError) and a 429: nothing
 * is known, and a retry with the same idempotency key is safe.
 */
export function chargeFailureOf(error: unknown): StripeChargeFailure | undefined {
  if (error instanceof Stripe.errors.StripeCardError) {
    // the SDK gives an absent decline_code as ''
    const declineCode = error.decline_code || error.code || 'card_declined';
    return { outcome: HARD_DECLINE_CODES.has(declineCode) ? 'hard_decline' : 'soft_decline', declineCode };
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return { outcome: 'network_error' };
  }
  return undefined;
}
