import { KYC_STATUSES } from '../investors/investor-profile.entity';
import { nextKycStatus } from './kyc-status.machine';

describe(nextKycStatus.name, () => {
  it.each([
    ['NOT_SUBMITTED', 'submit', 'PENDING'],
    ['REJECTED', 'submit', 'PENDING'],
    ['PENDING', 'verify', 'VERIFIED'],
    ['PENDING', 'reject', 'REJECTED'],
  ] as const)('moves %s by %s to %s', (from, action, to) => {
    expect(nextKycStatus(from, action)).toBe(to);
  });

  it('lets an admin decide only PENDING investors', () => {
    expect(KYC_STATUSES.filter((s) => nextKycStatus(s, 'verify') !== undefined)).toEqual(['PENDING']);
    expect(KYC_STATUSES.filter((s) => nextKycStatus(s, 'reject') !== undefined)).toEqual(['PENDING']);
  });

  it('does not send a verified or pending investor back to review on a profile edit', () => {
    expect(nextKycStatus('VERIFIED', 'submit')).toBeUndefined();
    expect(nextKycStatus('PENDING', 'submit')).toBeUndefined();
  });
});
