import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

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

/** A material change to the campaign asks the investor to reconfirm by `reconfirmBy` (§227.304(c)). */
export class PledgeReconfirmationRequestedV1 extends PledgeFiguresV1 {
  @IsISO8601({ strict: true })
  reconfirmBy!: string;
}

/** The pledge was charged at the campaign's close. */
export class PledgeChargedV1 extends PledgeFiguresV1 {
  @IsISO8601({ strict: true })
  chargedAt!: string;
}

/** A soft decline at the close: the investor may give a new payment method until `fixBy`. */
export class PledgePaymentActionRequiredV1 extends PledgeFiguresV1 {
  @IsString()
  @Length(1, 100)
  declineCode!: string;

  @IsISO8601({ strict: true })
  fixBy!: string;
}

/** A hard decline, or a fix window that ended: nothing was taken, the pledge no longer counts. */
export class PledgePaymentFailedV1 extends PledgeFiguresV1 {
  @IsString()
  @Length(1, 100)
  declineCode!: string;

  @IsISO8601({ strict: true })
  failedAt!: string;
}

export const PLEDGE_RELEASE_REASONS = ['CAMPAIGN_FAILED', 'REFUNDED'] as const;

/** The campaign failed: nothing was taken, or the charge was refunded. The pledge no longer counts. */
export class PledgeReleasedV1 extends PledgeFiguresV1 {
  @IsIn(PLEDGE_RELEASE_REASONS)
  reason!: (typeof PLEDGE_RELEASE_REASONS)[number];

  @IsISO8601({ strict: true })
  releasedAt!: string;
}

/**
 * A charge the pledge does not keep was refunded in full: taken while its investor was
 * cancelling it, or by an older attempt the provider confirmed late. The pledge's status does
 * not change; the investor is told where the money went.
 */
export class PledgeChargeRefundedV1 extends PledgeFiguresV1 {
  /** Integer minor units, as the provider took and gave back. */
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  refundedAmount!: number;

  @IsISO8601({ strict: true })
  refundedAt!: string;
}
