import { CompensationLimits, compensationFor } from './compensation';

const open: CompensationLimits = {
  coverageBps: 5400,
  balance: 10_000_000n,
  perLoanCap: 10_000_000n,
  perBorrowerCap: null,
  perYearCap: null,
  paidToBorrower: 0n,
  paidThisYear: 0n,
};

describe(compensationFor.name, () => {
  it('pays the pool’s share of the unrecovered principal', () => {
    expect(compensationFor(1_000_000n, open)).toBe(540_000n);
  });

  it('rounds the share down', () => {
    expect(compensationFor(3n, { ...open, coverageBps: 5000 })).toBe(1n);
  });

  it('stops at the per-loan cap', () => {
    expect(compensationFor(1_000_000n, { ...open, perLoanCap: 100_000n })).toBe(100_000n);
  });

  it('stops at what is left of the per-borrower cap', () => {
    expect(compensationFor(1_000_000n, { ...open, perBorrowerCap: 600_000n, paidToBorrower: 500_000n })).toBe(100_000n);
  });

  it('stops at what is left of the per-year cap', () => {
    expect(compensationFor(1_000_000n, { ...open, perYearCap: 700_000n, paidThisYear: 650_000n })).toBe(50_000n);
  });

  it('never pays more than the balance', () => {
    expect(compensationFor(1_000_000n, { ...open, balance: 12_345n })).toBe(12_345n);
  });

  it('pays nothing once a cap is used up', () => {
    expect(compensationFor(1_000_000n, { ...open, perYearCap: 100n, paidThisYear: 200n })).toBe(0n);
  });
});
