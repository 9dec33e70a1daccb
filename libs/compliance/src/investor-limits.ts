import { Money } from '@crowdlink/domain';
import { inForceOn } from './effective';
import { US_INVESTOR_LIMIT } from './investor-policies';
import { Jurisdiction } from './jurisdiction';
import { policyOf } from './jurisdiction-policies';

export interface InvestorFinances {
  annualIncome: Money;
  netWorth: Money;
  /** US: an accredited investor (Rule 501) has no Reg CF limit. */
  accredited: boolean;
}

/**
 * The most an investor may pledge under a jurisdiction's crowdfunding rules over any rolling
 * 12 months, across all their pledges there; null when the law sets no such limit (an
 * accredited US investor; the EU, which asks for a risk acknowledgement instead; the CN
 * pilot, which asks for a qualified investor instead).
 */
export function investmentLimit(jurisdiction: Jurisdiction, investor: InvestorFinances, on: Date): Money | null {
  return jurisdiction === 'US' ? usRegCfLimit(investor, on) : null;
}

/**
 * 17 CFR 227.100(a)(2): if income or net worth is below the threshold, the greater of the
 * floor or 5% of the greater of the two; otherwise 10% of the greater. Both tiers are held
 * to the ceiling: no investor may pass it in any 12 months whatever their means.
 */
function usRegCfLimit(investor: InvestorFinances, on: Date): Money | null {
  if (investor.accredited) return null;
  const rule = inForceOn(US_INVESTOR_LIMIT, on, 'US Reg CF investor limit');
  const currency = policyOf('US').currency;
  const income = inCurrency(investor.annualIncome, currency);
  const netWorth = inCurrency(investor.netWorth, currency);
  const threshold = Money.of(rule.threshold, currency);
  const greater = income.compare(netWorth) >= 0 ? income : netWorth;
  const ceiling = Money.of(rule.ceiling, currency);

  const belowThreshold = income.compare(threshold) < 0 || netWorth.compare(threshold) < 0;
  const limit = belowThreshold
    ? max(Money.of(rule.floor, currency), greater.multiplyBps(rule.lowerTierBps))
    : greater.multiplyBps(rule.upperTierBps);
  return min(limit, ceiling);
}

/** How much of the limit is left after what the investor pledged in the last 12 months. */
export function remainingLimit(limit: Money | null, usedLast12Months: Money): Money | null {
  if (limit === null) return null;
  const remaining = limit.subtract(usedLast12Months);
  return remaining.isNegative() ? Money.zero(limit.currency) : remaining;
}

/**
 * Figures must be in the currency the law states its amounts in: there is no exchange rate
 * in these rules, and guessing one would make a legal limit depend on a market price.
 */
export function inCurrency(amount: Money, currency: string): Money {
  if (amount.currency !== currency) {
    throw new RangeError(`Give amounts in ${currency} for this rule, got ${amount.currency}`);
  }
  return amount;
}

function max(a: Money, b: Money): Money {
  return a.compare(b) >= 0 ? a : b;
}

function min(a: Money, b: Money): Money {
  return a.compare(b) <= 0 ? a : b;
}
