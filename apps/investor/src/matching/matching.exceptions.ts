import { DomainException } from '@crowdlink/domain';

/** Also for a project the investor service has not heard of: it cannot have matches yet. */
export class MatchingProjectNotFoundException extends DomainException {
  constructor() {
    super('PROJECT_NOT_FOUND', 'not_found', 'No such project');
  }
}

export class NotProjectOwnerException extends DomainException {
  constructor() {
    super('NOT_PROJECT_OWNER', 'forbidden', "Only the project's owner sees the investors matched to it");
  }
}
