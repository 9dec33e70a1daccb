import { evidenceMeetsCriteria } from './sophistication-evidence';

describe(evidenceMeetsCriteria.name, () => {
  it('wants two of the three criteria for a person', () => {
    expect(evidenceMeetsCriteria({ kind: 'person', income: 60_000_00, yearsOfFinancialSectorExperience: 1 })).toBe(
      true,
    );
    expect(evidenceMeetsCriteria({ kind: 'person', income: 60_000_00 })).toBe(false);
    expect(
      evidenceMeetsCriteria({
        kind: 'person',
        portfolio: 100_000_01,
        significantTradesPerQuarterLastFourQuarters: [10, 10, 10, 10],
      }),
    ).toBe(true);
  });

  it('wants one of the three for a company', () => {
    expect(evidenceMeetsCriteria({ kind: 'company', balanceSheetTotal: 1_000_000_00 })).toBe(true);
    expect(evidenceMeetsCriteria({ kind: 'company', turnover: 1_999_999_99 })).toBe(false);
  });
});
