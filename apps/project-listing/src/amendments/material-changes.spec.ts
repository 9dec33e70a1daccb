import { materialChanges, MaterialTerms } from './material-changes';

const current: MaterialTerms = {
  closesAt: new Date('2026-12-31T00:00:00.000Z'),
  targetAmount: 10_000_000,
  pricePerShare: 250,
  preMoneyValuation: 800_000_000,
};

describe(materialChanges.name, () => {
  it('lists each term that changes, from and to, in a fixed order', () => {
    expect(
      materialChanges(current, {
        pricePerShare: 500,
        closesAt: new Date('2027-01-15T00:00:00.000Z'),
        targetAmount: 12_000_000,
      }),
    ).toEqual([
      { term: 'closesAt', from: '2026-12-31T00:00:00.000Z', to: '2027-01-15T00:00:00.000Z' },
      { term: 'targetAmount', from: 10_000_000, to: 12_000_000 },
      { term: 'pricePerShare', from: 250, to: 500 },
    ]);
  });

  it('finds no change in terms sent with their current values, or in none sent', () => {
    expect(materialChanges(current, {})).toEqual([]);
    expect(
      materialChanges(current, {
        closesAt: new Date('2026-12-31T00:00:00.000Z'),
        targetAmount: 10_000_000,
        preMoneyValuation: 800_000_000,
      }),
    ).toEqual([]);
  });

  it('keeps an unchanged term out of a list with changed ones', () => {
    expect(materialChanges(current, { pricePerShare: 250, preMoneyValuation: 900_000_000 })).toEqual([
      { term: 'preMoneyValuation', from: 800_000_000, to: 900_000_000 },
    ]);
  });
});
