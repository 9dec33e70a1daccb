import { DomainException } from '@crowdlink/domain';

/** Also the answer to a founder naming another founder's company: its existence is not theirs to learn. */
export class CompanyNotFoundException extends DomainException {
  constructor() {
    super('COMPANY_NOT_FOUND', 'not_found', 'No such company among yours');
  }
}

export class PayoutAccountAlreadySetException extends DomainException {
  constructor() {
    super(
      'PAYOUT_ACCOUNT_ALREADY_SET',
      'conflict',
      'This company already has another payout account; ask support to change it',
    );
  }
}
