import { Money } from '@crowdlink/domain';
import { investmentLimit, remainingLimit } from './investor-limits';

const ON = new Date('2026-11-26T00:00:00Z');
const usd = (dollars: number) => Money.of(dollars * 100, 'USD');
const investor = (income: number, netWorth: number, accredited = false) => ({
  annualIncome: usd(income),
  netWorth: usd(netWorth),
  accredited,
});

describe(investmentLimit.name, () => {
  // domain-rules.md §1, US, the five worked examples
  it.each([
    [60_000, 80_000, 4_000],
    [30_000, 20_000, 2_500],
    [150_000, 200_000, 20_000],
    [2_000_000, 5_000_000, 124_000],
    [200_000, 100_000, 10_000],
  ])('US: income $%i and net worth $%i may invest $%i in 12 months', (income, netWorth, limit) => {
    expect(investmentLimit('US', investor(income, netWorth), ON)).toEqual(usd(limit));
  });

  it('US: an accredited investor has no limit', () => {
    expect(investmentLimit('US', investor(10_000, 10_000, true), ON)).toBeNull();
  });

  it('US: the lower tier never passes the ceiling either', () => {
    expect(investmentLimit('US', investor(50_000, 10_000_000), ON)).toEqual(usd(124_000));
  });

  it('US: exactly at the threshold is the upper tier', () => {
    expect(investmentLimit('US', investor(124_000, 124_000), ON)).toEqual(usd(12_400));
  });

  it('US: refuses figures in another currency rather than guess a rate', () => {
    const euros = { annualIncome: Money.of(1, 'EUR'), netWorth: Money.of(1, 'EUR'), accredited: false };
    expect(() => investmentLimit('US', euros, ON)).toThrow('Give amounts in USD');
  });

  it.each(['EU', 'CN'] as const)('%s: no hard 12-month limit', (jurisdiction) => {
    expect(investmentLimit(jurisdiction, investor(1, 1), ON)).toBeNull();
  });
});

describe(remainingLimit.name, () => {
  it('is the limit less what was used, never below zero, and null without a limit', () => {
    expect(remainingLimit(usd(4_000), usd(1_500))).toEqual(usd(2_500));
    expect(remainingLimit(usd(4_000), usd(5_000))).toEqual(usd(0));
    expect(remainingLimit(null, usd(5_000))).toBeNull();
  });
});
