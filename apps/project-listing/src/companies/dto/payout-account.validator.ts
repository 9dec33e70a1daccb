import { Matches } from 'class-validator';

/** A Stripe Connect account id, as Stripe issues them. */
export function IsPayoutAccountId(): PropertyDecorator {
  return Matches(/^acct_[A-Za-z0-9]+$/, { message: 'payoutAccountId must be a Stripe Connect account id (acct_…)' });
}
