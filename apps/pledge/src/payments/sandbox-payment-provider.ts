import { createHash } from 'node:crypto';
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

/** What a Stripe test payment method does when it is charged off-session. */
export type SandboxBehaviour =
  { atCharge: 'succeeded' } | { atCharge: 'hard_decline' | 'soft_decline'; declineCode: string };

/**
 * The payment methods the sandbox knows: Stripe's own test names, nothing invented. Every
 * name here is saved (SetupIntent) successfully, and decides what happens at CHARGE time
 * (api.md "Pledges"). Stripe documents no test name that the sandbox should refuse at save,
 * so none is declined there; instead any name NOT in this table is refused at save with
 * `card_declined`, and the pledge answers 402 PAYMENT_METHOD_DECLINED, so a test always says
 * which card it means. (Real Stripe may already refuse some decline cards when a SetupIntent
 * verifies them; the Stripe adapter's tests will pin that down, this table follows api.md.)
 */
export const SANDBOX_PAYMENT_METHODS: Readonly<Record<string, SandboxBehaviour>> = {
  // Visa 4242 4242 4242 4242: succeeds.
  pm_card_visa: { atCharge: 'succeeded' },
  // Mastercard 5555 5555 5555 4444: succeeds.
  pm_card_mastercard: { atCharge: 'succeeded' },
  // American Express 3782 822463 10005: succeeds.
  pm_card_amex: { atCharge: 'succeeded' },
  // 4000 0000 0000 0002: card_declined / generic_decline — hard.
  pm_card_chargeDeclined: { atCharge: 'hard_decline', declineCode: 'generic_decline' },
  // Visa-branded generic decline, same card behaviour — hard.
  pm_card_visa_chargeDeclined: { atCharge: 'hard_decline', declineCode: 'generic_decline' },
  // 4100 0000 0000 0019: card_declined / fraudulent — hard.
  pm_card_chargeDeclinedFraudulent: { atCharge: 'hard_decline', declineCode: 'fraudulent' },
  // 4000 0000 0000 9987: card_declined / lost_card — hard.
  pm_card_chargeDeclinedLostCard: { atCharge: 'hard_decline', declineCode: 'lost_card' },
  // 4000 0000 0000 9979: card_declined / stolen_card — hard.
  pm_card_chargeDeclinedStolenCard: { atCharge: 'hard_decline', declineCode: 'stolen_card' },
  // 4000 0000 0000 9995: card_declined / insufficient_funds — soft: the investor may fix it.
  pm_card_chargeDeclinedInsufficientFunds: { atCharge: 'soft_decline', declineCode: 'insufficient_funds' },
  // 4000 0027 6000 3184: authentication on every payment, so off-session it is
  // authentication_required — soft: the investor authenticates or gives another method.
  pm_card_authenticationRequired: { atCharge: 'soft_decline', declineCode: 'authentication_required' },
};

/**
 * Where the sandbox keeps the first result of each money movement's idempotency key (in
 * production the `sandbox_payments` table), so a repeated key answers what the first call
 * answered and "charged exactly once" can be checked.
 */
export interface SandboxLedger {
  /**
   * The result first recorded under `key`; or, if there is none, `decide()`'s, recorded.
   * Throws SandboxIdempotencyError if `key` was first used for another operation or request,
   * as Stripe refuses a key reused with other parameters.
   */
  once<T extends object>(key: string, operation: string, request: object, decide: () => T): Promise<T>;
}

export class SandboxIdempotencyError extends Error {
  constructor(key: string) {
    super(`Idempotency key ${key} was already used with another request`);
  }
}

/**
 * An offline, deterministic PaymentProvider: the default, so the marketplace runs with no
 * network. Stripe's test payment-method names decide every outcome (SANDBOX_PAYMENT_METHODS);
 * it never answers network_error (a later fault injection may).
 */
export class SandboxPaymentProvider implements PaymentProvider {
  constructor(private readonly ledger: SandboxLedger) {}

  /**
   * Answered from the request alone and not recorded: a save moves no money, so there is
   * nothing to count, and the same request always gets the same answer; as with Stripe,
   * saving a method writes nothing to the marketplace's database. Unlike Stripe, a key reused
   * with another request is not refused; the marketplace never reuses one (each `setup:` key
   * names a new pledge, or a pledge and the method replacing its last).
   */
  savePaymentMethod({ investorId, paymentMethod }: SavePaymentMethodRequest): Promise<SavePaymentMethodResult> {
    return Promise.resolve(
      Object.hasOwn(SANDBOX_PAYMENT_METHODS, paymentMethod)
        ? {
            outcome: 'saved',
            customerRef: `cus_sandbox_${investorId.replaceAll('-', '')}`,
            paymentMethodRef: paymentMethod,
          }
        : { outcome: 'declined', declineCode: 'card_declined' },
    );
  }

  charge(request: ChargeRequest): Promise<ChargeResult> {
    const { pledgeId, amount, currency, customerRef, paymentMethodRef, idempotencyKey } = request;
    if (!Object.hasOwn(SANDBOX_PAYMENT_METHODS, paymentMethodRef)) {
      // the sandbox only ever saves known names: another ref is a bug, not a decline
      return Promise.reject(new Error(`The sandbox never saved payment method ${paymentMethodRef}`));
    }
    const behaviour = SANDBOX_PAYMENT_METHODS[paymentMethodRef];
    return this.ledger.once(
      idempotencyKey,
      'charge',
      { pledgeId, amount, currency, customerRef, paymentMethodRef },
      (): ChargeResult =>
        behaviour.atCharge === 'succeeded'
          ? { outcome: 'succeeded', chargeRef: `py_sandbox_${digest(idempotencyKey)}` }
          : { outcome: behaviour.atCharge, declineCode: behaviour.declineCode },
    );
  }

  refund(request: RefundRequest): Promise<RefundResult> {
    const { chargeRef, amount, idempotencyKey } = request;
    return this.ledger.once(idempotencyKey, 'refund', { chargeRef, amount }, () => ({
      refundRef: `re_sandbox_${digest(idempotencyKey)}`,
    }));
  }

  transfer(request: TransferRequest): Promise<TransferResult> {
    const { destinationAccount, amount, currency, idempotencyKey } = request;
    return this.ledger.once(idempotencyKey, 'transfer', { destinationAccount, amount, currency }, () => ({
      transferRef: `tr_sandbox_${digest(idempotencyKey)}`,
    }));
  }
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}
