import { DomainException } from '@crowdlink/domain';

export class LoanNotRepayableException extends DomainException {
  constructor(id: string, status: string) {
    super('LOAN_NOT_REPAYABLE', 'conflict', `Loan ${id} is ${status}: repayments are taken on a DISBURSED loan`, {
      status,
    });
  }
}

export class RepaymentExceedsOutstandingException extends DomainException {
  constructor(outstanding: bigint) {
    super('REPAYMENT_EXCEEDS_OUTSTANDING', 'unprocessable', `At most ${outstanding} is owed on this loan`, {
      outstanding: Number(outstanding),
    });
  }
}
