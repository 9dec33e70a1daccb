import 'reflect-metadata'; // @Type() below reads design-time types, even where no Nest app loaded it first
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const PROJECT_EVENT_KINDS = ['EQUITY', 'REWARD', 'DONATION'] as const;
export const PROJECT_EVENT_JURISDICTIONS = ['CN', 'US', 'EU'] as const;
export const PROJECT_EVENT_FUNDING_MODELS = ['ALL_OR_NOTHING', 'KEEP_IT_ALL'] as const;
export const PROJECT_EVENT_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'APPROVED',
  'LIVE',
  'FUNDED',
  'FAILED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export const IP_ASSET_EVENT_TYPES = [
  'INVENTION_PATENT',
  'UTILITY_MODEL',
  'DESIGN_PATENT',
  'TRADEMARK',
  'COPYRIGHT',
  'SOFTWARE_COPYRIGHT',
] as const;

const SAFE = Number.MAX_SAFE_INTEGER;

export class EquityTermsV1 {
  @IsInt()
  @Min(1)
  @Max(SAFE)
  pricePerShare!: number;

  @IsInt()
  @Min(1)
  @Max(SAFE)
  preMoneyValuation!: number;

  @IsString()
  @Length(1, 100)
  shareClass!: string;
}

export class RewardTermsV1 {
  @IsUUID()
  rewardId!: string;

  @IsInt()
  @Min(1)
  @Max(SAFE)
  amount!: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  quantity?: number | null;
}

/**
 * The whole of a project that other services may keep (the pledge service's campaign, the
 * investor service's matching): every project event carries it, so a consumer needs no
 * earlier event to apply a later one, and ignores one older than `projectVersion` it holds.
 * Money is in minor units of `currency`.
 */
export class ProjectSnapshotV1 {
  @IsUUID()
  projectId!: string;

  @IsUUID()
  companyId!: string;

  @IsUUID()
  ownerId!: string;

  @IsInt()
  @Min(1)
  projectVersion!: number;

  @IsIn(PROJECT_EVENT_STATUSES)
  status!: (typeof PROJECT_EVENT_STATUSES)[number];

  @IsIn(PROJECT_EVENT_KINDS)
  kind!: (typeof PROJECT_EVENT_KINDS)[number];

  @IsString()
  title!: string;

  @IsString()
  sector!: string;

  @IsString()
  stage!: string;

  @IsString()
  region!: string;

  @IsIn(PROJECT_EVENT_JURISDICTIONS)
  jurisdiction!: (typeof PROJECT_EVENT_JURISDICTIONS)[number];

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @IsInt()
  @Min(1)
  @Max(SAFE)
  targetAmount!: number;

  /** The hard cap. */
  @IsInt()
  @Min(1)
  @Max(SAFE)
  maxAmount!: number;

  @IsInt()
  @Min(1)
  @Max(SAFE)
  minPledge!: number;

  @IsISO8601({ strict: true })
  opensAt!: string;

  @IsISO8601({ strict: true })
  closesAt!: string;

  @IsIn(PROJECT_EVENT_FUNDING_MODELS)
  fundingModel!: (typeof PROJECT_EVENT_FUNDING_MODELS)[number];

  /** EQUITY only; null otherwise. */
  @IsOptional()
  @ValidateNested()
  @Type(() => EquityTermsV1)
  equity?: EquityTermsV1 | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RewardTermsV1)
  rewards!: RewardTermsV1[];

  /** Optional, additive: the company's Stripe Connect account the payout goes to; null or absent: none yet. */
  @IsOptional()
  @Matches(/^acct_[A-Za-z0-9]+$/)
  payoutAccountId?: string | null;
}

export class ProjectSubmittedV1 extends ProjectSnapshotV1 {}

export class ProjectApprovedV1 extends ProjectSnapshotV1 {}

export class ProjectLiveV1 extends ProjectSnapshotV1 {}

export class ProjectTermsChangedV1 extends ProjectSnapshotV1 {}

export class ProjectWithdrawnV1 extends ProjectSnapshotV1 {}

/** An IP right declared with a project: possible loan collateral. The aggregate is the asset. */
export class IpAssetDeclaredV1 {
  @IsUUID()
  ipAssetId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  companyId!: string;

  /** The founder who owns the project. */
  @IsUUID()
  founderId!: string;

  @IsIn(IP_ASSET_EVENT_TYPES)
  type!: (typeof IP_ASSET_EVENT_TYPES)[number];

  @IsString()
  @Length(1, 100)
  registryNumber!: string;

  @IsString()
  @Length(1, 300)
  title!: string;

  /** The rights holder as registered. */
  @IsString()
  @Length(1, 300)
  owner!: string;
}

export const MATERIAL_TERMS = ['closesAt', 'targetAmount', 'pricePerShare', 'preMoneyValuation'] as const;
export type MaterialTerm = (typeof MATERIAL_TERMS)[number];

/**
 * A material change to a LIVE project (deadline, price, valuation, target): every committed
 * investor must reconfirm within 5 business days or the pledge is cancelled (§227.304(c)).
 * The snapshot is the project after the change.
 */
export class ProjectAmendedV1 extends ProjectSnapshotV1 {
  @IsArray()
  @IsIn(MATERIAL_TERMS, { each: true })
  changedTerms!: MaterialTerm[];

  @IsString()
  @Length(1, 2000)
  reason!: string;

  @IsISO8601({ strict: true })
  amendedAt!: string;
}
