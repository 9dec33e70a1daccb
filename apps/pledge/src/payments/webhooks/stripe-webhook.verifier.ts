import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import Stripe from 'stripe';
import {
  StripeWebhooksNotConfiguredException,
  WebhookEventMalformedException,
  WebhookSignatureInvalidException,
  WebhookSignatureMissingException,
  WebhookTimestampStaleException,
} from './stripe-webhook.exceptions';
import { StripeWebhookEvent, stripeWebhookEventOf } from './stripe-webhook-event';

/**
 * Accepts a webhook only if Stripe signed these exact bytes with the endpoint's secret, at
 * most STRIPE_WEBHOOK_TOLERANCE_SECONDS ago (by the service's clock): a captured request
 * replayed later by someone else is refused.
 */
@Injectable()
export class StripeWebhookVerifier {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  verify(rawBody: Buffer | undefined, signature: string | undefined): StripeWebhookEvent {
    const secret = this.config.STRIPE_WEBHOOK_SECRET;
    if (secret === undefined) throw new StripeWebhooksNotConfiguredException();
    if (!signature) throw new WebhookSignatureMissingException();
    const payload = rawBody ?? Buffer.alloc(0);
    const tolerance = this.config.STRIPE_WEBHOOK_TOLERANCE_SECONDS;
    let event: unknown;
    try {
      event = Stripe.webhooks.constructEvent(
        payload,
        signature,
        secret,
        tolerance,
        undefined,
        this.clock.now().getTime(),
      );
    } catch (error) {
      // a signed body that is not JSON fails Stripe's own parse, after the signature held
      if (error instanceof SyntaxError) throw new WebhookEventMalformedException();
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      if (isSignedIgnoringAge(payload, signature, secret)) throw new WebhookTimestampStaleException(tolerance);
      throw new WebhookSignatureInvalidException();
    }
    return stripeWebhookEventOf(event);
  }
}

/** Whether the signature holds when its age is not checked (Stripe skips that at tolerance 0). */
function isSignedIgnoringAge(payload: Buffer, signature: string, secret: string): boolean {
  try {
    return Stripe.webhooks.signature?.verifyHeader(payload, signature, secret, 0) === true;
  } catch {
    return false;
  }
}
