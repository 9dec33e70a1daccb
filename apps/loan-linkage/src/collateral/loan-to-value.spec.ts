import { maxLoanOf, maxLoanOver, roundRatioBps } from './loan-to-value';

const policy = {
  INVENTION_PATENT: 2500,
  UTILITY_MODEL: 1500,
  DESIGN_PATENT: 1000,
  TRADEMARK: 5000,
  COPYRIGHT: 1000,
  SOFTWARE_COPYRIGHT: 1000,
};

describe(maxLoanOf.name, () => {
  it('takes the cap of the valuation, rounding down', () => {
    expect(maxLoanOf(1_000_000n, 2500)).toBe(250_000n);
    expect(maxLoanOf(999n, 2500)).toBe(249n);
  });

  it('refuses caps outside 0–10 000 bps', () => {
    expect(() => maxLoanOf(1n, 10_001)).toThrow(RangeError);
    expect(() => maxLoanOf(1n, 12.5)).toThrow(RangeError);
  });
});

describe(maxLoanOver.name, () => {
  it('sums each asset at its own type’s cap', () => {
    const collateral = [
      { value: 1_000_000n, type: 'INVENTION_PATENT' as const },
      { value: 1_000_000n, type: 'UTILITY_MODEL' as const },
      { value: 1_000_000n, type: 'TRADEMARK' as const },
    ];
    expect(maxLoanOver(collateral, policy)).toBe(250_000n + 150_000n + 500_000n);
  });
});

describe(roundRatioBps.name, () => {
  it('is the loan over the round target in basis points', () => {
    expect(roundRatioBps(300_000n, 1_000_000n)).toBe(3000);
  });
});
