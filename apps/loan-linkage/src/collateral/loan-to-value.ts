import { IP_ASSET_EVENT_TYPES } from '@crowdlink/contracts';
import { PlatformConfig } from '@crowdlink/platform';
import { BPS_PER_WHOLE } from '@crowdlink/domain';

export type IpAssetType = (typeof IP_ASSET_EVENT_TYPES)[number];

export type LtvPolicy = Record<IpAssetType, number>;

/** An asset's type and current value: what its loan cap depends on. */
export interface ValuedAsset {
  value: bigint;
  type: IpAssetType;
}

/** The loan-to-value caps of domain-rules.md §3, from configuration. */
export function ltvPolicyOf(config: PlatformConfig): LtvPolicy {
  return {
    INVENTION_PATENT: config.LTV_BPS_INVENTION_PATENT,
    UTILITY_MODEL: config.LTV_BPS_UTILITY_MODEL,
    DESIGN_PATENT: config.LTV_BPS_DESIGN_PATENT,
    TRADEMARK: config.LTV_BPS_TRADEMARK,
    COPYRIGHT: config.LTV_BPS_COPYRIGHT,
    SOFTWARE_COPYRIGHT: config.LTV_BPS_SOFTWARE_COPYRIGHT,
  };
}

/** The most a bank may lend against one valuation: `value × ltvBps / 10 000`, rounded down (never above the cap). */
export function maxLoanOf(valuation: bigint, ltvBps: number): bigint {
  if (valuation < 0n) throw new RangeError(`valuation must not be negative: ${valuation}`);
  if (!Number.isInteger(ltvBps) || ltvBps < 0 || ltvBps > BPS_PER_WHOLE) {
    throw new RangeError(`ltvBps must be an integer from 0 to 10 000: ${ltvBps}`);
  }
  return (valuation * BigInt(ltvBps)) / BigInt(BPS_PER_WHOLE);
}

/** `Σ valuation × LTV` over the offered collateral: the largest principal the offer may carry. */
export function maxLoanOver(collateral: ValuedAsset[], policy: LtvPolicy): bigint {
  return collateral.reduce((sum, asset) => sum + maxLoanOf(asset.value, policy[asset.type]), 0n);
}

/** The loan as basis points of the equity round's target (venture-debt practice: 2 000–4 000). */
export function roundRatioBps(principal: bigint, roundTarget: bigint): number {
  if (roundTarget <= 0n) throw new RangeError(`roundTarget must be positive: ${roundTarget}`);
  return Number((principal * BigInt(BPS_PER_WHOLE)) / roundTarget);
}

/** Venture-debt practice sizes a loan at 20–40% of the equity round (domain-rules.md §3). */
export const VENTURE_DEBT_PRACTICE_BPS = { min: 2_000, max: 4_000 } as const;
