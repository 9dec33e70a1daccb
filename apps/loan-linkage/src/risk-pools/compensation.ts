import { BPS_PER_WHOLE } from '@crowdlink/domain';

/** What a pool has already paid that its caps count against, and the caps themselves. */
export interface CompensationLimits {
  /** The pool's share of losses, basis points. */
  coverageBps: number;
  balance: bigint;
  perLoanCap: bigint;
  perBorrowerCap: bigint | null;
  perYearCap: bigint | null;
  paidToBorrower: bigint;
  paidThisYear: bigint;
}

/**
 * A pool's payment on a defaulted loan (domain-rules.md §3): its share of the unrecovered
 * principal (rounded down), within the per-loan, per-borrower and per-year caps and never
 * above its balance. Zero when a cap or the balance is used up.
 */
export function compensationFor(unrecoveredPrincipal: bigint, limits: CompensationLimits): bigint {
  if (unrecoveredPrincipal < 0n) throw new RangeError(`unrecovered principal is negative: ${unrecoveredPrincipal}`);
  const share = (unrecoveredPrincipal * BigInt(limits.coverageBps)) / BigInt(BPS_PER_WHOLE);
  const room = [
    share,
    limits.perLoanCap,
    limits.balance,
    limits.perBorrowerCap === null ? share : limits.perBorrowerCap - limits.paidToBorrower,
    limits.perYearCap === null ? share : limits.perYearCap - limits.paidThisYear,
  ];
  const least = room.reduce((min, value) => (value < min ? value : min));
  return least > 0n ? least : 0n;
}
