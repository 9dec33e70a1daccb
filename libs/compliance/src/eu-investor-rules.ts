import { Money } from '@crowdlink/domain';
import { inForceOn } from './effective';
import { EU_INVESTOR_RULE } from './investor-policies';
import { inCurrency } from './investor-limits';
import { policyOf } from './jurisdiction-policies';

const rule = (on: Date) => inForceOn(EU_INVESTOR_RULE, on, 'ECSPR investor rule');

/**
 * ECSPR Art 21(7): a non-sophisticated investor pledging more than the higher of €1,000 or
 * 5% of their net worth must acknowledge the risk explicitly. A soft limit: with the
 * acknowledgement the pledge goes through. Null for a sophisticated investor: no threshold.
 */
export function riskAcknowledgementThreshold(
  investor: { netWorth: Money; sophisticated: boolean },
  on: Date,
): Money | null {
  if (investor.sophisticated) return null;
  const { riskAcknowledgementFloor, riskAcknowledgementBps } = rule(on);
  const currency = policyOf('EU').currency;
  const floor = Money.of(riskAcknowledgementFloor, currency);
  const share = inCurrency(investor.netWorth, currency).multiplyBps(riskAcknowledgementBps);
  return floor.compare(share) >= 0 ? floor : share;
}

export function requiresRiskAcknowledgement(
  investor: { netWorth: Money; sophisticated: boolean },
  pledge: Money,
  on: Date,
): boolean {
  const threshold = riskAcknowledgementThreshold(investor, on);
  return threshold !== null && inCurrency(pledge, threshold.currency).compare(threshold) > 0;
}

/** ECSPR Art 21(5): the loss simulation shows 10% of net worth as what the investor can bear. */
export function lossBearingCapacity(netWorth: Money, on: Date): Money {
  return netWorth.multiplyBps(rule(on).lossBearingCapacityBps);
}

/** Whether a knowledge-test score passes (integer scores only; the mark is in basis points). */
export function passesKnowledgeTest(correct: number, questions: number, on: Date): boolean {
  if (
    !Number.isInteger(correct) ||
    !Number.isInteger(questions) ||
    questions <= 0 ||
    correct < 0 ||
    correct > questions
  ) {
    throw new RangeError(`A score is 0..${questions} correct answers, got ${correct}`);
  }
  return correct * 10_000 >= questions * rule(on).knowledgeTestPassMarkBps;
}

/** ECSPR Art 21(4): the entry test is re-taken every two years. */
export function knowledgeTestExpiresAt(passedAt: Date): Date {
  const expires = new Date(passedAt.getTime());
  expires.setUTCFullYear(expires.getUTCFullYear() + rule(passedAt).knowledgeTestValidityYears);
  return expires;
}

export interface SophisticationEvidence {
  kind: 'person' | 'company';
  /** company: own funds, turnover, balance sheet total (EUR minor units) */
  ownFunds?: Money;
  turnover?: Money;
  balanceSheetTotal?: Money;
  /** person: gross income, or a portfolio of cash and financial instruments (EUR minor units) */
  income?: Money;
  portfolio?: Money;
  yearsOfFinancialSectorExperience?: number;
  significantTradesPerQuarterLastFourQuarters?: number[];
}

/**
 * ECSPR Annex II: a company with one of own funds ≥ €100,000, turnover ≥ €2,000,000 or
 * balance sheet ≥ €1,000,000; a person with two of: income ≥ €60,000 or portfolio >
 * €100,000; a year in the financial sector; 10 significant trades a quarter for 4 quarters.
 * An admin still decides: this says whether the criteria stated are met.
 */
export function meetsSophisticationCriteria(evidence: SophisticationEvidence): boolean {
  const eur = (minor: bigint) => Money.of(minor, 'EUR');
  const atLeast = (value: Money | undefined, minor: bigint) =>
    value !== undefined && inCurrency(value, 'EUR').compare(eur(minor)) >= 0;
  if (evidence.kind === 'company') {
    return (
      atLeast(evidence.ownFunds, 10_000_000n) ||
      atLeast(evidence.turnover, 200_000_000n) ||
      atLeast(evidence.balanceSheetTotal, 100_000_000n)
    );
  }
  const means =
    atLeast(evidence.income, 6_000_000n) ||
    (evidence.portfolio !== undefined && inCurrency(evidence.portfolio, 'EUR').compare(eur(10_000_000n)) > 0);
  const experience = (evidence.yearsOfFinancialSectorExperience ?? 0) >= 1;
  const trades = evidence.significantTradesPerQuarterLastFourQuarters ?? [];
  const activity = trades.length >= 4 && trades.slice(-4).every((count) => count >= 10);
  return [means, experience, activity].filter(Boolean).length >= 2;
}
