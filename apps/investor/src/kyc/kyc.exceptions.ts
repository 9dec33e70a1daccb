import { DomainException } from '@crowdlink/domain';
import { KycStatus } from '../investors/investor-profile.entity';
import { KycAction } from './kyc-status.machine';

export class IllegalKycTransitionException extends DomainException {
  constructor(from: KycStatus, action: KycAction) {
    super('ILLEGAL_KYC_TRANSITION', 'conflict', `Cannot ${action} the KYC of a ${from} investor`, { from, action });
  }
}
