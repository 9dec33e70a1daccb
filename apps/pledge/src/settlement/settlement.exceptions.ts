import { DomainException } from '@crowdlink/domain';

/**
 * A provider's charge arrived for a pledge whose own charge attempt is still being decided: it
 * may be that attempt's echo or an older attempt's, which only the attempt's answer tells.
 * 409, so that Stripe delivers the event again once the attempt is decided.
 */
export class ChargeAttemptInFlightException extends DomainException {
  constructor(pledgeId: string) {
    super(
      'CHARGE_ATTEMPT_IN_FLIGHT',
      'conflict',
      `A charge of pledge ${pledgeId} is being decided; deliver again later`,
      {
        pledgeId,
      },
    );
  }
}
