import { DomainException } from '@crowdlink/domain';

export class RiskPoolNotFoundException extends DomainException {
  constructor(id: string) {
    super('RISK_POOL_NOT_FOUND', 'not_found', `No risk-compensation pool ${id}`);
  }
}

export class RiskPoolLeverageExceededException extends DomainException {
  constructor(capacity: bigint) {
    super(
      'RISK_POOL_LEVERAGE_EXCEEDED',
      'unprocessable',
      'Enrolling this loan would pass the pool’s leverage limit (enrolled principal ≤ multiple × balance)',
      { capacity: Number(capacity) },
    );
  }
}

export class LossSharesInvalidException extends DomainException {
  constructor(reason: string) {
    super('LOSS_SHARES_INVALID', 'unprocessable', reason);
  }
}

export class LoanNotDefaultedException extends DomainException {
  constructor(id: string, status: string) {
    super('LOAN_NOT_DEFAULTED', 'conflict', `Loan ${id} is ${status}: only a DEFAULTED loan can be claimed on`, {
      status,
    });
  }
}

export class ClaimAlreadyPaidException extends DomainException {
  constructor(loanId: string) {
    super('CLAIM_ALREADY_PAID', 'conflict', `The pool already paid its share of loan ${loanId}`);
  }
}

export class LoanNotEnrolledException extends DomainException {
  constructor(loanId: string) {
    super('LOAN_NOT_ENROLLED', 'unprocessable', `Loan ${loanId} is not enrolled in a risk-compensation pool`);
  }
}

export class NoCompensationAvailableException extends DomainException {
  constructor() {
    super(
      'NO_COMPENSATION_AVAILABLE',
      'unprocessable',
      'The pool’s caps or balance leave nothing to pay on this claim',
    );
  }
}
