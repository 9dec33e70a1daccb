import { DomainException } from '@crowdlink/domain';

/** Stripe could not be reached (or answered 5xx/429) while a payment method was being saved. */
export class PaymentProviderUnavailableException extends DomainException {
  constructor() {
    super('PAYMENT_PROVIDER_UNAVAILABLE', 'unavailable', 'The payment provider is not answering; try again shortly');
  }
}
