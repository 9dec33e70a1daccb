import { Money } from '@crowdlink/domain';
import { isQualifiedCnInvestor, maxInvestorsPerCampaign } from './cn-investor-rules';

const ON = new Date('2026-11-26T00:00:00Z');
const cny = (yuan: number) => Money.of(yuan * 100, 'CNY');
const modest = { financialAssets: cny(500_000), averageAnnualIncomeThreeYears: cny(200_000) };

describe(isQualifiedCnInvestor.name, () => {
  it.each([
    ['financial assets of ¥1,000,000', { ...modest, financialAssets: cny(1_000_000) }, cny(1_000)],
    ['a 3-year average income of ¥300,000', { ...modest, averageAnnualIncomeThreeYears: cny(300_000) }, cny(1_000)],
    ['a single pledge of ¥100,000', modest, cny(100_000)],
  ])('qualifies with %s', (_case, investor, pledge) => {
    expect(isQualifiedCnInvestor(investor, pledge, ON)).toBe(true);
  });

  it('does not qualify just below every line', () => {
    expect(
      isQualifiedCnInvestor(
        { financialAssets: cny(999_999.99), averageAnnualIncomeThreeYears: cny(299_999.99) },
        cny(99_999.99),
        ON,
      ),
    ).toBe(false);
  });
});

describe(maxInvestorsPerCampaign.name, () => {
  it('admits 200 investors to a CN equity campaign, and sets no line elsewhere', () => {
    expect(maxInvestorsPerCampaign('CN', 'EQUITY', ON)).toBe(200);
    expect(maxInvestorsPerCampaign('CN', 'REWARD', ON)).toBeNull();
    expect(maxInvestorsPerCampaign('US', 'EQUITY', ON)).toBeNull();
  });
});
