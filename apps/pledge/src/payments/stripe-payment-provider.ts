import Stripe from 'stripe';
import {
  ChargeRequest,
  ChargeResult,
  PaymentProvider,
  RefundRequest,
  RefundResult,
  SavePaymentMethodRequest,
  SavePaymentMethodResult,
  TransferRequest,
  TransferResult,
} from './payment-provider';
import { chargeFailureOf } from './stripe-charge-failure';
import { PaymentProviderUnavailableException } from './stripe-payment.exceptions';

/**
 * The PaymentProvider over the real Stripe SDK (architecture.md "Payments"). Every call
 * carries the caller's deterministic idempotency key, so a retry, by the SDK or by a job,
 * gets Stripe's first answer and never moves money twice. Card payment methods only: the
 * off-session flows below need no redirect.
 *
 * Customers: one per saved payment method, created under `<setup key>:customer` with the
 * investor and the pledge in its metadata. Looking an investor's customer up instead (the
 * Search API) would be eventually consistent, so two quick pledges could make two anyway.
 */
export class StripePaymentProvider implements PaymentProvider {
  constructor(private readonly stripe: Stripe) {}

  async savePaymentMethod(request: SavePaymentMethodRequest): Promise<SavePaymentMethodResult> {
    const { pledgeId, investorId, paymentMethod, idempotencyKey } = request;
    const metadata = { pledgeId, investorId };
    try {
      const customer = await this.stripe.customers.create(
        { metadata },
        { idempotencyKey: `${idempotencyKey}:customer` },
      );
      const setupIntent = await this.stripe.setupIntents.create(
        {
          customer: customer.id,
          payment_method: paymentMethod,
          allowed_payment_method_types: ['card'],
          usage: 'off_session',
          confirm: true,
          metadata,
        },
        { idempotencyKey },
      );
      if (setupIntent.status !== 'succeeded') {
        // no investor is present to authenticate (3DS) a server-side confirmation
        const declineCode = setupIntent.status === 'requires_action' ? 'authentication_required' : setupIntent.status;
        return { outcome: 'declined', declineCode };
      }
      return { outcome: 'saved', customerRef: customer.id, paymentMethodRef: idOf(setupIntent.payment_method) };
    } catch (error) {
      return declinedSetupOf(error);
    }
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const { pledgeId, amount, currency, customerRef, paymentMethodRef, idempotencyKey } = request;
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount,
          currency: currency.toLowerCase(),
          customer: customerRef,
          payment_method: paymentMethodRef,
          allowed_payment_method_types: ['card'],
          off_session: true,
          confirm: true,
          metadata: { pledgeId },
        },
        { idempotencyKey },
      );
      return chargeResultOf(intent);
    } catch (error) {
      const failure = chargeFailureOf(error);
      if (failure === undefined) throw error;
      return failure;
    }
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const { chargeRef, amount, idempotencyKey } = request;
    const target = chargeRef.startsWith('pi_') ? { payment_intent: chargeRef } : { charge: chargeRef };
    const refund = await this.stripe.refunds.create({ ...target, amount }, { idempotencyKey });
    return { refundRef: refund.id };
  }

  async transfer(request: TransferRequest): Promise<TransferResult> {
    const { destinationAccount, amount, currency, idempotencyKey } = request;
    const transfer = await this.stripe.transfers.create(
      { amount, currency: currency.toLowerCase(), destination: destinationAccount },
      { idempotencyKey },
    );
    return { transferRef: transfer.id };
  }
}

/** A confirmed off-session PaymentIntent: paid, or waiting for the investor to authenticate. */
function chargeResultOf(intent: Stripe.PaymentIntent): ChargeResult {
  if (intent.status === 'succeeded') return { outcome: 'succeeded', chargeRef: intent.id };
  if (intent.status === 'requires_action') return { outcome: 'soft_decline', declineCode: 'authentication_required' };
  // a card PaymentIntent confirmed with automatic capture ends in one of the two above
  throw new Error(`PaymentIntent ${intent.id} is ${intent.status} after an off-session confirmation`);
}

/**
 * A card the issuer refuses, or a payment-method id Stripe does not know (the investor's
 * input), is declined: 402 PAYMENT_METHOD_DECLINED. Stripe out of reach is a 503 the client
 * may retry (the same pledge id is not reused, so a retry saves afresh). Anything else is a bug.
 */
function declinedSetupOf(error: unknown): SavePaymentMethodResult {
  const failure = chargeFailureOf(error);
  if (failure?.outcome === 'network_error') throw new PaymentProviderUnavailableException();
  if (failure !== undefined) return { outcome: 'declined', declineCode: failure.declineCode };
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'payment_method') {
    return { outcome: 'declined', declineCode: error.code ?? 'invalid_payment_method' };
  }
  throw error;
}

function idOf(ref: string | { id: string } | null): string {
  if (ref === null) throw new Error('A succeeded SetupIntent has no payment method');
  return typeof ref === 'string' ? ref : ref.id;
}
