import { Money } from '@crowdlink/domain';
import {
  knowledgeTestExpiresAt,
  lossBearingCapacity,
  meetsSophisticationCriteria,
  passesKnowledgeTest,
  requiresRiskAcknowledgement,
} from './eu-investor-rules';

const ON = new Date('2026-11-26T00:00:00Z');
const eur = (euros: number) => Money.of(euros * 100, 'EUR');

describe(requiresRiskAcknowledgement.name, () => {
  it.each([
    // the higher of €1,000 or 5% of net worth: €1,000 for net worth €10,000
    [10_000, 1_000, false],
    [10_000, 1_001, true],
    // 5% of €100,000 is €5,000
    [100_000, 5_000, false],
    [100_000, 5_000.01, true],
  ])('net worth €%i, pledge €%d: acknowledgement needed = %s', (netWorth, pledge, needed) => {
    expect(requiresRiskAcknowledgement({ netWorth: eur(netWorth), sophisticated: false }, eur(pledge), ON)).toBe(
      needed,
    );
  });

  it('never for a sophisticated investor', () => {
    expect(requiresRiskAcknowledgement({ netWorth: eur(0), sophisticated: true }, eur(1_000_000), ON)).toBe(false);
  });
});

describe('EU loss simulation and knowledge test', () => {
  it('shows 10% of net worth as the loss the investor can bear', () => {
    expect(lossBearingCapacity(eur(250_000), ON)).toEqual(eur(25_000));
  });

  it('passes at 70% and is valid for two years', () => {
    expect(passesKnowledgeTest(7, 10, ON)).toBe(true);
    expect(passesKnowledgeTest(6, 10, ON)).toBe(false);
    expect(knowledgeTestExpiresAt(new Date('2026-02-28T12:00:00Z'))).toEqual(new Date('2028-02-28T12:00:00Z'));
  });

  it('refuses an impossible score', () => {
    expect(() => passesKnowledgeTest(11, 10, ON)).toThrow(RangeError);
  });
});

describe(meetsSophisticationCriteria.name, () => {
  it('a company needs one of own funds, turnover or balance sheet', () => {
    expect(meetsSophisticationCriteria({ kind: 'company', turnover: eur(2_000_000) })).toBe(true);
    expect(
      meetsSophisticationCriteria({ kind: 'company', ownFunds: eur(99_999), balanceSheetTotal: eur(999_999) }),
    ).toBe(false);
  });

  it('a person needs two of means, experience and trading activity', () => {
    expect(
      meetsSophisticationCriteria({ kind: 'person', income: eur(60_000), yearsOfFinancialSectorExperience: 1 }),
    ).toBe(true);
    expect(
      meetsSophisticationCriteria({ kind: 'person', portfolio: eur(100_000), yearsOfFinancialSectorExperience: 3 }),
    ).toBe(false);
    expect(
      meetsSophisticationCriteria({
        kind: 'person',
        portfolio: eur(100_001),
        significantTradesPerQuarterLastFourQuarters: [10, 12, 10, 11],
      }),
    ).toBe(true);
    expect(
      meetsSophisticationCriteria({
        kind: 'person',
        yearsOfFinancialSectorExperience: 5,
        significantTradesPerQuarterLastFourQuarters: [10, 9, 10, 11],
      }),
    ).toBe(false);
  });
});
