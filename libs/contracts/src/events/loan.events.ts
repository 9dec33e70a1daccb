import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export const LOAN_EVENT_STATUSES = [
  'OFFERED',
  'ACCEPTED',
  'DECLINED',
  'WITHDRAWN',
  'DISBURSED',
  'REPAID',
  'DEFAULTED',
  'COMPENSATED',
  'LAPSED',
] as const;

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A linked loan as its parties are told about it: the founder of the project and the bank
 * user who offered it (the gateway notifies them). The aggregate is the loan; its version
 * counts the loan's transitions. Money in minor units of `currency`.
 */
export class LoanSnapshotV1 {
  @IsUUID()
  loanId!: string;

  @IsUUID()
  projectId!: string;

  @IsString()
  @Length(1, 200)
  projectTitle!: string;

  @IsUUID()
  founderId!: string;

  @IsUUID()
  bankUserId!: string;

  @IsUUID()
  bankOrganizationId!: string;

  @IsIn(LOAN_EVENT_STATUSES)
  status!: (typeof LOAN_EVENT_STATUSES)[number];

  @IsInt()
  @Min(1)
  @Max(SAFE)
  principal!: number;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @IsISO8601({ strict: true })
  occurredAt!: string;
}

export class LoanOfferedV1 extends LoanSnapshotV1 {}

export class LoanAcceptedV1 extends LoanSnapshotV1 {}

export class LoanDisbursedV1 extends LoanSnapshotV1 {}

export class LoanLapsedV1 extends LoanSnapshotV1 {}

export class LoanDefaultedV1 extends LoanSnapshotV1 {}

/** A risk-compensation pool paid its share of a defaulted loan's unrecovered principal. */
export class CompensationPaidV1 extends LoanSnapshotV1 {
  @IsUUID()
  claimId!: string;

  @IsUUID()
  riskPoolId!: string;

  @IsInt()
  @Min(1)
  @Max(SAFE)
  compensation!: number;
}

/**
 * A disbursed warrant loan gave the bank's designated party an option on `equityBps` (basis
 * points of the company) at the round price (认股权贷款). The pledge service shows it on the
 * project's cap table as an option, not as shares.
 */
export class WarrantGrantedV1 {
  @IsUUID()
  loanId!: string;

  @IsUUID()
  projectId!: string;

  /** Who holds the option, as the cap table shows it (the bank's organisation). */
  @IsString()
  @Length(1, 200)
  holder!: string;

  @IsUUID()
  holderOrganizationId!: string;

  @IsInt()
  @Min(1)
  @Max(10_000)
  equityBps!: number;

  @IsISO8601({ strict: true })
  grantedAt!: string;
}
