import { eligibilityChanged, eligibilityOf } from './investor-eligibility';
import { InvestorProfile } from './investor-profile.entity';

function profile(overrides: Partial<InvestorProfile> = {}): InvestorProfile {
  return Object.assign(new InvestorProfile(), {
    userId: '0197a5a0-0000-7000-8000-000000000001',
    version: 2,
    kycStatus: 'PENDING',
    selfCertifiedAccredited: false,
    currency: 'EUR',
    annualIncome: 1,
    netWorth: 2,
    financialAssets: null,
    averageAnnualIncomeThreeYears: null,
    knowledgeTestPassedUntil: new Date('2028-03-01T00:00:00Z'),
    sophisticatedStatus: 'REQUESTED',
    lossSimulationAcknowledgedAt: null,
    displayName: 'Ada',
    discoverable: false,
    ...overrides,
  });
}

describe(eligibilityOf.name, () => {
  it('takes the snapshot a pledge decision needs; only APPROVED counts as sophisticated', () => {
    expect(eligibilityOf(profile())).toEqual({
      userId: '0197a5a0-0000-7000-8000-000000000001',
      kycStatus: 'PENDING',
      accredited: false,
      currency: 'EUR',
      annualIncome: 1,
      netWorth: 2,
      financialAssets: null,
      averageAnnualIncomeThreeYears: null,
      knowledgeTestPassedUntil: '2028-03-01T00:00:00.000Z',
      sophisticated: false,
      lossSimulationAcknowledgedAt: null,
      version: 2,
    });
    expect(eligibilityOf(profile({ sophisticatedStatus: 'APPROVED' })).sophisticated).toBe(true);
  });
});

describe(eligibilityChanged.name, () => {
  it('ignores the version and what pledges do not need', () => {
    const before = eligibilityOf(profile());
    expect(
      eligibilityChanged(before, eligibilityOf(profile({ version: 3, displayName: 'B', discoverable: true }))),
    ).toBe(false);
    expect(eligibilityChanged(before, eligibilityOf(profile({ kycStatus: 'VERIFIED' })))).toBe(true);
    expect(eligibilityChanged(before, eligibilityOf(profile({ financialAssets: 5 })))).toBe(true);
  });
});
