import { lossSharingParties } from './loss-sharing';

describe(lossSharingParties.name, () => {
  const zhongshan = [
    { party: 'fund', role: 'POOL' as const, shareBps: 5400 },
    { party: 'bank', role: 'BANK' as const, shareBps: 2600 },
    { party: 'insurer', role: 'INSURER' as const, shareBps: 1600 },
    { party: 'appraiser', role: 'APPRAISER' as const, shareBps: 400 },
  ];

  it('accepts shares summing to 10 000 with the pool at its coverage', () => {
    expect(lossSharingParties(5400, 'fund', zhongshan)).toEqual(zhongshan);
  });

  it('gives the bank the rest when no parties are named', () => {
    expect(lossSharingParties(4000, 'Zhuhai fund', undefined)).toEqual([
      { party: 'Zhuhai fund', role: 'POOL', shareBps: 4000 },
      { party: 'lending bank', role: 'BANK', shareBps: 6000 },
    ]);
  });

  it('refuses shares that do not sum to 10 000', () => {
    expect(() => lossSharingParties(5400, 'fund', zhongshan.slice(0, 3))).toThrow('sum to 9600');
  });

  it('refuses a pool share other than coverageBps', () => {
    expect(() => lossSharingParties(5000, 'fund', zhongshan)).toThrow('must equal coverageBps');
  });
});
