import { DomainException } from '@crowdlink/domain';
import { ProjectStatus } from '../projects/project.model';

/** Amendments are for LIVE offerings; before that the founder edits (PATCH), after it nothing changes. */
export class ProjectNotLiveException extends DomainException {
  constructor(status: ProjectStatus) {
    super('PROJECT_NOT_LIVE', 'conflict', `A ${status} project cannot be amended; only a LIVE one`, { status });
  }
}

export class NoMaterialChangeException extends DomainException {
  constructor() {
    super(
      'NO_MATERIAL_CHANGE',
      'unprocessable',
      'The amendment changes none of closesAt, targetAmount, equity.pricePerShare, equity.preMoneyValuation',
    );
  }
}

/**
 * §227.304(c) gives every committed investor the reconfirmation period: an offering that would
 * close before it ends must also move its deadline.
 */
export class ReconfirmationWindowTooShortException extends DomainException {
  constructor(closesAt: Date, reconfirmBy: Date) {
    super(
      'RECONFIRMATION_WINDOW_TOO_SHORT',
      'unprocessable',
      'The offering would close before investors have had their time to reconfirm: move closesAt to reconfirmBy or later',
      { closesAt: closesAt.toISOString(), reconfirmBy: reconfirmBy.toISOString() },
    );
  }
}
