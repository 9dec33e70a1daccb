import {
  cnQualifyingSinglePledge,
  isQualifiedCnInvestor,
  Jurisdiction,
  policyOf,
  riskAcknowledgementThreshold,
} from '@crowdlink/compliance';
import { Money } from '@crowdlink/domain';

/**
 * What a jurisdiction asks of the investor's pledges besides a limit, from the profile as
 * it stands: the EU threshold above which a pledge needs a risk acknowledgement, and
 * whether the investor is a CN qualified investor (else only a single pledge of the stated
 * size qualifies). Null where the profile lacks the figures, or gives them in another
 * currency than the law's.
 */
export interface PledgeConditions {
  riskAcknowledgementAbove?: Money | null;
  qualifiedInvestor?: boolean | null;
  qualifyingSinglePledge?: Money;
}

export interface ConditionFigures {
  currency: string | null;
  netWorth: number | null;
  financialAssets: number | null;
  averageAnnualIncomeThreeYears: number | null;
  sophisticated: boolean;
}

export function pledgeConditionsIn(jurisdiction: Jurisdiction, figures: ConditionFigures, on: Date): PledgeConditions {
  const currency = policyOf(jurisdiction).currency;
  const inLawCurrency = (minor: number | null): Money | null =>
    minor !== null && figures.currency === currency ? Money.of(minor, currency) : null;

  if (jurisdiction === 'EU') {
    const netWorth = inLawCurrency(figures.netWorth);
    if (figures.sophisticated) return { riskAcknowledgementAbove: null };
    return {
      riskAcknowledgementAbove: netWorth ? riskAcknowledgementThreshold({ netWorth, sophisticated: false }, on) : null,
    };
  }
  if (jurisdiction === 'CN') {
    const assets = inLawCurrency(figures.financialAssets);
    const income = inLawCurrency(figures.averageAnnualIncomeThreeYears);
    const nothing = Money.zero(currency);
    const qualifiedInvestor =
      assets || income
        ? isQualifiedCnInvestor(
            { financialAssets: assets ?? nothing, averageAnnualIncomeThreeYears: income ?? nothing },
            nothing,
            on,
          )
        : null;
    return { qualifiedInvestor, qualifyingSinglePledge: cnQualifyingSinglePledge(on) };
  }
  return {};
}
