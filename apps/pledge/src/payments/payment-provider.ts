/**
 * The payment provider the pledge flow and the settlement talk to (architecture.md
 * "Payments"). Money is integer minor units with its currency. Every operation carries a
 * deterministic idempotency key, so a retry (of a request, a job or a whole process) has the
 * provider's first answer and never moves money twice (domain-rules.md §2):
 * `setup:<pledgeId>`, `charge:<pledgeId>`, `refund:<pledgeId>`, `payout:<projectId>`.
 */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface PaymentProvider {
  /** Saves the method for a later off-session charge (Stripe: customer + SetupIntent). */
  savePaymentMethod(request: SavePaymentMethodRequest): Promise<SavePaymentMethodResult>;
  /** Charges a saved method off-session (Stripe: a confirmed off-session PaymentIntent). */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Pays out to a connected account (Stripe Connect transfer). */
  transfer(request: TransferRequest): Promise<TransferResult>;
}

export interface SavePaymentMethodRequest {
  pledgeId: string;
  investorId: string;
  /** A Stripe payment-method id (`pm_…`) as the investor gave it. */
  paymentMethod: string;
  /** `setup:<pledgeId>` for the pledge; `setup:<pledgeId>:<paymentMethod>` for a replacement. */
  idempotencyKey: string;
}

export type SavePaymentMethodResult =
  { outcome: 'saved'; customerRef: string; paymentMethodRef: string } | { outcome: 'declined'; declineCode: string };

export interface ChargeRequest {
  pledgeId: string;
  /** Integer minor units. */
  amount: number;
  currency: string;
  customerRef: string;
  paymentMethodRef: string;
  /** `charge:<pledgeId>`, then `charge:<pledgeId>:<attempt>` for a new method after a soft decline */
  idempotencyKey: string;
}

/**
 * hard_decline: generic, lost, stolen or fraud — the pledge fails at once.
 * soft_decline: insufficient funds, authentication required — the investor may fix it.
 * network_error: nothing is known; retry with the same key.
 */
export type ChargeOutcome = 'succeeded' | 'hard_decline' | 'soft_decline' | 'network_error';

export interface ChargeResult {
  outcome: ChargeOutcome;
  chargeRef?: string;
  declineCode?: string;
}

export interface RefundRequest {
  chargeRef: string;
  /** Integer minor units. */
  amount: number;
  /** `refund:<pledgeId>` */
  idempotencyKey: string;
}

export interface RefundResult {
  refundRef: string;
}

export interface TransferRequest {
  destinationAccount: string;
  /** Integer minor units. */
  amount: number;
  currency: string;
  /** `payout:<projectId>` */
  idempotencyKey: string;
}

export interface TransferResult {
  transferRef: string;
}

/** The deterministic keys of domain-rules.md §2, in one place. */
export const idempotencyKeyOf = {
  setup: (pledgeId: string): string => `setup:${pledgeId}`,
  replaceSetup: (pledgeId: string, paymentMethod: string): string => `setup:${pledgeId}:${paymentMethod}`,
  /**
   * A soft-declined investor's new method is a new attempt, so a new key: under the first key
   * Stripe would answer the first decline again.
   */
  charge: (pledgeId: string, attempt = 0): string =>
    attempt === 0 ? `charge:${pledgeId}` : `charge:${pledgeId}:${attempt}`,
  refund: (pledgeId: string): string => `refund:${pledgeId}`,
  /** A charge the pledge does not keep (see OrphanCharges): one refund per provider charge. */
  orphanRefund: (pledgeId: string, chargeRef: string): string => `refund:${pledgeId}:${chargeRef}`,
  payout: (projectId: string): string => `payout:${projectId}`,
};
