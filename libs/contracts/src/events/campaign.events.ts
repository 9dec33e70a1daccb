import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** A campaign's money so far, as the pledge service counts it (committed pledges). */
export class CampaignProgressV1 {
  @IsUUID()
  projectId!: string;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  /** Integer minor units. */
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  raised!: number;

  @IsInt()
  @Min(0)
  pledgeCount!: number;
}

export const CAMPAIGN_OUTCOMES = ['FUNDED', 'FAILED'] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];

/**
 * The campaign's outcome once nothing is still being collected (domain-rules.md §2). `raised`
 * is what was charged and kept (0 when FAILED), `pledgeCount` the pledges charged, the fee
 * and payout are what the ledger moved (0 when FAILED). Money in minor units of `currency`.
 */
export class CampaignClosedV1 extends CampaignProgressV1 {
  @IsIn(CAMPAIGN_OUTCOMES)
  outcome!: CampaignOutcome;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  targetAmount!: number;

  @IsInt()
  @Min(0)
  investorCount!: number;

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  platformFee!: number;

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  payout!: number;

  @IsISO8601({ strict: true })
  closedAt!: string;
}

export class ShareHoldingV1 {
  @IsUUID()
  investorId!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  shares!: number;

  /** What the investor paid for them, minor units. */
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;
}

/** A FUNDED equity campaign issued its shares: one holding per investor and class. */
export class SharesIssuedV1 {
  @IsUUID()
  projectId!: string;

  @IsString()
  @Length(1, 100)
  shareClass!: string;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  pricePerShare!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ShareHoldingV1)
  holdings!: ShareHoldingV1[];
}
