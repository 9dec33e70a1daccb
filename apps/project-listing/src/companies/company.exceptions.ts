import { DomainException } from '@crowdlink/domain';

/** Also the answer to a founder naming another founder's company: its existence is not theirs to learn. */
export class CompanyNotFoundException extends DomainException {
  constructor() {
    super('COMPANY_NOT_FOUND', 'not_found', 'No such company among yours');
  }
}
