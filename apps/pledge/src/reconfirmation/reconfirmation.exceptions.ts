import { DomainException } from '@crowdlink/domain';

export class ReconfirmationNotPendingException extends DomainException {
  constructor(id: string, status: string) {
    super(
      'RECONFIRMATION_NOT_PENDING',
      'conflict',
      `Pledge ${id} awaits no reconfirmation: only a COMMITTED pledge asked after a material change does`,
      { status },
    );
  }
}

/** The time to reconfirm has passed: the deadline sweep cancels the pledge (§227.304(c)). */
export class ReconfirmationWindowClosedException extends DomainException {
  constructor(reconfirmBy: Date) {
    super('RECONFIRMATION_WINDOW_CLOSED', 'conflict', 'The time to reconfirm this pledge has passed', {
      reconfirmBy: reconfirmBy.toISOString(),
    });
  }
}
