import { DomainException } from '@crowdlink/domain';

export class StripeWebhooksNotConfiguredException extends DomainException {
  constructor() {
    super(
      'STRIPE_WEBHOOKS_NOT_CONFIGURED',
      'not_found',
      'This deployment takes no Stripe webhooks (no signing secret)',
    );
  }
}

export class WebhookSignatureMissingException extends DomainException {
  constructor() {
    super('WEBHOOK_SIGNATURE_MISSING', 'invalid', 'The Stripe-Signature header is missing');
  }
}

export class WebhookSignatureInvalidException extends DomainException {
  constructor() {
    super('WEBHOOK_SIGNATURE_INVALID', 'invalid', 'The Stripe-Signature does not match this body and signing secret');
  }
}

export class WebhookTimestampStaleException extends DomainException {
  constructor(toleranceSeconds: number) {
    super('WEBHOOK_TIMESTAMP_STALE', 'invalid', `The webhook was signed more than ${toleranceSeconds}s ago`, {
      toleranceSeconds,
    });
  }
}

export class WebhookEventMalformedException extends DomainException {
  constructor() {
    super('WEBHOOK_EVENT_MALFORMED', 'invalid', 'The signed body is not a Stripe event');
  }
}
