import { DomainException } from '@crowdlink/domain';
import { assertConsistentTerms, ProjectTerms } from './project-terms';

const DAY = 24 * 3600 * 1000;
const opensAt = new Date('2026-12-01T00:00:00Z');

function terms(overrides: Partial<ProjectTerms> = {}): ProjectTerms {
  return {
    kind: 'EQUITY',
    jurisdiction: 'US',
    currency: 'USD',
    targetAmount: 1_000,
    maxAmount: 2_000,
    minPledge: 100,
    opensAt,
    closesAt: new Date(opensAt.getTime() + 21 * DAY),
    fundingModel: 'ALL_OR_NOTHING',
    hasEquityTerms: true,
    rewardCount: 0,
    ...overrides,
  };
}

function codeOf(overrides: Partial<ProjectTerms>): string | undefined {
  try {
    assertConsistentTerms(terms(overrides));
    return undefined;
  } catch (error) {
    return (error as DomainException).code;
  }
}

describe(assertConsistentTerms.name, () => {
  it('accepts consistent terms, with the target equal to the cap', () => {
    expect(codeOf({ targetAmount: 2_000 })).toBeUndefined();
  });

  it.each<[string, Partial<ProjectTerms>, string]>([
    ['a currency other than the jurisdiction’s', { currency: 'EUR' }, 'CURRENCY_NOT_ALLOWED'],
    ['a target above the cap', { targetAmount: 2_001 }, 'TARGET_ABOVE_MAX'],
    ['a minimum pledge above the cap', { minPledge: 2_001 }, 'MIN_PLEDGE_ABOVE_MAX'],
    [
      'a US window a millisecond short of 21 days',
      { closesAt: new Date(opensAt.getTime() + 21 * DAY - 1) },
      'OFFERING_PERIOD_TOO_SHORT',
    ],
    ['EQUITY without terms', { hasEquityTerms: false }, 'EQUITY_TERMS_REQUIRED'],
    ['equity terms on a REWARD', { kind: 'REWARD', fundingModel: 'KEEP_IT_ALL' }, 'EQUITY_TERMS_NOT_ALLOWED'],
    ['EQUITY as KEEP_IT_ALL', { fundingModel: 'KEEP_IT_ALL' }, 'FUNDING_MODEL_NOT_ALLOWED'],
    ['rewards on DONATION', { kind: 'DONATION', hasEquityTerms: false, rewardCount: 1 }, 'REWARDS_NOT_ALLOWED'],
  ])('refuses %s', (_case, overrides, code) => {
    expect(codeOf(overrides)).toBe(code);
  });

  it('lets EU and CN offerings run any positive length, but never close before they open', () => {
    const eu = { jurisdiction: 'EU' as const, currency: 'EUR' };
    expect(codeOf({ ...eu, closesAt: new Date(opensAt.getTime() + 1) })).toBeUndefined();
    expect(codeOf({ ...eu, closesAt: opensAt })).toBe('OFFERING_PERIOD_TOO_SHORT');
    expect(codeOf({ jurisdiction: 'CN', currency: 'CNY', closesAt: new Date(opensAt.getTime() + 1) })).toBeUndefined();
  });
});
