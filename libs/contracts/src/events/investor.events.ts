import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const INVESTOR_EVENT_KYC_STATUSES = ['NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED'] as const;

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Everything a pledge decision needs to know about an investor, as one snapshot: the pledge
 * service keeps the latest (by `version`) and decides pledges without asking. Money is in
 * minor units of `currency` (one currency per profile); null means not stated.
 */
export class InvestorEligibilityChangedV1 {
  @IsUUID()
  userId!: string;

  @IsIn(INVESTOR_EVENT_KYC_STATUSES)
  kycStatus!: (typeof INVESTOR_EVENT_KYC_STATUSES)[number];

  /** US: self-certified accredited investor (Rule 501). */
  @IsBoolean()
  accredited!: boolean;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  currency!: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  annualIncome!: number | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  netWorth!: number | null;

  /** CN qualification input. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  financialAssets!: number | null;

  /** CN qualification input. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  averageAnnualIncomeThreeYears!: number | null;

  /** EU: the entry knowledge test holds until then; null when never passed. */
  @IsOptional()
  @IsISO8601({ strict: true })
  knowledgeTestPassedUntil!: string | null;

  /** EU: sophisticated investor status granted by an admin (ECSPR Annex II). */
  @IsBoolean()
  sophisticated!: boolean;

  @IsOptional()
  @IsISO8601({ strict: true })
  lossSimulationAcknowledgedAt!: string | null;

  /** The investor profile's version this snapshot was taken at (also the aggregateVersion). */
  @IsInt()
  @Min(1)
  version!: number;
}
