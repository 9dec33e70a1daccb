import { investorLimitIn, StatedFinances } from './investor-limit';

const ON = new Date('2026-06-01T00:00:00Z');
const NONE = new Map<string, bigint>();

function usd(annualIncome: number, netWorth: number, accredited = false): StatedFinances {
  return { currency: 'USD', annualIncome, netWorth, accredited };
}

describe(investorLimitIn.name, () => {
  it.each([
    [60_000_00, 80_000_00, 4_000_00],
    [30_000_00, 20_000_00, 2_500_00],
    [150_000_00, 200_000_00, 20_000_00],
    [2_000_000_00, 5_000_000_00, 124_000_00],
    [200_000_00, 100_000_00, 10_000_00],
  ])('gives the US worked example income %i / net worth %i → %i cents', (income, netWorth, limit) => {
    const item = investorLimitIn('US', usd(income, netWorth), NONE, ON);
    expect(item.limit?.minor).toBe(BigInt(limit));
    expect(item.remaining?.minor).toBe(BigInt(limit));
    expect(item.reason).toBeNull();
  });

  it('subtracts what was used, never below zero', () => {
    const used = new Map([['USD', 150_000n]]);
    expect(investorLimitIn('US', usd(60_000_00, 80_000_00), used, ON).remaining?.minor).toBe(250_000n);
    const overused = new Map([['USD', 900_000n]]);
    expect(investorLimitIn('US', usd(60_000_00, 80_000_00), overused, ON).remaining?.minor).toBe(0n);
  });

  it('has no US limit for an accredited investor, whatever the currency', () => {
    const item = investorLimitIn('US', { currency: 'EUR', annualIncome: 1, netWorth: 1, accredited: true }, NONE, ON);
    expect(item).toMatchObject({ limit: null, remaining: null, reason: { code: 'ACCREDITED_INVESTOR' } });
  });

  it('reports figures in another currency instead of converting them', () => {
    const item = investorLimitIn('US', { currency: 'EUR', annualIncome: 1, netWorth: 1, accredited: false }, NONE, ON);
    expect(item).toMatchObject({ currency: 'USD', limit: null, reason: { code: 'CURRENCY_MISMATCH' } });
  });

  it('asks for the figures when the profile has none', () => {
    const item = investorLimitIn(
      'US',
      { currency: null, annualIncome: null, netWorth: null, accredited: false },
      NONE,
      ON,
    );
    expect(item).toMatchObject({ limit: null, reason: { code: 'FINANCIALS_MISSING' } });
  });

  it.each(['EU', 'CN'] as const)('has no limit in %s, with or without figures', (jurisdiction) => {
    for (const finances of [usd(1, 1), { currency: null, annualIncome: null, netWorth: null, accredited: false }]) {
      expect(investorLimitIn(jurisdiction, finances, NONE, ON)).toMatchObject({
        limit: null,
        remaining: null,
        reason: { code: 'NO_LIMIT_IN_JURISDICTION' },
      });
    }
  });

  it('does not guess a remainder when pledges were made in another currency', () => {
    const used = new Map([
      ['USD', 100n],
      ['EUR', 100n],
    ]);
    const item = investorLimitIn('US', usd(60_000_00, 80_000_00), used, ON);
    expect(item).toMatchObject({ remaining: null, reason: { code: 'PLEDGES_IN_OTHER_CURRENCY' } });
    expect(item.limit?.minor).toBe(400_000n);
    expect(item.usedLast12Months.minor).toBe(100n);
  });
});
