import { DomainException } from '@crowdlink/domain';
import { ProjectStatus } from './project.model';

/** Also what a caller who may not see a project yet is told: its existence is not theirs to learn. */
export class ProjectNotFoundException extends DomainException {
  constructor() {
    super('PROJECT_NOT_FOUND', 'not_found', 'No such project');
  }
}

export class NotProjectOwnerException extends DomainException {
  constructor() {
    super('NOT_PROJECT_OWNER', 'forbidden', 'Only the founder who owns the project may do this');
  }
}

export class ProjectNotEditableException extends DomainException {
  constructor(status: ProjectStatus) {
    super('PROJECT_NOT_EDITABLE', 'conflict', `A ${status} project cannot be edited`, { status });
  }
}

/** Someone else changed the project between our read and our write; read it again. */
export class ProjectModifiedConcurrentlyException extends DomainException {
  constructor() {
    super('PROJECT_MODIFIED_CONCURRENTLY', 'conflict', 'The project changed meanwhile; reload it and try again');
  }
}

/** Stable codes of the cross-field rules of domain-rules.md §2 (see project-terms.ts). */
export type ProjectTermsCode =
  | 'CURRENCY_NOT_ALLOWED'
  | 'TARGET_ABOVE_MAX'
  | 'MIN_PLEDGE_ABOVE_MAX'
  | 'OFFERING_PERIOD_TOO_SHORT'
  | 'EQUITY_TERMS_REQUIRED'
  | 'EQUITY_TERMS_NOT_ALLOWED'
  | 'FUNDING_MODEL_NOT_ALLOWED'
  | 'REWARDS_NOT_ALLOWED';

export class ProjectTermsInvalidException extends DomainException {
  constructor(code: ProjectTermsCode, message: string, details?: Record<string, unknown>) {
    super(code, 'unprocessable', message, details);
  }
}
