import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const PLEDGE_EVENT_JURISDICTIONS = ['CN', 'US', 'EU'] as const;

/**
 * What the investor service needs of a pledge to count it against the investor's rolling
 * 12-month limit. The aggregate is the pledge; aggregateVersion is the pledge's version.
 */
export class PledgeFiguresV1 {
  @IsUUID()
  pledgeId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  investorId!: string;

  @IsIn(PLEDGE_EVENT_JURISDICTIONS)
  jurisdiction!: (typeof PLEDGE_EVENT_JURISDICTIONS)[number];

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  /** Integer minor units. */
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;
}

export class PledgeCommittedV1 extends PledgeFiguresV1 {
  @IsISO8601({ strict: true })
  committedAt!: string;

  /**
   * Optional, additive: the cancellation deadline as the pledge service decided it (it alone
   * knows whether an EU investor is sophisticated). null: no right to cancel. Absent: a
   * consumer computes it with @crowdlink/compliance cancellationDeadline.
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  cancellableUntil?: string | null;
}

export class PledgeCancelledV1 extends PledgeFiguresV1 {
  @IsISO8601({ strict: true })
  cancelledAt!: string;
}
