import { DomainException } from '@crowdlink/domain';

export class ComplaintNotFoundException extends DomainException {
  constructor() {
    super('COMPLAINT_NOT_FOUND', 'not_found', 'No such complaint');
  }
}

export class ComplaintAlreadyResolvedException extends DomainException {
  constructor() {
    super('COMPLAINT_ALREADY_RESOLVED', 'conflict', 'The complaint is already resolved');
  }
}
