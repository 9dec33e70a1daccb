import { Effective } from './effective';

/*
 * The investor-side numbers of domain-rules.md §1, as data: a change of law (or the SEC's
 * inflation adjustment) is a new version here, not a code change. Amounts are minor units.
 */

/** US Reg CF investor limit, 17 CFR 227.100(a)(2). */
export interface UsInvestorLimitRule {
  /** Below this income or net worth, the lower tier applies. */
  threshold: bigint;
  /** The lower tier's floor. */
  floor: bigint;
  lowerTierBps: number;
  upperTierBps: number;
  /** No investor's limit exceeds this. */
  ceiling: bigint;
}

// The figures domain-rules.md states; the $2,200 / $107,000 figures of the 2021 amendment
// were raised by the SEC's inflation adjustment. Add older versions here, dated, if pledges
// from before the current figures ever need checking.
export const US_INVESTOR_LIMIT: readonly Effective<UsInvestorLimitRule>[] = [
  {
    effectiveFrom: '2021-03-15',
    value: { threshold: 12_400_000n, floor: 250_000n, lowerTierBps: 500, upperTierBps: 1000, ceiling: 12_400_000n },
  },
];

/** EU ECSPR: the entry knowledge test, the loss simulation and the soft pledge threshold. */
export interface EuInvestorRule {
  /** A single pledge above max(floor, bps × net worth) needs an explicit risk acknowledgement. */
  riskAcknowledgementFloor: bigint;
  riskAcknowledgementBps: number;
  /** The loss simulation shows this share of net worth (Art 21(5)). */
  lossBearingCapacityBps: number;
  knowledgeTestValidityYears: number;
  knowledgeTestPassMarkBps: number;
  /** Art 22: a non-sophisticated investor may revoke within this many calendar days. */
  reflectionPeriodDays: number;
}

export const EU_INVESTOR_RULE: readonly Effective<EuInvestorRule>[] = [
  {
    effectiveFrom: '2021-11-10',
    value: {
      riskAcknowledgementFloor: 100_000n,
      riskAcknowledgementBps: 500,
      lossBearingCapacityBps: 1000,
      knowledgeTestValidityYears: 2,
      knowledgeTestPassMarkBps: 7000,
      reflectionPeriodDays: 4,
    },
  },
];

/** CN equity-crowdfunding pilot (draft rules 2014/2015): qualified investors, 200 per campaign. */
export interface CnInvestorRule {
  financialAssetsAtLeast: bigint;
  averageIncomeAtLeast: bigint;
  singlePledgeAtLeast: bigint;
  maxInvestorsPerEquityCampaign: number;
}

export const CN_INVESTOR_RULE: readonly Effective<CnInvestorRule>[] = [
  {
    effectiveFrom: '2014-12-18',
    value: {
      financialAssetsAtLeast: 100_000_000n,
      averageIncomeAtLeast: 30_000_000n,
      singlePledgeAtLeast: 10_000_000n,
      maxInvestorsPerEquityCampaign: 200,
    },
  },
];

/** US Reg CF §227.304(a) and the CN platform practice: cancel until this long before the deadline. */
export const CANCELLATION_CUTOFF_HOURS_BEFORE_DEADLINE = 48;
