import { DomainException } from '@crowdlink/domain';
import { LoanStatus } from './loan-row';

export class LoanNotFoundException extends DomainException {
  constructor(id: string) {
    super('LOAN_NOT_FOUND', 'not_found', `No loan ${id}`);
  }
}

export class LoanTransitionNotAllowedException extends DomainException {
  constructor(id: string, status: LoanStatus, to: LoanStatus) {
    super('LOAN_TRANSITION_NOT_ALLOWED', 'conflict', `Loan ${id} is ${status}: it cannot become ${to}`, {
      status,
      to,
    });
  }
}

export class BankOrganizationRequiredException extends DomainException {
  constructor() {
    super('BANK_ORGANIZATION_REQUIRED', 'forbidden', 'Bank users act for an organisation; this account has none');
  }
}

export class RoundNotFoundException extends DomainException {
  constructor(projectId: string) {
    super('PROJECT_NOT_FOUND', 'not_found', `No equity round for project ${projectId}`);
  }
}

export class NotAnEquityRoundException extends DomainException {
  constructor(projectId: string) {
    super(
      'NOT_AN_EQUITY_ROUND',
      'unprocessable',
      `Project ${projectId} is not an equity round; loans link to equity rounds`,
    );
  }
}

export class RoundNotOpenException extends DomainException {
  constructor(projectId: string, status: string) {
    super(
      'ROUND_NOT_OPEN',
      'conflict',
      `The round of project ${projectId} is ${status}: loans link only to open rounds`,
      {
        status,
      },
    );
  }
}

export class CurrencyMismatchException extends DomainException {
  constructor(expected: string, given: string) {
    super('CURRENCY_MISMATCH', 'unprocessable', `Expected ${expected}, got ${given}`, { expected, given });
  }
}

export class LoanTermTooLongException extends DomainException {
  constructor(maxTermMonths: number) {
    super('LOAN_TERM_TOO_LONG', 'unprocessable', `The longest term is ${maxTermMonths} months`, { maxTermMonths });
  }
}

export class IpAssetNotInProjectException extends DomainException {
  constructor(ipAssetIds: string[]) {
    super('IP_ASSET_NOT_IN_PROJECT', 'unprocessable', 'Collateral must be IP declared with the project', {
      ipAssetIds,
    });
  }
}

export class IpAssetNotValuedException extends DomainException {
  constructor(ipAssetIds: string[]) {
    super('IP_ASSET_NOT_VALUED', 'unprocessable', 'Collateral needs a current valuation in the loan currency', {
      ipAssetIds,
    });
  }
}

export class LoanToValueExceededException extends DomainException {
  constructor(maxLoan: bigint) {
    super('LOAN_TO_VALUE_EXCEEDED', 'unprocessable', `The principal is above Σ valuation × LTV (${maxLoan})`, {
      maxLoan: Number(maxLoan),
    });
  }
}

export class CollateralEncumberedException extends DomainException {
  constructor() {
    super('COLLATERAL_ENCUMBERED', 'conflict', 'An IP asset of this offer already backs an active loan');
  }
}

export class RegistrationInFutureException extends DomainException {
  constructor() {
    super('REGISTRATION_IN_FUTURE', 'unprocessable', 'registeredAt cannot be in the future');
  }
}

export class LoanNotAcceptedException extends DomainException {
  constructor(id: string, status: LoanStatus) {
    super(
      'LOAN_NOT_ACCEPTED',
      'conflict',
      `Loan ${id} is ${status}: the collateral is registered on an ACCEPTED loan`,
      {
        status,
      },
    );
  }
}
