import { Money } from '@crowdlink/domain';
import { inForceOn } from './effective';
import { CN_INVESTOR_RULE } from './investor-policies';
import { inCurrency } from './investor-limits';
import { Jurisdiction } from './jurisdiction';
import { policyOf } from './jurisdiction-policies';

const rule = (on: Date) => inForceOn(CN_INVESTOR_RULE, on, 'CN pilot investor rule');

/**
 * CN pilot: an equity pledge needs a qualified investor: financial assets ≥ ¥1,000,000, a
 * 3-year average annual income ≥ ¥300,000, or this single pledge ≥ ¥100,000.
 */
export function isQualifiedCnInvestor(
  investor: { financialAssets: Money; averageAnnualIncomeThreeYears: Money },
  pledge: Money,
  on: Date,
): boolean {
  const { financialAssetsAtLeast, averageIncomeAtLeast } = rule(on);
  const currency = policyOf('CN').currency;
  const atLeast = (value: Money, minor: bigint) => inCurrency(value, currency).compare(Money.of(minor, currency)) >= 0;
  return (
    atLeast(investor.financialAssets, financialAssetsAtLeast) ||
    atLeast(investor.averageAnnualIncomeThreeYears, averageIncomeAtLeast) ||
    inCurrency(pledge, currency).compare(cnQualifyingSinglePledge(on)) >= 0
  );
}

/** The smallest single CN equity pledge that qualifies its investor on its own. */
export function cnQualifyingSinglePledge(on: Date): Money {
  return Money.of(rule(on).singlePledgeAtLeast, policyOf('CN').currency);
}

/** The most distinct investors a campaign may admit (the CN private-placement line), or null. */
export function maxInvestorsPerCampaign(
  jurisdiction: Jurisdiction,
  kind: 'EQUITY' | 'REWARD' | 'DONATION',
  on: Date,
): number | null {
  return jurisdiction === 'CN' && kind === 'EQUITY' ? rule(on).maxInvestorsPerEquityCampaign : null;
}
