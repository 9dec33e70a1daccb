import { LoanStatus } from './loan-row';

/**
 * The loan's life (api.md "Loan statuses"): `OFFERED → ACCEPTED → DISBURSED → REPAID |
 * DEFAULTED → COMPENSATED`; `OFFERED|ACCEPTED → LAPSED`; `OFFERED → DECLINED | WITHDRAWN`.
 */
const NEXT: Record<LoanStatus, readonly LoanStatus[]> = {
  OFFERED: ['ACCEPTED', 'DECLINED', 'WITHDRAWN', 'LAPSED'],
  ACCEPTED: ['DISBURSED', 'LAPSED'],
  DISBURSED: ['REPAID', 'DEFAULTED'],
  DEFAULTED: ['COMPENSATED'],
  DECLINED: [],
  WITHDRAWN: [],
  LAPSED: [],
  REPAID: [],
  COMPENSATED: [],
};

export function canMove(from: LoanStatus, to: LoanStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses a loan may be in to move to `to`. */
export function statusesBefore(to: LoanStatus): LoanStatus[] {
  return (Object.keys(NEXT) as LoanStatus[]).filter((from) => canMove(from, to));
}

/** Its collateral is free again: the IP may back another loan (the lien is kept on default, for recovery). */
export const FREES_COLLATERAL: ReadonlySet<LoanStatus> = new Set(['DECLINED', 'WITHDRAWN', 'LAPSED', 'REPAID']);

/** The loan no longer counts against its risk pool's leverage limit. */
export const ENDS_POOL_ENROLMENT: ReadonlySet<LoanStatus> = new Set([
  'DECLINED',
  'WITHDRAWN',
  'LAPSED',
  'REPAID',
  'COMPENSATED',
]);
