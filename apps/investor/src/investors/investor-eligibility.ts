import { InvestorEligibilityChangedV1 } from '@crowdlink/contracts';
import { InvestorProfile } from './investor-profile.entity';

/** What the pledge service needs to decide a pledge, taken from the profile (event contract). */
export function eligibilityOf(profile: InvestorProfile): InvestorEligibilityChangedV1 {
  return {
    userId: profile.userId,
    kycStatus: profile.kycStatus,
    accredited: profile.selfCertifiedAccredited,
    currency: profile.currency,
    annualIncome: profile.annualIncome,
    netWorth: profile.netWorth,
    financialAssets: profile.financialAssets,
    averageAnnualIncomeThreeYears: profile.averageAnnualIncomeThreeYears,
    knowledgeTestPassedUntil: profile.knowledgeTestPassedUntil?.toISOString() ?? null,
    sophisticated: profile.sophisticatedStatus === 'APPROVED',
    lossSimulationAcknowledgedAt: profile.lossSimulationAcknowledgedAt?.toISOString() ?? null,
    version: profile.version,
  };
}

/** Whether two snapshots differ in anything but their version. */
export function eligibilityChanged(before: InvestorEligibilityChangedV1, after: InvestorEligibilityChangedV1): boolean {
  return JSON.stringify({ ...before, version: 0 }) !== JSON.stringify({ ...after, version: 0 });
}
