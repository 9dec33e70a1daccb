import { DomainException } from '@crowdlink/domain';

/** The ECSPR loss simulation is stated in EUR, from the investor's net worth: no guessed exchange rate. */
export class NetWorthInEurRequiredException extends DomainException {
  constructor(currency: string | null) {
    super(
      'NET_WORTH_IN_EUR_REQUIRED',
      'unprocessable',
      currency === null
        ? 'State your net worth in EUR in your profile (PUT /v1/investors/me) before the loss simulation'
        : `The loss simulation needs your net worth in EUR; your profile states it in ${currency}`,
      { currency },
    );
  }
}

/** The DTO already refuses anything but `acknowledged: true`; this guards callers other than HTTP. */
export class LossSimulationNotAcknowledgedException extends DomainException {
  constructor() {
    super('LOSS_SIMULATION_NOT_ACKNOWLEDGED', 'unprocessable', 'The loss simulation must be acknowledged');
  }
}
