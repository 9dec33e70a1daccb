import { DomainException } from '@crowdlink/domain';
import { ProjectStatus } from '../projects/project.model';
import { ProjectAction } from './project-status.machine';

export class IllegalTransitionException extends DomainException {
  constructor(from: ProjectStatus, action: ProjectAction) {
    super('ILLEGAL_TRANSITION', 'conflict', `Cannot ${action.replace('_', ' ')} a ${from} project`, { from, action });
  }
}

export interface MissingItem {
  item: string;
  reason: string;
}

export class ProjectIncompleteException extends DomainException {
  constructor(missing: MissingItem[]) {
    super('PROJECT_INCOMPLETE', 'unprocessable', 'The project is not complete enough to be reviewed', missing);
  }
}

export class IssuerCapExceededException extends DomainException {
  constructor(details: { jurisdiction: string; currency: string; cap: number; used: number; requested: number }) {
    super(
      'ISSUER_CAP_EXCEEDED',
      'unprocessable',
      "Approving this project would pass the company's issuer cap over 12 months",
      details,
    );
  }
}

export class ProjectClosedException extends DomainException {
  constructor(closesAt: Date) {
    super('PROJECT_CLOSED', 'conflict', 'The offering has already closed', { closesAt: closesAt.toISOString() });
  }
}
