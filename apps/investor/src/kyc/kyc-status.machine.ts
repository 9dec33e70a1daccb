import { KycStatus } from '../investors/investor-profile.entity';

/**
 * Every legal move of an investor's KYC status: completing the profile submits it (again,
 * after a rejection, once the investor has corrected it); an admin verifies or rejects a
 * PENDING investor. Anything not listed is an illegal move.
 */
export const KYC_TRANSITIONS = {
  submit: { from: ['NOT_SUBMITTED', 'REJECTED'], to: 'PENDING' },
  verify: { from: ['PENDING'], to: 'VERIFIED' },
  reject: { from: ['PENDING'], to: 'REJECTED' },
} as const satisfies Record<string, { from: readonly KycStatus[]; to: KycStatus }>;

export type KycAction = keyof typeof KYC_TRANSITIONS;

/** The status an action leads to from `from`, or undefined when the action is illegal there. */
export function nextKycStatus(from: KycStatus, action: KycAction): KycStatus | undefined {
  const transition = KYC_TRANSITIONS[action];
  return (transition.from as readonly KycStatus[]).includes(from) ? transition.to : undefined;
}
