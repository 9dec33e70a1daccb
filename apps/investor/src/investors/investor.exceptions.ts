import { DomainException } from '@crowdlink/domain';

export class InvestorNotFoundException extends DomainException {
  constructor() {
    super('INVESTOR_NOT_FOUND', 'not_found', 'No investor record yet; it is created moments after registration');
  }
}

/** The caller's `version` is not the profile's: someone changed it since they read it. */
export class InvestorProfileModifiedException extends DomainException {
  constructor(expected: number, actual: number) {
    super('INVESTOR_PROFILE_MODIFIED', 'conflict', 'The profile changed meanwhile; reload it and try again', {
      expected,
      actual,
    });
  }
}
