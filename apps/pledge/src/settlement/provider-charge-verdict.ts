import { COLLECTING_STATUSES, SettlingPledgeRow } from './settling-pledge';

/** A charge the provider reports as succeeded, outside the settlement's own calls (a webhook). */
export interface ProviderCharge {
  pledgeId: string;
  /** The PaymentIntent (Stripe) that took the money. */
  chargeRef: string;
  /** Integer minor units. */
  amount: number;
  /** ISO 4217, in either case (Stripe writes `usd`). */
  currency: string;
}

/**
 * confirm: the pledge awaits the investor's action and this is its money: CHARGED.
 * known: the settlement already holds this charge (its own charge's echo) or gave it back.
 * in_flight: a charge attempt is being decided; only its answer says what this charge is.
 * orphan: money the pledge does not keep (an older attempt, a wrong amount, a pledge charged,
 *   failed, cancelled or released meanwhile): it goes back.
 * unknown: no pledge of ours; the money is not ours to move (a test account is shared).
 */
export type ProviderChargeVerdict = 'confirm' | 'known' | 'in_flight' | 'orphan' | 'unknown';

export type JudgedPledge = Pick<
  SettlingPledgeRow,
  'status' | 'charge_ref' | 'charge_attempt' | 'decided_attempt' | 'amount' | 'currency'
>;

export function judgeProviderCharge(
  pledge: JudgedPledge | undefined,
  charge: ProviderCharge,
  { alreadyRefunded }: { alreadyRefunded: boolean },
): ProviderChargeVerdict {
  if (!pledge) return 'unknown';
  if (pledge.charge_ref === charge.chargeRef || alreadyRefunded) return 'known';
  if (COLLECTING_STATUSES.includes(pledge.status) && pledge.decided_attempt !== pledge.charge_attempt) {
    return 'in_flight';
  }
  const sameMoney = Number(pledge.amount) === charge.amount && pledge.currency === charge.currency.toUpperCase();
  return pledge.status === 'PAYMENT_ACTION_REQUIRED' && sameMoney ? 'confirm' : 'orphan';
}
