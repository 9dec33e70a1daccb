import { DomainException } from '@crowdlink/domain';

export class ProjectNotFoundException extends DomainException {
  constructor(projectId: string) {
    super('PROJECT_NOT_FOUND', 'not_found', `No project ${projectId}`);
  }
}

export class NotProjectOwnerException extends DomainException {
  constructor() {
    super('NOT_PROJECT_OWNER', 'forbidden', "Only the project's owner or an admin sees its cap table");
  }
}
