import { DomainException } from '@crowdlink/domain';

export class InvestorNotFoundException extends DomainException {
  constructor() {
    super('INVESTOR_NOT_FOUND', 'not_found', 'No investor record yet; it is created moments after registration');
  }
}
