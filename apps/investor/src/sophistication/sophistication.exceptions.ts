import { DomainException } from '@crowdlink/domain';
import { SophisticatedStatus } from '../investors/investor-profile.entity';

export class SophisticationRequestNotAllowedException extends DomainException {
  constructor(status: SophisticatedStatus) {
    super(
      'SOPHISTICATION_REQUEST_NOT_ALLOWED',
      'conflict',
      status === 'REQUESTED'
        ? 'A request for sophisticated status is already waiting for a decision'
        : 'The investor is already a sophisticated investor',
      { sophisticatedStatus: status },
    );
  }
}

export class NoSophisticationRequestException extends DomainException {
  constructor(status: SophisticatedStatus) {
    super(
      'NO_SOPHISTICATION_REQUEST',
      'conflict',
      `There is no request for sophisticated status to decide (status ${status})`,
      { sophisticatedStatus: status },
    );
  }
}
